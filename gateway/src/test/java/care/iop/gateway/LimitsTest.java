package care.iop.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Test limits: burst 60, then one request per twenty seconds (slow enough that a test's next requests still
 * find an emptied bucket empty), bodies up to 64 KiB (see %test in application.properties).
 * Anonymous requests are limited by client address: each test sends them from a loopback address of its
 * own ({@link Callers#from}), so it has a bucket of its own.
 */
@QuarkusTest
class LimitsTest {
    private static final String[] PUBLIC_PATHS = {"/q/health/live", "/q/health/ready", "/q/health", "/q/metrics", "/q/openapi",
            "/q/swagger-ui/", "/q/swagger-ui/no-such-file.js"};

    @ConfigProperty(name = "iop.gateway.rate-limit.burst")
    int burst;

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

    @Test
    void everyPathIsRateLimitedForAnonymousClientsByAddress() {
        String client = "127.0.0.11";
        Response limited = drain(() -> Callers.from(client), "/q/health/live");
        limited.then().contentType("application/problem+json")
                .body("type", equalTo("https://iop.care/problems/too-many-requests"))
                .body("status", equalTo(429))
                .body("instance", equalTo("/q/health/live"));
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        // one bucket per client for every path, /q/* and /api/* alike
        for (String path : PUBLIC_PATHS) {
            Callers.from(client).when().get(path).then().statusCode(429).contentType("application/problem+json");
        }
        Callers.from(client).when().get("/api/v1/patients").then().statusCode(429);
        // another address is not affected
        for (String path : PUBLIC_PATHS) {
            Callers.from("127.0.0.12").when().get(path).then().statusCode(org.hamcrest.Matchers.not(429));
        }
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedPeerIsLimitedByTheRealAddress() {
        String untrusted = "127.0.0.13";
        List<Integer> statuses = new ArrayList<>();
        // alternating between two made-up client addresses: believed, they would be two buckets of `burst`
        // each, and all 2 * (burst - 5) requests would pass
        for (int i = 0; i < 2 * (burst - 5); i++) {
            statuses.add(Callers.from(untrusted).header("X-Forwarded-For", i % 2 == 0 ? "203.0.113.1" : "203.0.113.2")
                    .when().get("/q/health/live").statusCode());
        }
        assertThat(statuses).as("one bucket for the real address").contains(429);
        assertThat(statuses.stream().filter(status -> status == 200).count()).isLessThan(2L * (burst - 5));
        Callers.from(untrusted).header("X-Forwarded-For", "203.0.113.3").when().get("/q/health/live").then().statusCode(429);
        // the made-up addresses were never charged: a trusted proxy's client 203.0.113.1 has its whole burst
        Callers.from(Callers.TRUSTED_PROXY).header("X-Forwarded-For", "203.0.113.1").when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void behindATrustedProxyEachClientHasItsOwnBucket() {
        Response limited = drain(() -> Callers.from(Callers.TRUSTED_PROXY).header("X-Forwarded-For", "198.51.100.7"), "/q/health/live");
        limited.then().contentType("application/problem+json").body("status", equalTo(429));
        // what the client wrote before the proxy's own entry does not change who it is
        Callers.from(Callers.TRUSTED_PROXY).header("X-Forwarded-For", "198.51.100.99, 198.51.100.7")
                .when().get("/q/openapi").then().statusCode(429);
        // another client of the same proxy, and the proxy itself, are not affected
        Callers.from(Callers.TRUSTED_PROXY).header("X-Forwarded-For", "198.51.100.8").when().get("/q/openapi").then().statusCode(200);
        Callers.from(Callers.TRUSTED_PROXY).when().get("/q/health/live").then().statusCode(200);
    }

    /** Sends the request until it is refused (at most 4 bursts); the 429 answer. */
    private Response drain(Supplier<RequestSpecification> request, String path) {
        for (int i = 0; i < 4 * burst; i++) {
            Response response = request.get().when().get(path);
            if (response.statusCode() == 429) {
                assertThat(i).as("requests allowed before the first 429").isGreaterThanOrEqualTo(burst);
                return response;
            }
            assertThat(response.statusCode()).isEqualTo(200);
        }
        throw new AssertionError("no 429 within " + 4 * burst + " rapid requests to " + path);
    }
}
