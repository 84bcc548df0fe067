package care.iop.gateway.worklist;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import care.iop.gateway.GatewayConfig;
import care.iop.gateway.Routes;
import care.iop.gateway.audit.UpstreamReads;
import care.iop.gateway.edge.Authentication;
import care.iop.gateway.edge.Identity;
import care.iop.gateway.problem.Problems;
import care.iop.platform.worklist.WorklistItem;
import care.iop.platform.worklist.WorklistItemKind;
import care.iop.problems.ProblemType;

/**
 * {@code GET /api/v1/worklists/me} and {@code GET /api/v1/worklists/clinicians/{clinicianId}} (clinician, admin): asks
 * plan-service and session-service for their items of the clinician at once, with the caller's token and request id, and
 * answers them merged in {@link WorklistItem#ORDER}. A service that fails or does not answer within
 * {@code iop.gateway.worklist.timeout} is left out: the answer is still 200, with {@code partial: true} and the service named
 * in {@code unavailable}, so a screen shows what it has. A service's refusal (403 for another clinician's worklist) is the
 * answer; when no service answered, 503 or 504 naming one.
 */
@ApplicationScoped
public class WorklistMerge {
    public static final String ME = "/api/v1/worklists/me";
    public static final String CLINICIAN = "/api/v1/worklists/clinicians/:clinicianId";
    /** A service's worklist face: {@code /api/v1/worklists/clinicians/{clinicianId}/<segment>}. */
    public static final String ITEMS = "/api/v1/worklists/clinicians/:clinicianId/:items";
    private static final Logger LOG = Logger.getLogger(WorklistMerge.class);

    @Inject
    UpstreamReads reads;

    @Inject
    GatewayConfig config;

    public void me(RoutingContext ctx) {
        Identity identity = Authentication.identity(ctx);
        if (!allowed(ctx)) {
            return;
        }
        UUID clinicianId = uuid(identity.clinicianId());
        if (clinicianId == null) {
            Problems.send(ctx, ProblemType.FORBIDDEN, "Your token names no clinician (claim clinician_id): read a clinician's worklist at "
                    + "/api/v1/worklists/clinicians/{clinicianId}.");
            return;
        }
        merge(ctx, clinicianId);
    }

    public void clinician(RoutingContext ctx) {
        if (!allowed(ctx)) {
            return;
        }
        UUID clinicianId = uuid(ctx.pathParam("clinicianId"));
        if (clinicianId == null) {
            Problems.send(ctx, ProblemType.VALIDATION, "clinicianId: must be a UUID");
            return;
        }
        merge(ctx, clinicianId);
    }

    /** 403 unless a clinician or an admin: the worklist is clinical. The services decide whose worklist a clinician reads. */
    private static boolean allowed(RoutingContext ctx) {
        Identity identity = Authentication.identity(ctx);
        if (identity != null && (identity.hasRole("clinician") || identity.hasRole("admin"))) {
            return true;
        }
        Problems.send(ctx, ProblemType.FORBIDDEN, "The worklist is for clinicians and admins.");
        return false;
    }

    private void merge(RoutingContext ctx, UUID clinicianId) {
        long timeout = config.worklist().timeout().toMillis();
        Map<String, Future<JsonObject>> calls = new LinkedHashMap<>();
        Routes.WORKLIST_ITEMS.forEach((segment, upstream) -> {
            String path = Routes.WORKLISTS + "/clinicians/" + clinicianId + "/" + segment;
            calls.put(upstream, reads.getJson(ctx, upstream, path).timeout(timeout, TimeUnit.MILLISECONDS));
        });
        Future.join(new ArrayList<>(calls.values())).onComplete(done -> answer(ctx, clinicianId, calls));
    }

    private static void answer(RoutingContext ctx, UUID clinicianId, Map<String, Future<JsonObject>> calls) {
        List<Sortable> items = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        Throwable failure = null;
        for (Map.Entry<String, Future<JsonObject>> call : calls.entrySet()) {
            if (call.getValue().succeeded()) {
                call.getValue().result().getJsonArray("items", new JsonArray()).forEach(item -> items.add(new Sortable(item((JsonObject) item), (JsonObject) item)));
                continue;
            }
            Throwable error = call.getValue().cause();
            if (UpstreamReads.refusedByService(error)) {
                UpstreamReads.answerFailure(ctx, error, "The worklist could not be read.");
                return;
            }
            LOG.warnf("Worklist without %s-service: %s", call.getKey(), error.toString());
            unavailable.add(call.getKey() + "-service");
            failure = failure == null ? UpstreamReads.naming(call.getKey(), error) : failure;
        }
        if (unavailable.size() == calls.size()) {
            UpstreamReads.answerFailure(ctx, failure, "The worklist could not be read.");
            return;
        }
        items.sort(Comparator.comparing(Sortable::key, WorklistItem.ORDER));
        JsonObject body = new JsonObject()
                .put("clinicianId", clinicianId.toString())
                .put("generatedAt", OffsetDateTime.now(ZoneOffset.UTC).toString())
                .put("items", new JsonArray(items.stream().map(Sortable::json).toList()))
                .put("partial", !unavailable.isEmpty());
        if (!unavailable.isEmpty()) {
            body.put("unavailable", new JsonArray(unavailable));
        }
        ctx.response().putHeader("Content-Type", "application/json").end(body.toBuffer());
    }

    /** The fields of an item as a service answered it that {@link WorklistItem#ORDER} compares (the rest is passed on as it is). */
    static WorklistItem item(JsonObject json) {
        String dueAt = json.getString("dueAt");
        String resourceId = json.getString("resourceId");
        return new WorklistItem(WorklistItemKind.valueOf(json.getString("kind")), null, null, null,
                resourceId == null ? null : UUID.fromString(resourceId), dueAt == null ? null : OffsetDateTime.parse(dueAt),
                json.getBoolean("overdue", false), null);
    }

    /** An item as answered and what it is sorted by. */
    private record Sortable(WorklistItem key, JsonObject json) {
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
