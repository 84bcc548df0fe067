package care.iop.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthAndMetricsTest {

    @Test
    void healthReportsEachUpstream() {
        given().when().get("/q/health/well")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'upstream-participant' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'upstream-plan' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'upstream-session' }.status", equalTo("UP"));
        given().when().get("/q/health")
                .then().statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.hasItems("upstream-participant", "upstream-plan", "upstream-session"));
    }

    @Test
    void metricsShowForwardedRequestsWithBoundedLabels() {
        String id = java.util.UUID.randomUUID().toString();
        given().header("Authorization", Callers.bearer("clinician")).when().get("/api/v1/outcomes/" + id)
                .then().statusCode(200);
        given().when().get("/api/v1/patients/" + id).then().statusCode(401);
        given().header("Authorization", Callers.bearer("clinician")).when().get("/api/v9/" + id).then().statusCode(404);
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("iop_gateway_upstream_requests_seconds_count{outcome=\"2xx\",upstream=\"plan\"}"))
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("uri=\"/api/v1/outcomes/*\""))
                .body(containsString("status=\"401\",uri=\"/api/v1/patients/*\""))
                .body(containsString("status=\"404\",uri=\"/api/*\""))
                .body(org.hamcrest.Matchers.not(containsString(id)));
    }
}
