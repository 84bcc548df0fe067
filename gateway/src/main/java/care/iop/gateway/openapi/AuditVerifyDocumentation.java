package care.iop.gateway.openapi;

import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Every service documents its own {@code GET /api/v1/audit/verify}; behind the gateway that path is the
 * gateway's verification of all chains at once ({@code audit/AuditVerifyMerge}): per-service anchor
 * parameters and the answer {@code {valid, services: {<service>: <report>}}}. This rewrites the operation so.
 */
final class AuditVerifyDocumentation {
    static final String PATH = "/api/v1/audit/verify";
    private static final String PROBLEM = "application/problem+json";

    private AuditVerifyDocumentation() {
    }

    /** Rewrites {@code GET} of {@link #PATH} in {@code paths}, if a service documents it. */
    static void describe(JsonObject paths, JsonObject components, List<String> services) {
        JsonObject verify = paths.getJsonObject(PATH);
        JsonObject get = verify == null ? null : verify.getJsonObject("get");
        if (get == null) {
            return;
        }
        JsonArray parameters = new JsonArray();
        for (String service : services) {
            parameters.add(parameter(service + ".anchorSeq", "chain_seq of a link of the " + service + "-service chain anchored earlier"
                    + " (its headSeq of a previous verification); passed to that service as anchorSeq",
                    new JsonObject().put("type", "integer").put("format", "int64").put("minimum", 1), 1024));
            parameters.add(parameter(service + ".anchorHash", "That link's hash then (its headHash, 64 hex digits); required with "
                    + service + ".anchorSeq; passed to that service as anchorHash",
                    new JsonObject().put("type", "string").put("pattern", "^[0-9a-fA-F]{64}$"), null));
        }
        JsonObject problem = problemSchema(components);
        get.put("operationId", "verifyAuditChains")
                .put("summary", "Verify the audit hash chain of every service")
                .put("description", "Asks participant-service, plan-service and session-service to verify their tamper-evident audit"
                        + " hash chains (each walks its sealed audit rows and names the first broken link) and answers every report."
                        + " valid is true only when every service's chain is valid. Anchors are per service: record a service's headSeq"
                        + " and headHash outside the database and pass them back later as <service>.anchorSeq and <service>.anchorHash;"
                        + " a chain rewritten or cut short since then fails too. A service that is down makes the whole request fail"
                        + " (503/504 naming it). Admins only.")
                .put("parameters", parameters)
                .put("responses", new JsonObject()
                        .put("200", new JsonObject().put("description", "Every service's verification; valid is false when any chain is broken")
                                .put("content", new JsonObject().put("application/json", new JsonObject()
                                        .put("schema", answerSchema(get, services))
                                        .put("example", example()))))
                        .put("400", problem("A bad anchor parameter (named in detail)", problem))
                        .put("401", problem("No valid token", problem))
                        .put("403", problem("Not an admin", problem))
                        .put("502", problem("A service failed to answer (named in detail)", problem))
                        .put("503", problem("A service is not reachable (named in detail)", problem))
                        .put("504", problem("A service did not answer in time (named in detail)", problem)));
    }

    private static JsonObject parameter(String name, String description, JsonObject schema, Object example) {
        JsonObject parameter = new JsonObject().put("name", name).put("in", "query").put("required", false)
                .put("description", description).put("schema", schema);
        return example == null ? parameter : parameter.put("example", example);
    }

    /** The gateway's answer; each service's report has the schema the services document for their own answer. */
    private static JsonObject answerSchema(JsonObject get, List<String> services) {
        JsonObject report = serviceReportSchema(get);
        JsonObject byService = new JsonObject();
        services.forEach(service -> byService.put(service, report.copy()));
        return new JsonObject().put("type", "object")
                .put("required", new JsonArray().add("valid").add("services"))
                .put("properties", new JsonObject()
                        .put("valid", new JsonObject().put("type", "boolean").put("description", "True when every service's chain is valid"))
                        .put("services", new JsonObject().put("type", "object").put("description", "Each service's own verification")
                                .put("required", new JsonArray(services))
                                .put("properties", byService)));
    }

    private static JsonObject serviceReportSchema(JsonObject get) {
        JsonObject ok = get.getJsonObject("responses", new JsonObject()).getJsonObject("200", new JsonObject());
        JsonObject json = ok.getJsonObject("content", new JsonObject()).getJsonObject("application/json", new JsonObject());
        JsonObject schema = json.getJsonObject("schema");
        return schema != null ? schema : new JsonObject().put("type", "object");
    }

    private static JsonObject problemSchema(JsonObject components) {
        JsonObject schemas = components.getJsonObject("schemas", new JsonObject());
        return schemas.containsKey("Problem") ? new JsonObject().put("$ref", "#/components/schemas/Problem")
                : new JsonObject().put("type", "object").put("description", "RFC 9457 problem detail");
    }

    private static JsonObject problem(String description, JsonObject schema) {
        return new JsonObject().put("description", description)
                .put("content", new JsonObject().put(PROBLEM, new JsonObject().put("schema", schema.copy())));
    }

    private static JsonObject example() {
        return new JsonObject().put("valid", false).put("services", new JsonObject()
                .put("participant", report(1024, 2, "c0cde073e7e5fc1c872c3f89860466367d3a0da31a7c4b85882757a6b7dd4ba3"))
                .put("plan", report(311, 0, "64879f7d6b960a01909762d911a32d4582c20010c5641ee90278b644a9e3b525")
                        .put("valid", false)
                        .put("firstBrokenLink", new JsonObject().put("chainSeq", 42).put("auditId", 57).put("problem", "CONTENT_CHANGED")
                                .put("detail", "The row no longer matches its hash: a column was changed after it was sealed.")))
                .put("session", report(587, 1, "3f3af1ecebbd1410ab417ec0d27bbfcb5d340e177ae159b59fc8626c2dfd9175")));
    }

    private static JsonObject report(long sealed, long unsealed, String headHash) {
        return new JsonObject().put("valid", true).put("sealedRows", sealed).put("unsealedRows", unsealed)
                .put("headSeq", sealed).put("headHash", headHash);
    }
}
