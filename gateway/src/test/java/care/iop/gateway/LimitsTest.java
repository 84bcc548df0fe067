package care.iop.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Test limits: burst 30, 5 requests per second, bodies up to 64 KiB (see %test in application.properties). */
@QuarkusTest
class LimitsTest {

    @Test
    void aClientOverItsRateGets429WithRetryAfter() {
        String token = Callers.bearer("clinician");
        Response limited = null;
        for (int i = 0; i < 200 && limited == null; i++) {
            Response response = given().header("Authorization", token).when().get("/api/v1/plans");
            if (response.statusCode() == 429) {
                limited = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
            }
        }
        assertThat(limited).as("a 429 within 200 rapid requests").isNotNull();
        limited.then().contentType("application/problem+json")
                .body("type", equalTo("https://iop.care/problems/too-many-requests"))
                .body("status", equalTo(429));
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);

        // another client is not affected
        given().header("Authorization", Callers.bearer("clinician")).when().get("/api/v1/plans").then().statusCode(200);
    }

    @Test
    void aBodyOverTheLimitIs413Problem() {
        byte[] big = new byte[64 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        given().header("Authorization", Callers.bearer("clinician"))
                .contentType("application/json").body(big)
                .when().post("/api/v1/patients")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://iop.care/problems/payload-too-large"))
                .body("status", equalTo(413));
    }

    @Test
    void aBodyAtTheLimitPasses() {
        byte[] body = new byte[64 * 1024];
        java.util.Arrays.fill(body, (byte) 'a');
        given().header("Authorization", Callers.bearer("clinician"))
                .contentType("text/plain").body(body)
                .when().post("/api/v1/patients")
                .then().statusCode(200)
                .body("body.length()", equalTo(64 * 1024));
    }
}
