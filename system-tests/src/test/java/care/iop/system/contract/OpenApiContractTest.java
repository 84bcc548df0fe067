package care.iop.system.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The checked-in merged document, which the Java client is generated from, is fit for it (no stack needed):
 * no message of the swagger-parser, no broken {@link OpenApiRules} rule. OpenApiContractIT keeps it equal to
 * the live one.
 */
class OpenApiContractTest {

    @Test
    void theCheckedInDocumentValidatesWithoutAnyMessageAndKeepsEveryRule() {
        String json = ContractDocument.read();
        assertThat(OpenApiRules.check(json, ContractDocument.parse(json))).as(ContractDocument.path().toString()).isEmpty();
    }

    @Test
    void everyOperationOfTheThreeServicesAndTheGatewayHasItsId() {
        JsonNode paths = ContractDocument.parse(ContractDocument.read()).path("paths");
        assertThat(paths.path("/api/v1/patients").path("post").path("operationId").asText()).isEqualTo("createPatient");
        assertThat(paths.path("/api/v1/sessions/{id}/participants").path("post").path("operationId").asText()).isEqualTo("bookGroupSeat");
        assertThat(paths.path("/api/v1/plans").path("post").path("operationId").asText()).isEqualTo("createPlan");
        assertThat(paths.path("/api/v1/audit/verify").path("get").path("operationId").asText()).isEqualTo("verifyAuditChains");
    }

    @Test
    void theRulesCatchWhatTheParserLetsPass() {
        String json = ContractDocument.read();
        JsonNode broken = ContractDocument.parse(json);
        ObjectNode patients = (ObjectNode) broken.path("paths").path("/api/v1/patients").path("post");
        patients.remove("operationId");
        ObjectNode created = (ObjectNode) patients.path("responses").path("201").path("headers");
        created.putObject("X-Undocumented").put("description", "no schema");
        ObjectNode sessions = (ObjectNode) broken.path("paths").path("/api/v1/sessions").path("post");
        sessions.put("operationId", "searchPatients");
        ObjectNode size = (ObjectNode) broken.path("paths").path("/api/v1/patients").path("get")
                .path("parameters").findParents("name").stream().filter(p -> p.path("name").asText().equals("size")).findFirst().orElseThrow()
                .path("schema");
        size.put("default", "20");
        ((ObjectNode) broken.path("components").path("schemas")).putObject("Unused").put("type", "object");
        ((ObjectNode) broken.path("info")).remove("license");

        assertThat(OpenApiRules.rules(broken)).contains(
                "POST /api/v1/patients: no operationId",
                "POST /api/v1/patients 201 header X-Undocumented: neither schema nor content",
                "POST /api/v1/sessions: operationId searchPatients is also the id of GET /api/v1/patients",
                "#/components/schemas/Unused: not used",
                "info: no license")
                .anyMatch(problem -> problem.endsWith("default \"20\" is not of type integer"));
    }
}
