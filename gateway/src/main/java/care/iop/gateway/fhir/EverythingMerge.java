package care.iop.gateway.fhir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import care.iop.gateway.Routes;

/**
 * {@code GET /fhir/R4/Patient/{id}/$everything}: asks every service that may hold the patient's resources for its part
 * ({@code GET /fhir/R4/Patient/{id}/$everything-part}, with the caller's token, so each service leaves out what the caller
 * may not see: Part 2 records without consent, another patient's data) all at once, and answers one searchset Bundle:
 * participant-service's part first (the Patient), then plan-service's, then session-service's, in the order each gave.
 * <p>
 * Paged with {@code _count} (default {@value #DEFAULT_COUNT}, at most {@value #MAX_COUNT}; 0 answers the total alone) and
 * {@code _offset}; the page
 * state is in the links ({@code next} carries the offset), so the gateway keeps nothing between pages and every page
 * asks the services again (a resource written between two pages may shift the boundary, as in any FHIR search).
 * {@code _since} goes to the services; {@code _type} keeps the listed types (participant-service is asked even when none
 * of its types is listed: it says whether the patient exists for this caller). A service's own refusal (404 unknown
 * patient, 403 scope) is the answer; a service down or failing is 503/504/502 naming it: a record with a silent hole would
 * mislead.
 */
@ApplicationScoped
public class EverythingMerge {
    public static final int DEFAULT_COUNT = 100;
    public static final int MAX_COUNT = 500;
    private static final Set<String> PARAMETERS = Set.of("_count", "_offset", "_since", "_type");
    private static final String PATIENT_SERVICE = "participant";

    @Inject
    FhirCalls calls;

    @Inject
    FhirBase base;

    public void handle(RoutingContext ctx, String patientId) {
        FhirParameters params = new FhirParameters(ctx.queryParams(), PARAMETERS);
        int count = params.count("_count", DEFAULT_COUNT, MAX_COUNT);
        int offset = params.integer("_offset", 0, 0, Integer.MAX_VALUE);
        String since = params.instant("_since");
        Set<String> types = params.types("_type");
        String query = since == null ? "" : "?_since=" + encode(since);
        Map<String, Future<JsonObject>> parts = new LinkedHashMap<>();
        for (String upstream : Routes.upstreamNames()) {
            boolean holdsAsked = types.isEmpty() || types.stream().anyMatch(type -> FhirTypes.OWNERS.get(type).equals(upstream));
            if (holdsAsked || upstream.equals(PATIENT_SERVICE)) {
                parts.put(upstream, calls.get(ctx, upstream, FhirTypes.BASE + "/Patient/" + patientId + "/$everything-part" + query, true));
            }
        }
        Future.join(new ArrayList<>(parts.values())).onComplete(done -> {
            Throwable failure = firstFailure(parts);
            if (failure != null) {
                FhirCalls.answerFailure(ctx, failure);
                return;
            }
            List<JsonObject> resources = new ArrayList<>();
            parts.values().forEach(part -> part.result().getJsonArray("entry", new JsonArray()).forEach(entry -> {
                JsonObject resource = entry instanceof JsonObject e ? e.getJsonObject("resource") : null;
                if (resource != null && (types.isEmpty() || types.contains(resource.getString("resourceType")))) {
                    resources.add(resource);
                }
            }));
            Page page = new Page(base.of(ctx), "/Patient/" + patientId + "/$everything", since, params.get("_type"), count, offset);
            ctx.response().putHeader("Content-Type", OperationOutcomes.FHIR_JSON).end(page.bundle(resources).toBuffer());
        });
    }

    /** A service's refusal first (it is the caller's answer), else the first service that failed, in service order. */
    private static Throwable firstFailure(Map<String, Future<JsonObject>> parts) {
        Throwable failure = null;
        for (Future<JsonObject> part : parts.values()) {
            if (part.failed()) {
                if (FhirCalls.refusal(part.cause())) {
                    return part.cause();
                }
                failure = failure == null ? part.cause() : failure;
            }
        }
        return failure;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** One page of the merged record and its links. */
    record Page(String base, String path, String since, String type, int count, int offset) {

        JsonObject bundle(List<JsonObject> all) {
            int total = all.size();
            int from = Math.min(offset, total);
            List<JsonObject> shown = all.subList(from, Math.min(total, from + count));
            JsonArray links = new JsonArray().add(link("self", offset));
            if (count > 0) {
                links.add(link("first", 0));
                if (offset > 0) {
                    links.add(link("previous", Math.max(0, offset - count)));
                }
                if (offset + count < total) {
                    links.add(link("next", offset + count));
                }
                links.add(link("last", total == 0 ? 0 : (total - 1) / count * count));
            }
            JsonArray entries = new JsonArray();
            for (JsonObject resource : shown) {
                entries.add(new JsonObject()
                        .put("fullUrl", base + "/" + resource.getString("resourceType") + "/" + resource.getString("id"))
                        .put("resource", resource)
                        .put("search", new JsonObject().put("mode", "match")));
            }
            return new JsonObject()
                    .put("resourceType", "Bundle")
                    .put("id", UUID.randomUUID().toString())
                    .put("meta", new JsonObject().put("lastUpdated", Instant.now().toString()))
                    .put("type", "searchset")
                    .put("total", total)
                    .put("link", links)
                    .put("entry", entries);
        }

        private JsonObject link(String relation, int at) {
            StringBuilder url = new StringBuilder(base).append(path).append("?_count=").append(count).append("&_offset=").append(at);
            if (since != null) {
                url.append("&_since=").append(encode(since));
            }
            if (type != null) {
                url.append("&_type=").append(encode(type));
            }
            return new JsonObject().put("relation", relation).put("url", url.toString());
        }
    }
}
