package care.iop.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The test profile allows the origin https://app.example.test. */
@QuarkusTest
class CorsTest {
    private static final String APP = "https://app.example.test";

    @Test
    void aPreflightFromAConfiguredOriginIsAllowed() {
        given().header("Origin", APP)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type,Idempotency-Key")
                .when().options("/api/v1/patients")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", APP)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"));
    }

    @Test
    void aPreflightFromAnotherOriginIsNotAllowed() {
        given().header("Origin", "https://evil.example.test")
                .header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/patients")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void actualResponsesCarryCorsHeaders() {
        given().header("Origin", APP).header("Authorization", Callers.bearer("clinician"))
                .when().get("/api/v1/sessions")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", APP)
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"))
                .header("Access-Control-Expose-Headers", containsString("Part2-Notice"))
                .header("Access-Control-Expose-Headers", containsString("Idempotent-Replayed"))
                .body("upstream", equalTo("session"));
    }
}
