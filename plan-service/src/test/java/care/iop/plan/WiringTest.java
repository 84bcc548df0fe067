package care.iop.plan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import care.iop.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class WiringTest {

    @Test
    void healthIsUpWithDatabaseAndMigrations() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void adminTokenIsAcceptedAndAnonymousIsRefused() {
        given().header("Authorization", TestTokens.bearer("admin")).when().get("/api/v1/audit").then().statusCode(200);
        given().when().get("/api/v1/audit").then().statusCode(401).contentType("application/problem+json");
    }
}
