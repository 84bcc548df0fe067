package care.iop.plan.rest;

import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.activate;
import static care.iop.plan.support.PlanFixtures.changeStatus;
import static care.iop.plan.support.PlanFixtures.START;
import static care.iop.plan.support.PlanFixtures.get;
import static care.iop.plan.support.PlanFixtures.modality;
import static care.iop.plan.support.PlanFixtures.planBody;
import static care.iop.plan.support.PlanFixtures.post;
import static io.restassured.RestAssured.given;
import static care.iop.plan.support.ReadModelProbe.EVENT_TIMEOUT;
import static care.iop.testing.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
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
class ReviewTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
    }

    @Test
    void aReviewMovesTheNextReviewDateAndIsPublished() {
        String plan = fixtures.draftPlan();
        activate(plan).statusCode(200);
        get("clinician", PLANS + "/" + plan).body("nextReviewDue", equalTo("2026-12-30"));
        LocalDate today = PlanFixtures.today();
        post("clinician", PLANS + "/" + plan + "/reviews", "{\"summary\":\"PHQ-9 down from 16 to 11\",\"decision\":\"CONTINUE\",\"reviewedOn\":\"" + today + "\"}")
                .statusCode(201).body("decision", equalTo("CONTINUE")).body("nextReviewDue", equalTo(today.plusDays(30).toString()))
                .body("recordedBy", equalTo("test-clinician"));
        get("clinician", PLANS + "/" + plan).body("nextReviewDue", equalTo(today.plusDays(30).toString()));
        post("clinician", PLANS + "/" + plan + "/reviews", "{\"summary\":\"Ready to step down\",\"decision\":\"STEP_DOWN\"}").statusCode(201);
        get("admin", PLANS + "/" + plan + "/reviews").statusCode(200).body("", hasSize(2)).body("[1].decision", equalTo("STEP_DOWN"));
        // review notes are clinical content: not for a scheduler (minimum necessary)
        get("scheduler", PLANS + "/" + plan + "/reviews").statusCode(403).contentType("application/problem+json");
        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> assertThat(new TopicReader(bootstrap).readByKey(Topics.PLANS, plan))
                .extracting(r -> header(r, "ce_type")).contains(EventTypes.PLAN_REVIEW_RECORDED));
    }

    @Test
    void badReviewsAreRefused() {
        String plan = fixtures.draftPlan();
        post("clinician", PLANS + "/" + plan + "/reviews", "{\"summary\":\"x\",\"decision\":\"MAYBE\"}").statusCode(400)
                .body("errors[0].field", equalTo("decision"));
        post("clinician", PLANS + "/" + plan + "/reviews", "{\"decision\":\"CONTINUE\"}").statusCode(400).body("errors[0].field", equalTo("summary"));
        post("clinician", PLANS + "/" + plan + "/reviews", "{\"summary\":\"x\",\"decision\":\"CONTINUE\",\"reviewedOn\":\"2999-01-01\"}")
                .statusCode(400).body("errors[0].field", equalTo("reviewedOn"));
        changeStatus(plan, "entered-in-error").statusCode(200);
        post("clinician", PLANS + "/" + plan + "/reviews", "{\"summary\":\"x\",\"decision\":\"CONTINUE\"}").statusCode(409);
        get("clinician", PLANS + "/" + plan + "/reviews").statusCode(200).body("", hasSize(0));
    }

    private static ValidatableResponse review(String plan, LocalDate reviewedOn) {
        return post("clinician", PLANS + "/" + plan + "/reviews",
                "{\"summary\":\"Review of " + reviewedOn + "\",\"decision\":\"CONTINUE\",\"reviewedOn\":\"" + reviewedOn + "\"}");
    }

    @Test
    void aBackdatedReviewRecordedAfterALaterOneDoesNotMoveTheDueDateBackwards() {
        LocalDate today = PlanFixtures.today();
        LocalDate start = today.minusDays(60);
        UUID[] ids = fixtures.patientAndClinician();
        String plan = post("clinician", PLANS, planBody(ids[0], ids[1], modality(1, 50, 8.5, 0), null)
                .replace("\"startDate\":\"" + START + "\"", "\"startDate\":\"" + start + "\""))
                .statusCode(201).body("nextReviewDue", equalTo(start.plusDays(30).toString())).extract().path("id");

        review(plan, today.minusDays(5)).statusCode(201).body("nextReviewDue", equalTo(today.plusDays(25).toString()));
        // Recorded later but dated earlier: the latest review (today - 5) still rules.
        review(plan, today.minusDays(20)).statusCode(201)
                .body("reviewedOn", equalTo(today.minusDays(20).toString()))
                .body("nextReviewDue", equalTo(today.plusDays(25).toString()));
        get("clinician", PLANS + "/" + plan).statusCode(200).body("nextReviewDue", equalTo(today.plusDays(25).toString()));
        // A review on the same date as the latest one keeps it; a later one moves the date forward.
        review(plan, today.minusDays(5)).statusCode(201).body("nextReviewDue", equalTo(today.plusDays(25).toString()));
        review(plan, today).statusCode(201).body("nextReviewDue", equalTo(today.plusDays(30).toString()));
        get("clinician", PLANS + "/" + plan).statusCode(200).body("nextReviewDue", equalTo(today.plusDays(30).toString()));
        get("clinician", PLANS + "/" + plan + "/reviews").statusCode(200).body("", hasSize(4))
                .body("[1].reviewedOn", equalTo(today.minusDays(20).toString()));
        // Searching by due date sees the forward date, not the backdated one.
        get("clinician", PLANS + "?patientId=" + ids[0] + "&reviewDueBefore=" + today.plusDays(26)).statusCode(200).body("items", hasSize(0));
        get("clinician", PLANS + "?patientId=" + ids[0] + "&reviewDueBefore=" + today.plusDays(31)).statusCode(200).body("items", hasSize(1));
    }

    private static void assertIntervalRefused(ValidatableResponse response) {
        response.statusCode(400).contentType("application/problem+json").body("status", equalTo(400))
                .body("errors.field", hasItem("reviewIntervalDays"));
    }

    @Test
    void reviewIntervalIsFourteenToThirtyDaysOnCreate() {
        UUID[] ids = fixtures.patientAndClinician();
        String body = planBody(ids[0], ids[1], modality(1, 50, 8.5, 0), null);
        assertIntervalRefused(post("clinician", PLANS, body.replace("\"reviewIntervalDays\":30", "\"reviewIntervalDays\":13")));
        assertIntervalRefused(post("clinician", PLANS, body.replace("\"reviewIntervalDays\":30", "\"reviewIntervalDays\":31")));
        post("clinician", PLANS, body.replace("\"reviewIntervalDays\":30", "\"reviewIntervalDays\":14")).statusCode(201)
                .body("reviewIntervalDays", equalTo(14)).body("nextReviewDue", equalTo("2026-12-14"));
        post("clinician", PLANS, body).statusCode(201)
                .body("reviewIntervalDays", equalTo(30)).body("nextReviewDue", equalTo("2026-12-30"));
        post("clinician", PLANS, body.replace("\"reviewIntervalDays\":30,", "")).statusCode(201)
                .body("reviewIntervalDays", equalTo(30)).body("nextReviewDue", equalTo("2026-12-30"));
    }

    @Test
    void reviewIntervalIsFourteenToThirtyDaysOnEdit() {
        String plan = fixtures.draftPlan();
        String edit = """
                {"startDate":"2026-11-30","durationWeeks":12,"reviewIntervalDays":%d,
                 "problems":[{"code":"F32.1","display":"Major depressive disorder, single episode, moderate"}],
                 "goals":[{"description":"Reduce depressive symptoms"}],"rationale":"Review interval set by state rule"}""";
        for (int refused : new int[] { 13, 31 }) {
            String etag = get("clinician", PLANS + "/" + plan).statusCode(200).extract().header("ETag");
            assertIntervalRefused(given().header("Authorization", TestTokens.bearer("clinician")).header("If-Match", etag)
                    .contentType("application/json").body(edit.formatted(refused)).when().put(PLANS + "/" + plan).then());
        }
        for (int accepted : new int[] { 14, 30 }) {
            String etag = get("clinician", PLANS + "/" + plan).statusCode(200).extract().header("ETag");
            given().header("Authorization", TestTokens.bearer("clinician")).header("If-Match", etag)
                    .contentType("application/json").body(edit.formatted(accepted)).when().put(PLANS + "/" + plan).then()
                    .statusCode(200).body("reviewIntervalDays", equalTo(accepted))
                    .body("nextReviewDue", equalTo(LocalDate.parse(START).plusDays(accepted).toString()));
        }
    }
}
