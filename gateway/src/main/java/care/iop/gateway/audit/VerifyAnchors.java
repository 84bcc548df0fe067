package care.iop.gateway.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.QueryStringEncoder;
import io.vertx.ext.web.RoutingContext;

import care.iop.gateway.Routes;
import care.iop.gateway.problem.Problems;
import care.iop.problems.ProblemType;

/**
 * The anchors of {@code GET /api/v1/audit/verify}, one pair per service: {@code <service>.anchorSeq} and
 * {@code <service>.anchorHash}, passed to that service as {@code anchorSeq} and {@code anchorHash}. Checked
 * by the rules of the services' {@code AuditResource}, so that a bad one is named as the caller wrote it.
 */
final class VerifyAnchors {
    static final String SEQ = "anchorSeq";
    static final String HASH = "anchorHash";
    private static final List<String> NAMES = List.of(SEQ, HASH);

    private VerifyAnchors() {
    }

    /** The path and query of each service's verification, by service; null after answering 400. */
    static Map<String, String> queries(RoutingContext ctx, String path) {
        String stray = stray(ctx);
        if (stray != null) {
            return invalid(ctx, stray, "anchors are per service: give <service>." + SEQ + " and <service>." + HASH
                    + ", <service> one of " + String.join(", ", Routes.upstreamNames()));
        }
        Map<String, String> queries = new LinkedHashMap<>();
        for (String service : Routes.upstreamNames()) {
            String seq = ctx.request().getParam(service + "." + SEQ);
            String hash = ctx.request().getParam(service + "." + HASH);
            QueryStringEncoder query = new QueryStringEncoder(path);
            if (seq != null || hash != null) {
                Long anchorSeq = seq == null ? null : parseSeq(seq);
                if (anchorSeq == null) {
                    return invalid(ctx, service + "." + SEQ, seq == null ? "required with " + service + "." + HASH
                            : "must be a chain_seq (a whole number of at least 1)");
                }
                if (hash == null || !hash.matches("[0-9a-fA-F]{64}")) {
                    return invalid(ctx, service + "." + HASH, "must be the anchored link's hash, 64 hex digits, with " + service + "." + SEQ);
                }
                query.addParam(SEQ, anchorSeq.toString());
                query.addParam(HASH, hash);
            }
            queries.put(service, query.toString());
        }
        return queries;
    }

    /** A query parameter naming an anchor but no service of the gateway ({@code anchorSeq}, {@code x.anchorHash}). */
    private static String stray(RoutingContext ctx) {
        for (String name : ctx.queryParams().names()) {
            for (String anchor : NAMES) {
                boolean isAnchor = name.equals(anchor) || name.endsWith("." + anchor);
                if (isAnchor && !Routes.upstreamNames().contains(name.substring(0, Math.max(0, name.length() - anchor.length() - 1)))) {
                    return name;
                }
            }
        }
        return null;
    }

    private static Long parseSeq(String raw) {
        try {
            long seq = Long.parseLong(raw.trim());
            return seq >= 1 ? seq : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, String> invalid(RoutingContext ctx, String parameter, String rule) {
        Problems.send(ctx, ProblemType.VALIDATION, parameter + ": " + rule);
        return null;
    }
}
