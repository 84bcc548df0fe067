package care.iop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import care.iop.gateway.openapi.OpenApiMerger;

/** The merge on its own, without a running gateway. */
class OpenApiMergerTest {
    private final OpenApiMerger merger = new OpenApiMerger(
            OpenApiMerger.info("IOP Care API", "1.0", "IOP Care", "https://iop.care", "Proprietary", "LicenseRef-Proprietary"),
            List.of("https://api.example.test"));

    @Test
    void identicalComponentsAreSharedAndDifferentOnesRenamedWithTheirReferences() {
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        for (String name : StubUpstreams.NAMES) {
            documents.put(name, StubUpstreams.openApi(name));
        }
        JsonObject merged = merger.merge(documents);
        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.fieldNames()).containsExactlyInAnyOrder("Problem", "AuditChainReport", "Item", "Page", "Plan_Item", "Plan_Page",
                "Session_Item", "Session_Page");
        assertThat(schemas.getJsonObject("Session_Page").encode()).contains("#/components/schemas/Session_Item");
        assertThat(schemas.getJsonObject("Page").encode()).contains("\"#/components/schemas/Item\"");
        assertThat(merged.getJsonArray("servers").getJsonObject(0).getString("url")).isEqualTo("https://api.example.test");
        assertThat(merged.getJsonArray("tags")).hasSize(3);
        assertThat(merged.getString("openapi")).isEqualTo("3.1.0");
    }

    @Test
    void theServicesFhirPathsAndTheSchemasOnlyTheyUseAreLeftOut() {
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        for (String name : StubUpstreams.NAMES) {
            JsonObject document = StubUpstreams.openApi(name);
            JsonObject content = new JsonObject().put("application/fhir+json",
                    new JsonObject().put("schema", new JsonObject().put("$ref", "#/components/schemas/CapabilityStatement")));
            JsonObject get = new JsonObject().put("operationId", "getFhirCapabilityPart")
                    .put("responses", new JsonObject().put("200", new JsonObject().put("description", "OK").put("content", content)));
            document.getJsonObject("paths").put("/fhir/R4/metadata", new JsonObject().put("get", get));
            document.getJsonObject("components").getJsonObject("schemas").put("CapabilityStatement", new JsonObject().put("type", "object"));
            documents.put(name, document);
        }
        JsonObject merged = merger.merge(documents);
        assertThat(merged.getJsonObject("paths").fieldNames()).noneMatch(path -> path.startsWith("/fhir/")).contains("/api/v1/plans");
        assertThat(merged.getJsonObject("components").getJsonObject("schemas").fieldNames()).doesNotContain("CapabilityStatement");
    }

    @Test
    void theAuditPathDescribesTheGatewaysMergeNotOneServicesTrail() {
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        for (String name : List.of("participant", "plan")) {
            documents.put(name, new JsonObject().put("openapi", "3.1.0").put("paths", new JsonObject().put("/api/v1/audit",
                    new JsonObject().put("get", new JsonObject().put("summary", "Read this service's audit trail")
                            .put("parameters", new JsonArray().add(new JsonObject().put("name", "patientId").put("in", "query")))))));
        }
        JsonObject get = merger.merge(documents).getJsonObject("paths").getJsonObject("/api/v1/audit").getJsonObject("get");
        assertThat(get.getString("summary")).isEqualTo("Read the audit trail of every service");
        assertThat(get.getString("description")).contains("merged in time order by the gateway");
        assertThat(get.getJsonArray("parameters").getJsonObject(0).getString("name")).isEqualTo("patientId");
    }

    @Test
    void theVerifyPathDescribesTheGatewaysVerificationOfEveryChainWhenAServiceDocumentsIt() {
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        documents.put("participant", new JsonObject().put("openapi", "3.1.0").put("paths", new JsonObject().put("/api/v1/audit/verify",
                new JsonObject().put("get", new JsonObject().put("summary", "Verify this service's audit hash chain")
                        .put("parameters", new JsonArray().add(new JsonObject().put("name", "anchorSeq").put("in", "query")))))));
        JsonObject get = merger.merge(documents).getJsonObject("paths").getJsonObject("/api/v1/audit/verify").getJsonObject("get");
        assertThat(get.getString("summary")).isEqualTo("Verify the audit hash chain of every service");
        assertThat(get.getJsonArray("parameters").stream().map(p -> ((JsonObject) p).getString("name")))
                .contains("participant.anchorSeq", "session.anchorHash").doesNotContain("anchorSeq");
        // no Problem schema and no documented report to refer to: both described in place
        assertThat(get.getJsonObject("responses").getJsonObject("403").getJsonObject("content").getJsonObject("application/problem+json")
                .getJsonObject("schema").getString("type")).isEqualTo("object");
        assertThat(get.getJsonObject("responses").getJsonObject("200").getJsonObject("content").getJsonObject("application/json")
                .getJsonObject("schema").getJsonObject("properties").getJsonObject("services").getJsonObject("properties")
                .getJsonObject("session").getString("type")).isEqualTo("object");

        documents.put("participant", new JsonObject().put("openapi", "3.1.0").put("paths", new JsonObject()));
        assertThat(merger.merge(documents).getJsonObject("paths").containsKey("/api/v1/audit/verify")).isFalse();
    }

    @Test
    void anOperationIdTakenByAnotherServiceIsPrefixedWithTheServiceAndInfoNamesContactAndLicence() {
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        documents.put("participant", document("/api/v1/patients", "getThing"));
        documents.put("plan", document("/api/v1/plans", "getThing"));
        documents.put("session", document("/api/v1/sessions", "getThing"));
        JsonObject merged = merger.merge(documents);
        JsonObject paths = merged.getJsonObject("paths");
        assertThat(paths.getJsonObject("/api/v1/patients").getJsonObject("get").getString("operationId")).isEqualTo("getThing");
        assertThat(paths.getJsonObject("/api/v1/plans").getJsonObject("get").getString("operationId")).isEqualTo("planGetThing");
        assertThat(paths.getJsonObject("/api/v1/sessions").getJsonObject("get").getString("operationId")).isEqualTo("sessionGetThing");
        assertThat(merged.getJsonObject("info").getJsonObject("contact").getString("url")).isEqualTo("https://iop.care");
        assertThat(merged.getJsonObject("info").getJsonObject("license").getString("identifier")).isEqualTo("LicenseRef-Proprietary");
    }

    @Test
    void componentsNoPathRefersToAreLeftOut() {
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        documents.put("participant", StubUpstreams.openApi("participant"));
        JsonObject plan = StubUpstreams.openApi("plan");
        plan.getJsonObject("components").getJsonObject("schemas").put("Orphan", new JsonObject().put("type", "object")
                .put("properties", new JsonObject().put("item", new JsonObject().put("$ref", "#/components/schemas/Item"))));
        documents.put("plan", plan);
        JsonObject schemas = merger.merge(documents).getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.fieldNames()).doesNotContain("Orphan").contains("Plan_Item", "Plan_Page", "Item", "Page", "Problem");
    }

    private static JsonObject document(String path, String operationId) {
        return new JsonObject().put("openapi", "3.1.0").put("paths", new JsonObject().put(path, new JsonObject().put("get",
                new JsonObject().put("operationId", operationId).put("responses", new JsonObject().put("200", new JsonObject().put("description", "OK"))))));
    }

    @Test
    void theInputDocumentsAreNotChanged() {
        JsonObject plan = StubUpstreams.openApi("plan");
        JsonObject before = plan.copy();
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        documents.put("participant", StubUpstreams.openApi("participant"));
        documents.put("plan", plan);
        merger.merge(documents);
        assertThat(plan).isEqualTo(before);
    }
}
