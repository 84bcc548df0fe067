package care.iop.gateway.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.netty.handler.codec.http.QueryStringEncoder;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import care.iop.gateway.GatewayConfig;
import care.iop.gateway.edge.Authentication;
import care.iop.problems.ProblemType;
import care.iop.gateway.problem.Problems;

/**
 * {@code GET /api/v1/audit?patientId=&from=&to=&page=&size=} (admin): reads every service's audit
 * trail with the caller's token, page by page, and answers one page of the entries merged in time order.
 */
@ApplicationScoped
public class AuditMerge {
    public static final String PATH = "/api/v1/audit";
    static final int UPSTREAM_PAGE_SIZE = 100;
    static final int MAX_SIZE = 100;
    private static final List<String> FILTERS = List.of("patientId", "from", "to");

    @Inject
    UpstreamReads reads;

    @Inject
    GatewayConfig config;

    public void handle(RoutingContext ctx) {
        if (!Authentication.requireRole(ctx, "admin")) {
            return;
        }
        Integer page = intParam(ctx, "page", 0, 0, Integer.MAX_VALUE, "must be 0 or more");
        Integer size = page == null ? null : intParam(ctx, "size", 20, 1, MAX_SIZE, "must be between 1 and " + MAX_SIZE);
        if (page == null || size == null) {
            return;
        }
        UpstreamReads.fromEach(upstream -> readAll(ctx, upstream)).onComplete(done -> {
            if (done.failed()) {
                answerFailure(ctx, done.cause());
                return;
            }
            List<JsonObject> merged = new ArrayList<>();
            done.result().values().forEach(merged::addAll);
            merged.sort(Comparator.comparing(AuditMerge::occurredAt)
                    .thenComparing(entry -> entry.getString("service", ""))
                    .thenComparing(entry -> String.valueOf(entry.getValue("id"))));
            int from = (int) Math.min((long) page * size, merged.size());
            int to = Math.min(from + size, merged.size());
            JsonObject body = new JsonObject()
                    .put("items", new JsonArray(new ArrayList<>(merged.subList(from, to))))
                    .put("page", page)
                    .put("size", size)
                    .put("total", merged.size());
            ctx.response().putHeader("Content-Type", "application/json").end(body.toBuffer());
        });
    }

    private Future<List<JsonObject>> readAll(RoutingContext ctx, String upstream) {
        return readFrom(ctx, upstream, 0, new ArrayList<>())
                .recover(error -> Future.failedFuture(error instanceof TooManyEntries ? error : UpstreamReads.naming(upstream, error)));
    }

    private Future<List<JsonObject>> readFrom(RoutingContext ctx, String upstream, int page, List<JsonObject> collected) {
        QueryStringEncoder query = new QueryStringEncoder(PATH);
        for (String filter : FILTERS) {
            String value = ctx.request().getParam(filter);
            if (value != null) {
                query.addParam(filter, value);
            }
        }
        query.addParam("page", Integer.toString(page));
        query.addParam("size", Integer.toString(UPSTREAM_PAGE_SIZE));
        return reads.getJson(ctx, upstream, query.toString()).compose(json -> {
            JsonArray items = json.getJsonArray("items", new JsonArray());
            for (int i = 0; i < items.size(); i++) {
                JsonObject item = items.getJsonObject(i);
                if (!item.containsKey("service")) {
                    item.put("service", upstream);
                }
                collected.add(item);
            }
            if (collected.size() > config.audit().maxEntriesPerService()) {
                return Future.failedFuture(new TooManyEntries());
            }
            long total = json.getLong("total", 0L);
            if (items.isEmpty() || (long) (page + 1) * UPSTREAM_PAGE_SIZE >= total) {
                return Future.succeededFuture(collected);
            }
            return readFrom(ctx, upstream, page + 1, collected);
        });
    }

    private void answerFailure(RoutingContext ctx, Throwable error) {
        if (error instanceof TooManyEntries) {
            Problems.send(ctx, ProblemType.UNPROCESSABLE, "More than " + config.audit().maxEntriesPerService()
                    + " entries in one service match; narrow the window with from and to, or filter by patientId.");
        } else {
            UpstreamReads.answerFailure(ctx, error, "The audit trails could not be read.");
        }
    }

    private static Integer intParam(RoutingContext ctx, String name, int fallback, int min, int max, String rule) {
        String raw = ctx.request().getParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        Problems.send(ctx, ProblemType.VALIDATION, name + ": " + rule);
        return null;
    }

    private static Instant occurredAt(JsonObject entry) {
        String value = entry.getString("occurredAt", "");
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException unparsable) {
                return Instant.MAX;
            }
        }
    }

    /** More entries than one request may merge. */
    static final class TooManyEntries extends RuntimeException {
        TooManyEntries() {
            super("too many audit entries", null, false, false);
        }
    }
}
