package care.iop.plan.rest;

import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.activate;
import static care.iop.plan.support.PlanFixtures.changeStatus;
import static care.iop.plan.support.PlanFixtures.get;
import static care.iop.plan.support.PlanFixtures.modality;
import static care.iop.plan.support.ReadModelProbe.EVENT_TIMEOUT;
import static care.iop.testing.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.plan.support.PlanFixtures;
import care.iop.testing.TestTokens;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class PlanReadUpdateTest {
    static final String EDIT = """
            {"startDate":"2026-12-07","durationWeeks":10,"reviewIntervalDays":14,
             "problems":[{"code":"F41.1","display":"Generalized anxiety disorder"}],
             "goals":[{"description":"Sleep at least 6 hours a night"}],"rationale":"Adding a sleep goal"}""";

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
    }

    private static ValidatableResponse edit(String id, String ifMatch, String body) {
        var request = given().header("Authorization", TestTokens.bearer("clinician")).contentType("application/json").body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put(PLANS + "/" + id).then();
    }

    @Test
    void getReturnsTheETagAndPutNeedsAMatchingIfMatch() {
        String id = fixtures.draftPlan();
        String etag = get("clinician", PLANS + "/" + id).statusCode(200).body("id", equalTo(id)).extract().header("ETag");
        assertThat(etag).isEqualTo("\"0\"");

        edit(id, null, EDIT).statusCode(428).contentType("application/problem+json");
        edit(id, "\"7\"", EDIT).statusCode(412).contentType("application/problem+json");
        String newTag = edit(id, etag, EDIT).statusCode(200)
                .body("startDate", equalTo("2026-12-07"))
                .body("endDate", equalTo("2027-02-15"))
                .body("reviewIntervalDays", equalTo(14))
                .body("nextReviewDue", equalTo("2026-12-21"))
                .body("problems[0].code", equalTo("F41.1"))
                .body("goals", hasSize(1))
                .body("rationale", equalTo("Adding a sleep goal"))
                .body("modality.groupHoursPerWeek", equalTo(8.5f))
                .extract().header("ETag");
        assertThat(newTag).isNotEqualTo(etag);
        edit(id, etag, EDIT).statusCode(412);
        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> assertThat(new TopicReader(bootstrap).readByKey(Topics.PLANS, id))
                .extracting(r -> header(r, "ce_type")).contains(EventTypes.PLAN_UPDATED));
    }

    @Test
    void putCannotChangeStatusOrModalityAndFinalPlansAreFrozen() {
        String id = fixtures.draftPlan();
        edit(id, "*", EDIT.replace("\"rationale\"", "\"status\":\"active\",\"rationale\"")).statusCode(400).body("errors[0].field", equalTo("status"));
        edit(id, "*", EDIT.replace("\"rationale\"", "\"modality\":{},\"rationale\"")).statusCode(400).body("errors[0].field", equalTo("modality"));
        edit(id, "*", EDIT.replace("\"durationWeeks\":10,", "")).statusCode(400).body("errors[0].field", equalTo("durationWeeks"));
        changeStatus(id, "revoked").statusCode(200);
        edit(id, "*", EDIT).statusCode(409);
    }

    @Test
    void unknownPlanIs404AndBadIdIs400() {
        get("clinician", PLANS + "/" + UUID.randomUUID()).statusCode(404).contentType("application/problem+json");
        get("clinician", PLANS + "/not-a-uuid").statusCode(400).body("errors[0].field", equalTo("id"));
    }

    @Test
    void searchFiltersByPatientStatusClinicianAndReviewDueAndPaginates() {
        UUID[] ids = fixtures.patientAndClinician();
        String a = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
        String b = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
        activate(a).statusCode(200);

        get("scheduler", PLANS + "?patientId=" + ids[0]).statusCode(200).body("total", equalTo(2)).body("items", hasSize(2));
        get("scheduler", PLANS + "?patientId=" + ids[0] + "&status=active").statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(a));
        get("scheduler", PLANS + "?clinicianId=" + ids[1] + "&status=draft").statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(b));
        get("scheduler", PLANS + "?clinicianId=" + ids[1] + "&reviewDueBefore=2026-12-30").statusCode(200).body("total", equalTo(0));
        get("scheduler", PLANS + "?clinicianId=" + ids[1] + "&reviewDueBefore=2026-12-31").statusCode(200).body("total", equalTo(2));
        get("scheduler", PLANS + "?patientId=" + ids[0] + "&size=1&page=1").statusCode(200)
                .body("total", equalTo(2)).body("items", hasSize(1)).body("page", equalTo(1)).body("size", equalTo(1));
        get("scheduler", PLANS + "?status=finished").statusCode(400).body("errors[0].field", equalTo("status"));
        get("scheduler", PLANS + "?reviewDueBefore=tomorrow").statusCode(400).body("errors[0].field", equalTo("reviewDueBefore"));
        get("scheduler", PLANS + "?size=101").statusCode(400).body("errors[0].field", not(equalTo(null)));
    }
}
