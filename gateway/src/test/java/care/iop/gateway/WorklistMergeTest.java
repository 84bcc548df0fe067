package care.iop.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import care.iop.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The gateway's worklist: both services' items merged in order, for whom, and what a slow service makes of it. */
@QuarkusTest
class WorklistMergeTest {

    private static String clinicianToken(String clinicianId) {
        return "Bearer " + TestTokens.mint("clinician", "clinician-" + UUID.randomUUID(), null, Map.of("clinician_id", clinicianId));
    }

    @Test
    void meMergesBothServicesItemsInOrderWithTheCallersTokenAndRequestId() {
        String clinician = UUID.randomUUID().toString();
        String token = clinicianToken(clinician);
        JsonPath answer = given().header("Authorization", token).header("X-Request-Id", "worklist-me-1")
                .when().get("/api/v1/worklists/me")
                .then().statusCode(200).contentType("application/json")
                .body("clinicianId", equalTo(clinician)).body("partial", equalTo(false))
                .extract().jsonPath();
        assertThat(answer.getList("items.kind")).containsExactly("SAFETY_FLAG", "SESSION", "REVIEW_DUE", "NOTE_TO_SIGN");
        assertThat(answer.getMap("items[0].action")).isEqualTo(Map.of("method", "GET", "href", "/api/v1/things/00000000-0000-4000-8000-00000000000a"));
        assertThat(answer.getString("generatedAt")).isNotBlank();
        assertThat(answer.getMap("$")).doesNotContainKey("unavailable");
    }

    @Test
    void anAdminReadsAClinicianByIdAndABadIdIsNamed() {
        given().header("Authorization", Callers.bearer("admin")).when().get("/api/v1/worklists/clinicians/" + UUID.randomUUID())
                .then().statusCode(200).body("items.size()", equalTo(4));
        given().header("Authorization", Callers.bearer("admin")).when().get("/api/v1/worklists/clinicians/nope")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aSlowServiceIsLeftOutAndNamed() {
        long start = System.nanoTime();
        given().header("Authorization", Callers.bearer("admin")).when().get("/api/v1/worklists/clinicians/" + StubUpstreams.SLOW_WORKLIST)
                .then().statusCode(200)
                .body("partial", equalTo(true))
                .body("unavailable", equalTo(List.of("session-service")))
                .body("items.kind", equalTo(List.of("SAFETY_FLAG", "REVIEW_DUE")));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(StubUpstreams.SLOW_MILLIS);
    }

    @Test
    void rolesAndRefusals() {
        for (String role : List.of("scheduler", "integration", "patient")) {
            given().header("Authorization", Callers.bearer(role)).when().get("/api/v1/worklists/me").then().statusCode(403);
        }
        given().header("Authorization", Callers.bearer("clinician")).when().get("/api/v1/worklists/me") // no clinician_id claim
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Callers.bearer("clinician")).when().get("/api/v1/worklists/clinicians/" + StubUpstreams.REFUSED_WORKLIST)
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/api/v1/worklists/me").then().statusCode(401);
    }

    @Test
    void theServicesItemPathsAreRoutedToThem() {
        String id = UUID.randomUUID().toString();
        given().header("Authorization", Callers.bearer("admin")).when().get("/api/v1/worklists/clinicians/" + id + "/session-items")
                .then().statusCode(200).body("items.kind", equalTo(List.of("NOTE_TO_SIGN", "SESSION")));
        given().header("Authorization", Callers.bearer("admin")).when().get("/api/v1/worklists/clinicians/" + id + "/other-items")
                .then().statusCode(404);
    }

    @Test
    void bothOperationsAreInTheMergedDocument() {
        JsonPath doc = given().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertThat(doc.getString("paths.'/api/v1/worklists/me'.get.operationId")).isEqualTo("getMyWorklist");
        assertThat(doc.getString("paths.'/api/v1/worklists/clinicians/{clinicianId}'.get.operationId")).isEqualTo("getClinicianWorklist");
        assertThat(doc.getMap("paths.'/api/v1/worklists/me'.get.responses")).containsKeys("200", "401", "403", "503", "504");
    }
}
