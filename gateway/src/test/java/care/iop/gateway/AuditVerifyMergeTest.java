package care.iop.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class AuditVerifyMergeTest {
    private static final String PATH = "/api/v1/audit/verify";
    /** Anonymous requests are limited by client address: this test's own. */
    private static final String ANONYMOUS = "127.0.0.50";

    @ConfigProperty(name = GatewayTestResources.CONTROL_URL)
    String control;

    @Test
    void everyChainValidIsValidWithEveryServicesReport() {
        JsonPath answer = given().header("Authorization", Callers.bearer("admin")).header("X-Request-Id", "verify-all-1")
                .when().get(PATH)
                .then().statusCode(200)
                .contentType("application/json")
                .header("X-Request-Id", "verify-all-1")
                .body("valid", equalTo(true))
                .extract().jsonPath();
        Map<String, Object> services = answer.getMap("services");
        assertThat(services.keySet()).containsExactly("participant", "plan", "session");
        for (String service : StubUpstreams.NAMES) {
            long head = StubUpstreams.chainHead(service);
            assertThat(answer.getBoolean("services." + service + ".valid")).isTrue();
            assertThat(answer.getLong("services." + service + ".sealedRows")).isEqualTo(head);
            assertThat(answer.getLong("services." + service + ".headSeq")).isEqualTo(head);
            assertThat(answer.getString("services." + service + ".headHash")).isEqualTo(StubUpstreams.linkHash(service, head));
            assertThat(answer.getMap("services." + service)).doesNotContainKey("firstBrokenLink");
        }
    }

    @Test
    void oneBrokenChainMakesTheWholeInvalidWithThatServicesBrokenLink() {
        given().header("Authorization", Callers.bearer("admin"))
                .queryParam("plan.anchorSeq", 2).queryParam("plan.anchorHash", StubUpstreams.linkHash("plan", 1))
                .when().get(PATH)
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("services.plan.valid", equalTo(false))
                .body("services.plan.firstBrokenLink.chainSeq", equalTo(2))
                .body("services.plan.firstBrokenLink.auditId", equalTo(2))
                .body("services.plan.firstBrokenLink.problem", equalTo("ANCHOR_MISMATCH"))
                .body("services.plan.headSeq", equalTo(3))
                .body("services.participant.valid", equalTo(true))
                .body("services.participant.firstBrokenLink", nullValue())
                .body("services.session.valid", equalTo(true));
    }

    @Test
    void anchorsGoToTheirOwnServiceOnly() {
        // plan's and session's right anchors: had either gone to another service (whose links hash differently), it would fail there
        given().header("Authorization", Callers.bearer("admin"))
                .queryParam("plan.anchorSeq", 2).queryParam("plan.anchorHash", StubUpstreams.linkHash("plan", 2))
                .queryParam("session.anchorSeq", " 3").queryParam("session.anchorHash", StubUpstreams.linkHash("session", 3).toUpperCase())
                .when().get(PATH)
                .then().statusCode(200)
                .body("valid", equalTo(true))
                .body("services.participant.valid", equalTo(true))
                .body("services.plan.valid", equalTo(true))
                .body("services.session.valid", equalTo(true));
        // an anchor beyond participant's head breaks participant only: the others never saw it
        given().header("Authorization", Callers.bearer("admin"))
                .queryParam("participant.anchorSeq", 500).queryParam("participant.anchorHash", StubUpstreams.linkHash("participant", 500))
                .when().get(PATH)
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("services.participant.firstBrokenLink.problem", equalTo("ANCHOR_MISSING"))
                .body("services.plan.valid", equalTo(true))
                .body("services.session.valid", equalTo(true));
    }

    @Test
    void badAnchorParametersAre400NamingTheParameter() {
        String hash = StubUpstreams.linkHash("plan", 1);
        assertBadParameter(Map.of("anchorSeq", "1", "anchorHash", hash), "anchorSeq: anchors are per service",
                "anchorHash: anchors are per service");
        assertBadParameter(Map.of("billing.anchorSeq", "1"), "billing.anchorSeq: anchors are per service");
        assertBadParameter(Map.of("plan.anchorSeq", "0", "plan.anchorHash", hash), "plan.anchorSeq: must be a chain_seq");
        assertBadParameter(Map.of("plan.anchorSeq", "x", "plan.anchorHash", hash), "plan.anchorSeq: must be a chain_seq");
        assertBadParameter(Map.of("plan.anchorHash", hash), "plan.anchorSeq: required with plan.anchorHash");
        assertBadParameter(Map.of("session.anchorSeq", "1"), "session.anchorHash: must be the anchored link's hash, 64 hex digits");
        assertBadParameter(Map.of("session.anchorSeq", "1", "session.anchorHash", "abc"), "session.anchorHash: must be the anchored link's hash");
    }

    private static void assertBadParameter(Map<String, String> parameters, String... oneOfDetails) {
        String detail = given().header("Authorization", Callers.bearer("admin")).queryParams(parameters)
                .when().get(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://iop.care/problems/validation-error"))
                .extract().path("detail");
        assertThat(List.of(oneOfDetails)).as(parameters + " -> " + detail).anyMatch(detail::startsWith);
    }

    @Test
    void onlyAdminsMayVerifyAndOnlyWithAToken() {
        for (String role : List.of("clinician", "patient")) {
            given().header("Authorization", Callers.bearer(role))
                    .when().get(PATH)
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://iop.care/problems/forbidden"));
        }
        Callers.from(ANONYMOUS).when().get(PATH)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://iop.care/problems/unauthorized"));
        given().header("Authorization", Callers.bearer("admin"))
                .when().post(PATH)
                .then().statusCode(405)
                .contentType("application/problem+json");
    }

    @Test
    void aServiceDownIs503NamingIt() {
        given().post(control + "/session/down").then().statusCode(200);
        try {
            given().header("Authorization", Callers.bearer("admin"))
                    .when().get(PATH)
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://iop.care/problems/service-unavailable"))
                    .body("detail", equalTo("The session service is not reachable right now; try again later."))
                    .body(not(containsString("localhost")));
        } finally {
            given().post(control + "/session/up").then().statusCode(200);
        }
        given().header("Authorization", Callers.bearer("admin"))
                .when().get(PATH)
                .then().statusCode(200)
                .body("services.session.valid", equalTo(true));
    }

    @Test
    void theMergedApiDocumentDescribesTheGatewaysVerification() {
        JsonObject document = new JsonObject(Callers.from(ANONYMOUS).when().get("/q/openapi").then().statusCode(200).extract().asString());
        JsonObject get = document.getJsonObject("paths").getJsonObject(PATH).getJsonObject("get");
        assertThat(get.getString("summary")).isEqualTo("Verify the audit hash chain of every service");
        assertThat(get.getString("description")).contains("<service>.anchorSeq");
        JsonArray parameters = get.getJsonArray("parameters");
        assertThat(parameters.stream().map(p -> ((JsonObject) p).getString("name")).toList()).containsExactly(
                "participant.anchorSeq", "participant.anchorHash", "plan.anchorSeq", "plan.anchorHash", "session.anchorSeq", "session.anchorHash");
        JsonObject ok = get.getJsonObject("responses").getJsonObject("200").getJsonObject("content").getJsonObject("application/json");
        JsonObject services = ok.getJsonObject("schema").getJsonObject("properties").getJsonObject("services").getJsonObject("properties");
        assertThat(services.fieldNames()).containsExactlyInAnyOrder("participant", "plan", "session");
        assertThat(services.getJsonObject("plan").getString("$ref")).isEqualTo("#/components/schemas/AuditChainReport");
        assertThat(ok.getJsonObject("example").getJsonObject("services").fieldNames()).containsExactlyInAnyOrder("participant", "plan", "session");
        for (String status : List.of("400", "401", "403", "502", "503", "504")) {
            assertThat(get.getJsonObject("responses").getJsonObject(status).getJsonObject("content").getJsonObject("application/problem+json")
                    .getJsonObject("schema").getString("$ref")).as(status).isEqualTo("#/components/schemas/Problem");
        }
        assertThat(get.getJsonArray("security").getJsonObject(0).fieldNames()).containsExactly("bearer");
    }
}
