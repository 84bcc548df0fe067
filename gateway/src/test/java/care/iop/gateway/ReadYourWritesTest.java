package care.iop.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import care.iop.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The gateway remembers the Consistency-Token a service answered a caller and sends it with that caller's next requests
 * (to every service), merged with the caller's own; other callers never get it; it expires (2 s in the test profile).
 */
@QuarkusTest
class ReadYourWritesTest {
    private static final String TOKEN = "Consistency-Token";
    private static final String PATIENT = "patient:5b1f8a4e-3c2d-4e55-9a0b-7d8e6f1a2b3c";
    private static final String PLAN = "plan:3f9a1c2e-7b6d-4e5f-8a9b-0c1d2e3f4a5b";

    @Test
    void aWritesTokenGoesWithTheSameCallersNextRequestsToEveryService() {
        String caller = bearer("clinician-" + UUID.randomUUID(), null);
        given().header("Authorization", caller).queryParam("answerToken", PATIENT + "@3").when().post("/api/v1/patients/abc/consents")
                .then().statusCode(200).header(TOKEN, PATIENT + "@3");

        for (String path : new String[] { "/api/v1/plans", "/api/v1/sessions", "/api/v1/patients/abc" }) {
            given().header("Authorization", caller).when().get(path).then().statusCode(200).body("consistencyToken", equalTo(PATIENT + "@3"));
        }
        // the caller's own header is kept and merged: the higher version of an aggregate wins
        given().header("Authorization", caller).header(TOKEN, PLAN + "@1, " + PATIENT + "@2").when().get("/api/v1/sessions")
                .then().statusCode(200).body("consistencyToken", equalTo(PLAN + "@1, " + PATIENT + "@3"));
        // a later write of the same aggregate replaces the version, another one adds to it
        given().header("Authorization", caller).queryParam("answerToken", PATIENT + "@4, " + PLAN + "@0").when().put("/api/v1/patients/abc")
                .then().statusCode(200);
        given().header("Authorization", caller).when().get("/api/v1/sessions").then().body("consistencyToken", equalTo(PATIENT + "@4, " + PLAN + "@0"));
    }

    @Test
    void anotherCallerNeverGetsIt() {
        String subject = "scheduler-" + UUID.randomUUID();
        given().header("Authorization", bearer(subject, "ehr-a")).queryParam("answerToken", PLAN + "@2").when().put("/api/v1/plans/x/status")
                .then().statusCode(200);
        given().header("Authorization", bearer(subject, "ehr-a")).when().get("/api/v1/sessions").then().body("consistencyToken", equalTo(PLAN + "@2"));
        // same subject through another client, another subject: callers of their own
        given().header("Authorization", bearer(subject, "ehr-b")).when().get("/api/v1/sessions").then().body("consistencyToken", nullValue());
        given().header("Authorization", bearer("scheduler-" + UUID.randomUUID(), "ehr-a")).when().get("/api/v1/sessions")
                .then().body("consistencyToken", nullValue());
    }

    @Test
    void aFailedAnswersTokenIsNotRememberedAndARememberedOneExpires() {
        String caller = bearer("clinician-" + UUID.randomUUID(), null);
        given().header("Authorization", caller).queryParam("answerToken", PATIENT + "@9").queryParam("answerStatus", "409")
                .when().post("/api/v1/patients").then().statusCode(409);
        given().header("Authorization", caller).when().get("/api/v1/plans").then().body("consistencyToken", nullValue());

        given().header("Authorization", caller).queryParam("answerToken", PATIENT + "@5").when().post("/api/v1/patients").then().statusCode(200);
        given().header("Authorization", caller).when().get("/api/v1/plans").then().body("consistencyToken", equalTo(PATIENT + "@5"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().header("Authorization", caller).when().get("/api/v1/plans").then().body("consistencyToken", nullValue()));
    }

    @Test
    void aMalformedHeaderOfTheCallerGoesThroughUnchangedForTheServiceToRefuse() {
        String caller = bearer("clinician-" + UUID.randomUUID(), null);
        given().header("Authorization", caller).queryParam("answerToken", PATIENT + "@1").when().post("/api/v1/patients").then().statusCode(200);
        given().header("Authorization", caller).header(TOKEN, "not a token").when().get("/api/v1/plans").then()
                .body("consistencyToken", equalTo("not a token"));
    }

    @Test
    void browsersMaySendAndReadTheHeaderAndItsCacheIsMeasured() {
        given().header("Origin", "https://app.example.test").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,consistency-token").when().options("/api/v1/plans")
                .then().header("Access-Control-Allow-Headers", containsString(TOKEN));
        given().header("Origin", "https://app.example.test").header("Authorization", Callers.bearer("clinician")).when().get("/api/v1/plans")
                .then().header("Access-Control-Expose-Headers", containsString(TOKEN));
        assertThat(given().when().get("/q/metrics").then().statusCode(200).extract().asString())
                .containsPattern("(?m)^iop_gateway_cache_entries\\{cache=\"consistency-tokens\"[^}]*} \\S+$");
    }

    private static String bearer(String subject, String client) {
        return "Bearer " + TestTokens.mint("clinician", subject, null, client == null ? Map.of() : Map.of("azp", client));
    }
}
