package care.iop.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

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
    void everyServiceAcceptsAnAdminTokenAndRefusesAnonymousCallsWithProblemJson() {
        for (Component service : Component.SERVICES) {
            given().header("Authorization", "Bearer " + system.token("admin"))
                    .when().get(system.serviceUrl(service) + "/api/v1/audit").then().statusCode(200);
            given().when().get(system.serviceUrl(service) + "/api/v1/audit").then()
                    .statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        }
    }
}
