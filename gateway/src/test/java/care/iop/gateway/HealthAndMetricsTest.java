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
        given().when().get("/q/health/ready")
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
        given().header("Authorization", Callers.bearer("clinician")).when().get("/api/v1/outcomes/" + java.util.UUID.randomUUID())
                .then().statusCode(200);
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("iop_gateway_upstream_requests_seconds_count{outcome=\"2xx\",upstream=\"plan\"}"))
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"))
                .body(org.hamcrest.Matchers.not(containsString("/api/v1/outcomes/" + "0")));
    }
}
