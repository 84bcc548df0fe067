package care.iop.gateway.audit;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import care.iop.gateway.edge.Authentication;

/**
 * {@code GET /api/v1/audit/verify} (admin): asks every service to verify its audit hash chain, with the
 * caller's token and that service's anchor if given ({@code <service>.anchorSeq}, {@code <service>.anchorHash};
 * {@link VerifyAnchors}), and answers {@code {valid, services: {<service>: <its report>}}}, valid when every
 * service's chain is.
 */
@ApplicationScoped
public class AuditVerifyMerge {
    public static final String PATH = "/api/v1/audit/verify";

    @Inject
    UpstreamReads reads;

    public void handle(RoutingContext ctx) {
        if (!Authentication.requireRole(ctx, "admin")) {
            return;
        }
        Map<String, String> queries = VerifyAnchors.queries(ctx, PATH);
        if (queries == null) {
            return;
        }
        UpstreamReads.fromEach(upstream -> reads.getJson(ctx, upstream, queries.get(upstream)).map(report -> checked(upstream, report)))
                .onSuccess(reports -> {
                    JsonObject services = new JsonObject();
                    reports.forEach(services::put);
                    boolean valid = reports.values().stream().allMatch(report -> report.getBoolean("valid"));
                    ctx.response().putHeader("Content-Type", "application/json")
                            .end(new JsonObject().put("valid", valid).put("services", services).toBuffer());
                })
                .onFailure(error -> UpstreamReads.answerFailure(ctx, error, "The audit chains could not be verified."));
    }

    /** The report, if it says whether the chain is valid: an answer that does not cannot count as either. */
    private static JsonObject checked(String upstream, JsonObject report) {
        if (!(report.getValue("valid") instanceof Boolean)) {
            throw new UpstreamReads.UpstreamCallFailed(upstream, new IllegalStateException("no boolean 'valid' in the verification"));
        }
        return report;
    }
}
