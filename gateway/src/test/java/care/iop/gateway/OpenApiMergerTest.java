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
    private final OpenApiMerger merger = new OpenApiMerger("IOP Care API", "1.0", List.of("https://api.example.test"));

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
