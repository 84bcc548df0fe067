package care.iop.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import care.iop.gateway.edge.RequestIds;
import care.iop.gateway.proxy.ProxyHandler;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class UpstreamFailureTest {

    @ConfigProperty(name = GatewayTestResources.CONTROL_URL)
    String control;

    @Test
    void aSlowUpstreamIs504Problem() {
        long start = System.nanoTime();
        given().header("Authorization", Callers.bearer("clinician"))
                .when().get("/api/v1/sessions/slow")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("https://iop.care/problems/gateway-timeout"))
                .body("detail", equalTo("The session service did not answer in time."));
        org.assertj.core.api.Assertions.assertThat((System.nanoTime() - start) / 1_000_000)
                .isLessThan(StubUpstreams.SLOW_MILLIS);
    }

    @Test
    void aRawUpstreamErrorIs502WithoutItsInternals() {
        given().header("Authorization", Callers.bearer("clinician"))
                .when().get("/api/v1/plans/boom")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("https://iop.care/problems/bad-gateway"))
                .body(not(containsString("Exception")))
                .body(not(containsString("5432")));
    }

    @Test
    void theGatewaysLogLinesNameTheRequest() {
        List<String> requestIds = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext) {
                    requestIds.add(String.valueOf(ext.getMdc(RequestIds.MDC_KEY)));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger proxyLog = Logger.getLogger(ProxyHandler.class.getName());
        proxyLog.addHandler(capture);
        try {
            given().header("Authorization", Callers.bearer("clinician")).header("X-Request-Id", "log-line-42")
                    .when().get("/api/v1/plans/boom").then().statusCode(502);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> requestIds.contains("log-line-42"));
        } finally {
            proxyLog.removeHandler(capture);
        }
    }

    @Test
    void aDownUpstreamIs503ProblemAndReportedDownWhileTheGatewayStaysReady() {
        given().post(control + "/participant/down").then().statusCode(200);
        try {
            given().header("Authorization", Callers.bearer("clinician"))
                    .when().get("/api/v1/clinicians")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://iop.care/problems/service-unavailable"))
                    .body("detail", equalTo("The participant service is not reachable right now; try again later."))
                    .body(not(containsString("localhost")));
            given().when().get("/q/health")
                    .then().statusCode(503)
                    .body("checks.find { it.name == 'upstream-participant' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'upstream-plan' }.status", equalTo("UP"));
            // The gateway itself stays ready: it keeps routing to the services that are up.
            given().when().get("/q/health/ready").then().statusCode(200);
            given().header("Authorization", Callers.bearer("admin"))
                    .when().get("/api/v1/audit")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://iop.care/problems/service-unavailable"))
                    .body("detail", equalTo("The participant service is not reachable right now; try again later."));
            // /q/openapi meanwhile: openapi/StaleOpenApiTest
        } finally {
            given().post(control + "/participant/up").then().statusCode(200);
        }
        given().header("Authorization", Callers.bearer("clinician"))
                .when().get("/api/v1/clinicians")
                .then().statusCode(200)
                .body("upstream", equalTo("participant"));
    }
}
