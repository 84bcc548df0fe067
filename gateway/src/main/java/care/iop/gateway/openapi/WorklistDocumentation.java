package care.iop.gateway.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The gateway's own {@code GET /api/v1/worklists/me} and {@code GET /api/v1/worklists/clinicians/{clinicianId}}
 * (worklist/WorklistMerge), which no service documents: added to the merged document, their items described by the
 * schema the services give their worklist items ({@code WorklistItem}, from plan-service's and session-service's documents).
 */
final class WorklistDocumentation {
    static final String ME = "/api/v1/worklists/me";
    static final String CLINICIAN = "/api/v1/worklists/clinicians/{clinicianId}";
    private static final String PROBLEM = "application/problem+json";
    private static final String ITEM = "WorklistItem";
    private static final String DESCRIPTION = "The clinician's worklist: what to do today and tomorrow, merged by the gateway from"
            + " plan-service (GET /api/v1/worklists/clinicians/{clinicianId}/plan-items: REVIEW_DUE, PLAN_SIGNATURE, SAFETY_FLAG,"
            + " URGENT_SAFETY_FLAG, ASSESSMENT_DUE, NO_SHOW_FOLLOW_UP, DISCHARGE_REVIEW, DISCHARGE_SUMMARY) and session-service"
            + " (.../session-items: SESSION, NOTE_TO_WRITE, NOTE_TO_SIGN, NOTE_TO_COSIGN), asked at once with the caller's token"
            + " and X-Request-Id. Items are overdue first, then by due time (items without one last), kind and resource id; each"
            + " names the call that acts on it (action.method, action.href) and never a patient's name (patientId links to the"
            + " chart). Today and tomorrow are program days (iop.program.time-zone). A service that fails or does not answer within"
            + " iop.gateway.worklist.timeout (2 s) is left out: the answer is still 200, with partial true and the service in"
            + " unavailable, so a screen shows what it has and says what is missing. Clinicians and admins.";

    private WorklistDocumentation() {
    }

    /** Adds both operations to {@code paths}. */
    static void describe(JsonObject paths, JsonObject components) {
        JsonObject problem = components.getJsonObject("schemas", new JsonObject()).containsKey("Problem")
                ? new JsonObject().put("$ref", "#/components/schemas/Problem")
                : new JsonObject().put("type", "object").put("description", "RFC 9457 problem detail");
        JsonObject item = components.getJsonObject("schemas", new JsonObject()).containsKey(ITEM)
                ? new JsonObject().put("$ref", "#/components/schemas/" + ITEM)
                : new JsonObject().put("type", "object").put("description", "A worklist item as the services answer it");
        paths.put(ME, new JsonObject().put("get", operation("getMyWorklist", "The caller's worklist",
                DESCRIPTION + " The clinician is the one the token names (claim clinician_id); a token naming none gets 403.",
                new JsonArray(), item, problem, "A token without the clinician or admin role, or naming no clinician (clinician_id)")));
        JsonArray parameters = new JsonArray().add(new JsonObject().put("name", "clinicianId").put("in", "path").put("required", true)
                .put("description", "The clinician (participant-service id)")
                .put("schema", new JsonObject().put("type", "string").put("format", "uuid"))
                .put("example", "3f2b8c1e-5d4a-4f6b-9c8d-7e6f5a4b3c2d"));
        paths.put(CLINICIAN, new JsonObject().put("get", operation("getClinicianWorklist", "A clinician's worklist",
                DESCRIPTION + " A clinician reads its own (its token's clinician_id); admins read anyone's; a supervisor reads a"
                        + " supervisee's through an admin (no supervision relation is recorded).",
                parameters, item, problem, "Another clinician's worklist, or a token without the clinician or admin role")));
    }

    private static JsonObject operation(String id, String summary, String description, JsonArray parameters, JsonObject item,
                                        JsonObject problem, String forbidden) {
        JsonObject responses = new JsonObject()
                .put("200", new JsonObject().put("description", "The worklist; partial when a service is missing from it")
                        .put("content", new JsonObject().put("application/json", new JsonObject()
                                .put("schema", answerSchema(item))
                                .put("examples", new JsonObject()
                                        .put("complete", new JsonObject().put("summary", "Both services answered").put("value", example(false)))
                                        .put("partial", new JsonObject().put("summary", "session-service did not answer in time")
                                                .put("value", example(true)))))));
        if (!parameters.isEmpty()) {
            responses.put("400", problem("clinicianId is not a UUID", problem));
        }
        responses.put("401", problem("No valid token", problem))
                .put("403", problem(forbidden, problem))
                .put("502", problem("No service answered usably (named in detail)", problem))
                .put("503", problem("No service is reachable (one named in detail)", problem))
                .put("504", problem("No service answered in time (one named in detail)", problem));
        return new JsonObject().put("operationId", id).put("summary", summary).put("description", description)
                .put("tags", new JsonArray().add("Worklist"))
                .put("parameters", parameters)
                .put("security", new JsonArray().add(new JsonObject().put(OpenApiMerger.SECURITY_SCHEME, new JsonArray())))
                .put("responses", responses);
    }

    private static JsonObject answerSchema(JsonObject item) {
        return new JsonObject().put("type", "object")
                .put("required", new JsonArray().add("clinicianId").add("generatedAt").add("items").add("partial"))
                .put("properties", new JsonObject()
                        .put("clinicianId", new JsonObject().put("type", "string").put("format", "uuid").put("description", "Whose worklist"))
                        .put("generatedAt", new JsonObject().put("type", "string").put("format", "date-time").put("description", "When the gateway merged it"))
                        .put("items", new JsonObject().put("type", "array").put("items", item.copy())
                                .put("description", "Every service's items, overdue first, then by due time, kind and resource id"))
                        .put("partial", new JsonObject().put("type", "boolean").put("description", "True when a service is missing from items"))
                        .put("unavailable", new JsonObject().put("type", "array").put("items", new JsonObject().put("type", "string"))
                                .put("description", "The services missing from items (only when partial), e.g. session-service")));
    }

    private static JsonObject problem(String description, JsonObject schema) {
        return new JsonObject().put("description", description)
                .put("content", new JsonObject().put(PROBLEM, new JsonObject().put("schema", schema.copy())));
    }

    private static JsonObject example(boolean partial) {
        JsonArray items = new JsonArray().add(new JsonObject().put("kind", "SAFETY_FLAG").put("summary", "PHQ-9 item 9 positive: screen today")
                .put("patientId", "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d").put("resourceType", "SafetyFlag")
                .put("resourceId", "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d").put("dueAt", "2026-12-08T00:00:00-05:00").put("overdue", true)
                .put("action", new JsonObject().put("method", "GET").put("href", "/api/v1/assessments/safety-flags/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d")));
        if (!partial) {
            items.add(new JsonObject().put("kind", "SESSION").put("summary", "Group session 2026-12-08 10:00-11:30").putNull("patientId")
                    .put("resourceType", "Session").put("resourceId", "7e6f5a4b-3c2d-4e1f-9a8b-7c6d5e4f3a2b")
                    .put("dueAt", "2026-12-08T10:00:00-05:00").put("overdue", false)
                    .put("action", new JsonObject().put("method", "GET").put("href", "/api/v1/sessions/7e6f5a4b-3c2d-4e1f-9a8b-7c6d5e4f3a2b")));
        }
        JsonObject answer = new JsonObject().put("clinicianId", "3f2b8c1e-5d4a-4f6b-9c8d-7e6f5a4b3c2d")
                .put("generatedAt", "2026-12-08T14:15:00Z").put("items", items).put("partial", partial);
        return partial ? answer.put("unavailable", new JsonArray().add("session-service")) : answer;
    }
}
