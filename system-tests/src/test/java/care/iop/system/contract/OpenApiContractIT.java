package care.iop.system.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import care.iop.devstack.Component;
import care.iop.system.SystemStack;

/**
 * The merged document the gateway serves, with the real services behind it: valid with zero parser messages,
 * every rule kept, no operationId used by two services, and identical to the checked-in document the client is
 * generated from. With {@code -Diop.openapi.update=true} the checked-in document is rewritten instead
 * ({@link ContractDocument#REFRESH_COMMAND}).
 */
class OpenApiContractIT {
    private static SystemStack system;

    @BeforeAll
    static void start() throws Exception {
        system = SystemStack.get();
    }

    @Test
    void theLiveMergedDocumentValidatesWithZeroMessagesAndKeepsEveryRule() {
        String live = given().when().get(system.gatewayUrl() + "/q/openapi").then().statusCode(200).extract().asString();
        assertThat(OpenApiRules.check(live, ContractDocument.parse(live))).isEmpty();
    }

    @Test
    void noTwoServicesUseOneOperationIdForDifferentOperations() {
        Map<String, String> owners = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (Component service : Component.SERVICES) {
            String json = given().when().get(system.serviceUrl(service) + "/q/openapi?format=json").then().statusCode(200).extract().asString();
            ContractDocument.parse(json).path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                String id = op.getValue().path("operationId").asText("");
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                String other = owners.putIfAbsent(id, where);
                if (!id.isEmpty() && other != null && !other.equals(where)) {
                    clashes.add(service.name() + " " + where + ": " + id + " is also " + other);
                }
            }));
        }
        assertThat(owners).containsKeys("createPatient", "createPlan", "bookGroupSeat");
        assertThat(clashes).isEmpty();
    }

    @Test
    void theCheckedInDocumentIsTheLiveOne() {
        JsonNode live = ContractDocument.parse(given().when().get(system.gatewayUrl() + "/q/openapi").then().statusCode(200).extract().asString());
        JsonNode checkedIn = ContractDocument.parse(ContractDocument.read());
        if (Boolean.getBoolean(ContractDocument.UPDATE_SWITCH) && !live.equals(checkedIn)) {
            ContractDocument.write(live);
            System.out.println("Rewrote " + ContractDocument.path() + " from the live merged document");
            checkedIn = ContractDocument.parse(ContractDocument.read());
        }
        assertThat(ContractDocument.differences(checkedIn, live, 40))
                .as("The API changed: %s differs from the gateway's /q/openapi (the generated client would be stale)."
                        + " Review the differences below, then refresh it with%n  %s%nand commit it.", ContractDocument.path(),
                        ContractDocument.REFRESH_COMMAND)
                .isEmpty();
    }
}
