package care.iop.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import care.iop.devstack.Component;

/** The stack comes up as separate processes and every component accepts the local tokens. */
class StackSmokeIT {
    private static SystemStack system;

    @BeforeAll
    static void start() throws Exception {
        system = SystemStack.get();
    }

    @Test
    void gatewayIsHealthy() {
        given().when().get(system.gatewayUrl() + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theGatewaysApiDocumentHoldsEveryOperationOfEveryService() {
        Map<String, Object> merged = given().when().get(system.gatewayUrl() + "/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        assertThat(merged).isNotEmpty();
        for (Component service : Component.SERVICES) {
            Map<String, Map<String, Object>> own = given().when().get(system.serviceUrl(service) + "/q/openapi?format=json").then().statusCode(200)
                    .extract().jsonPath().getMap("paths");
            assertThat(own).as(service.name()).isNotEmpty();
            own.forEach((path, operations) -> {
                assertThat(merged).as(service.name() + " " + path).containsKey(path);
                @SuppressWarnings("unchecked")
                Map<String, Object> mergedOperations = (Map<String, Object>) merged.get(path);
                assertThat(mergedOperations.keySet()).as(service.name() + " " + path).containsAll(operations.keySet());
            });
        }
        given().when().get(system.gatewayUrl() + "/q/openapi?format=json").then()
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/audit'.get.summary", equalTo("Read the audit trail of every service"));
    }

    @Test
    void everyServiceAcceptsAnAdminTokenAndRefusesAnonymousCallsWithProblemJson() {
        for (Component service : Component.SERVICES) {
            given().header("Authorization", "Bearer " + system.token("admin"))
                    .when().get(system.serviceUrl(service) + "/api/v1/audit").then().statusCode(200);
            given().when().get(system.serviceUrl(service) + "/api/v1/audit").then()
                    .statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        }
    }

    @Test
    void aSignedChartLinkOpensTheChartInABrowserWithoutToken() {
        String url = given().header("Authorization", "Bearer " + system.token("clinician")).contentType("application/json")
                .body("{\"instrument\":\"PHQ9\"}")
                .when().post(system.gatewayUrl() + "/api/v1/outcomes/modality-comparison/chart-links")
                .then().statusCode(201).extract().path("url");
        // what a browser does with the link: a plain GET, no Authorization header
        given().urlEncodingEnabled(false).accept("text/html,image/svg+xml,*/*;q=0.8")
                .when().get(system.gatewayUrl() + url)
                .then().statusCode(200).contentType("image/svg+xml");
        given().urlEncodingEnabled(false).when().get(system.gatewayUrl() + url.replace("instrument=PHQ9", "instrument=GAD7"))
                .then().statusCode(403).contentType("application/problem+json");
    }
}
