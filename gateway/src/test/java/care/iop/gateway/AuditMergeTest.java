package care.iop.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuditMergeTest {
    private static final int TOTAL = StubUpstreams.PARTICIPANT_AUDIT_ENTRIES + 3 + 3;

    @Test
    void theThreeTrailsAreMergedInTimeOrderAcrossAllPages() {
        List<Map<String, Object>> first = given().header("Authorization", Callers.bearer("admin"))
                .queryParam("size", 100)
                .when().get("/api/v1/audit")
                .then().statusCode(200)
                .contentType("application/json")
                .body("total", equalTo(TOTAL))
                .body("page", equalTo(0))
                .body("size", equalTo(100))
                .extract().jsonPath().getList("items");
        List<Map<String, Object>> second = given().header("Authorization", Callers.bearer("admin"))
                .queryParam("size", 100).queryParam("page", 1)
                .when().get("/api/v1/audit")
                .then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(first).hasSize(100);
        assertThat(second).hasSize(TOTAL - 100);

        List<Map<String, Object>> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        List<java.time.Instant> times = all.stream().map(e -> OffsetDateTime.parse((String) e.get("occurredAt")).toInstant()).toList();
        assertThat(times).isSorted();
        // the interleaving that instant order gives (the session stub writes +01:00 offsets)
        assertThat(all.subList(0, 6)).extracting(e -> e.get("id"))
                .containsExactly("participant-0", "plan-0", "session-0", "participant-1", "plan-1", "session-1");
        // entries beyond the first upstream page of the participant service are included
        assertThat(all).extracting(e -> e.get("id")).contains("participant-104").doesNotHaveDuplicates();
    }

    @Test
    void filtersAreForwardedToEveryService() {
        given().header("Authorization", Callers.bearer("admin"))
                .queryParam("patientId", StubUpstreams.AUDIT_PATIENT)
                .when().get("/api/v1/audit")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.id", equalTo(List.of("participant-1", "plan-1", "session-1")))
                .body("items.patientId", equalTo(List.of(StubUpstreams.AUDIT_PATIENT, StubUpstreams.AUDIT_PATIENT, StubUpstreams.AUDIT_PATIENT)));
    }

    @Test
    void aServiceRefusingAParameterIsPassedOnAsItsProblem() {
        given().header("Authorization", Callers.bearer("admin"))
                .queryParam("from", "yesterday")
                .when().get("/api/v1/audit")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("from: must be an ISO-8601 date-time with offset"));
    }

    @Test
    void badPagingIs400NamingTheField() {
        given().header("Authorization", Callers.bearer("admin")).queryParam("size", 0)
                .when().get("/api/v1/audit")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://iop.care/problems/validation-error"))
                .body("detail", equalTo("size: must be between 1 and 100"));
        given().header("Authorization", Callers.bearer("admin")).queryParam("page", "x")
                .when().get("/api/v1/audit")
                .then().statusCode(400)
                .body("detail", equalTo("page: must be 0 or more"));
    }
}
