package care.iop.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RoutingTest {

    static java.util.stream.Stream<Map.Entry<String, String>> prefixes() {
        return Routes.PREFIXES.entrySet().stream();
    }

    @ParameterizedTest
    @MethodSource("prefixes")
    void everyPrefixReachesItsServiceWithTokenAndRequestId(Map.Entry<String, String> route) {
        String token = Callers.bearer("clinician");
        given().header("Authorization", token).header("X-Request-Id", "req-" + route.getValue() + "-42")
                .when().get(route.getKey() + "/abc/def?page=1&size=5")
                .then().statusCode(200)
                .header("X-Request-Id", "req-" + route.getValue() + "-42")
                .body("upstream", equalTo(route.getValue()))
                .body("method", equalTo("GET"))
                .body("path", equalTo(route.getKey() + "/abc/def"))
                .body("query", equalTo("page=1&size=5"))
                .body("authorization", equalTo(token))
                .body("requestId", equalTo("req-" + route.getValue() + "-42"));
    }

    @ParameterizedTest
    @MethodSource("prefixes")
    void theBarePrefixIsRoutedToo(Map.Entry<String, String> route) {
        given().header("Authorization", Callers.bearer("scheduler"))
                .when().get(route.getKey())
                .then().statusCode(200)
                .body("upstream", equalTo(route.getValue()))
                .body("path", equalTo(route.getKey()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "assessments-due", "discharge-summary", "discharge-summary/signature", "safety-plan" })
    void aPatientsPlanServiceRecordsAreRoutedToThePlanServiceTheRestOfThePatientToParticipants(String record) {
        String token = Callers.bearer("clinician");
        String path = "/api/v1/patients/abc/" + record;
        given().header("Authorization", token).when().get(path)
                .then().statusCode(200).body("upstream", equalTo("plan")).body("path", equalTo(path));
        assertThat(Routes.upstreamFor(path)).contains("plan");
        given().header("Authorization", token).when().get("/api/v1/patients/abc/consents")
                .then().statusCode(200).body("upstream", equalTo("participant"));
        given().header("Authorization", token).when().get(path + "/x")
                .then().statusCode(200).body("upstream", equalTo("participant"));
        assertThat(Routes.upstreamFor("/api/v1/patients/abc/consents")).contains("participant");
    }

    @Test
    void theClientsAddressSchemeAndHostReachTheServiceAsATrustedIngressReportedThem() {
        // TLS ended at the Ingress (a trusted proxy): the services must build https://api.iop.example links and see the client's address
        Callers.from(Callers.TRUSTED_PROXY).header("Authorization", Callers.bearer("clinician"))
                .header("X-Forwarded-For", "203.0.113.7").header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "api.iop.example")
                .when().get("/api/v1/patients/abc")
                .then().statusCode(200)
                .body("forwardedFor", equalTo("203.0.113.7"))
                .body("forwardedProto", equalTo("https"))
                .body("forwardedHost", equalTo("api.iop.example"));
        // a proxy that appends to what the client sent: the right-most address is the one the proxy saw
        Callers.from(Callers.TRUSTED_PROXY).header("Authorization", Callers.bearer("clinician"))
                .header("X-Forwarded-For", "198.51.100.66, 203.0.113.7")
                .when().get("/api/v1/patients/abc")
                .then().statusCode(200)
                .body("forwardedFor", equalTo("203.0.113.7"));
    }

    @Test
    void forwardingHeadersFromAnUntrustedPeerAreIgnoredAndNeverPassedOn() {
        // RestAssured connects from 127.0.0.1, which is not a trusted proxy: the gateway states its own view
        given().header("Authorization", Callers.bearer("clinician"))
                .header("X-Forwarded-For", "203.0.113.7").header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Port", "8443").header("X-Forwarded-Ssl", "on").header("X-Forwarded-Prefix", "/evil")
                .header("Forwarded", "for=203.0.113.7;proto=https;host=evil.example").header("X-Real-IP", "203.0.113.7")
                .when().get("/api/v1/patients/abc")
                .then().statusCode(200)
                .body("forwardedFor", equalTo("127.0.0.1"))
                .body("forwardedProto", equalTo("http"))
                .body("forwardedHost", startsWith("localhost:"))
                .body("otherForwarding", equalTo(java.util.List.of()));
        // the same from the trusted proxy: only X-Forwarded-For/-Proto/-Host reach the service, stated by the gateway
        Callers.from(Callers.TRUSTED_PROXY).header("Authorization", Callers.bearer("clinician"))
                .header("X-Forwarded-Port", "8443").header("X-Forwarded-Ssl", "on").header("Forwarded", "for=203.0.113.7")
                .when().get("/api/v1/patients/abc")
                .then().statusCode(200)
                .body("forwardedFor", equalTo(Callers.TRUSTED_PROXY))
                .body("otherForwarding", equalTo(java.util.List.of()));
    }

    @Test
    void aRequestIdIsGeneratedWhenAbsentOrMalformedAndForwarded() {
        String generated = given().header("Authorization", Callers.bearer("clinician"))
                .when().get("/api/v1/plans/1")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .extract().header("X-Request-Id");
        given().header("Authorization", Callers.bearer("clinician")).header("X-Request-Id", "bad id with spaces")
                .when().get("/api/v1/plans/1")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("requestId", matchesPattern("[0-9a-f-]{36}"));
        org.assertj.core.api.Assertions.assertThat(generated).isNotBlank();
    }

    @Test
    void bodiesAndMethodsAreForwarded() {
        given().header("Authorization", Callers.bearer("clinician"))
                .contentType("application/json").body("{\"firstName\":\"Ada\"}")
                .when().post("/api/v1/patients")
                .then().statusCode(200)
                .body("upstream", equalTo("participant"))
                .body("method", equalTo("POST"))
                .body("contentType", equalTo("application/json"))
                .body("body", equalTo("{\"firstName\":\"Ada\"}"));
        given().header("Authorization", Callers.bearer("clinician"))
                .contentType("application/json").body("{}")
                .when().put("/api/v1/sessions/5")
                .then().statusCode(200)
                .body("upstream", equalTo("session"))
                .body("method", equalTo("PUT"));
    }

    @Test
    void theIdempotencyKeyGoesThroughAndTheReplayHeaderComesBackButTestHooksNeverReachAService() {
        given().header("Authorization", Callers.bearer("clinician")).header("Idempotency-Key", "0b6f1c7e-3f0a-4c5e-9a57-2f4d8e1b6a90")
                .header("X-IOP-Test-Halt-After-Commit", "true")
                .contentType("application/json").body("{}")
                .when().post("/api/v1/assessments")
                .then().statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("idempotencyKey", equalTo("0b6f1c7e-3f0a-4c5e-9a57-2f4d8e1b6a90"))
                .body("testHooks", org.hamcrest.Matchers.empty());
    }

    @Test
    void aPrefixMustMatchAWholeSegment() {
        given().header("Authorization", Callers.bearer("clinician"))
                .when().get("/api/v1/patientsXYZ")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://iop.care/problems/not-found"))
                .body("requestId", notNullValue());
    }

    @Test
    void unknownApiPathsAreProblems() {
        given().header("Authorization", Callers.bearer("clinician"))
                .when().get("/api/v2/anything")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/v2/anything"));
    }
}
