package care.iop.plan.followup;

import static care.iop.plan.followup.FollowUpFixtures.at;
import static care.iop.plan.support.ReadModelProbe.EVENT_TIMEOUT;
import static care.iop.plan.support.ReadModelProbe.count;
import static care.iop.plan.support.ReadModelProbe.value;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import care.iop.events.EventTypes;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The follow-up API: lists and filters, reading with an ETag, completing with a note, and who may do so. */
@QuarkusTest
class FollowUpApiTest {
    static final String FOLLOW_UPS = "/api/v1/follow-ups";
    /** Long past: the follow-up is overdue. */
    static final LocalDate PAST_MONDAY = LocalDate.of(2026, 11, 2);
    /** Far ahead: the follow-up is not due yet. */
    static final LocalDate FUTURE_MONDAY = LocalDate.of(2027, 6, 7);

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    FollowUpFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new FollowUpFixtures(bootstrap, ds);
    }

    /** An open no-show follow-up of a fresh patient with a plan: {taskId, patientId, clinicianId}. */
    private UUID[] noShow(LocalDate day) {
        UUID[] ids = fixtures.patientWithPlan();
        UUID session = fixtures.attend(ids[0], "NO_SHOW", at(day, 10, 0));
        return new UUID[] { fixtures.awaitNoShowTask(session, ids[0], "OPEN"), ids[0], ids[1] };
    }

    private static ValidatableResponse complete(String role, UUID task, String body) {
        return PlanFixtures.post(role, FOLLOW_UPS + "/" + task + "/completion", body);
    }

    @Test
    void listsFilterByClinicianKindStatusOverdueAndPatient() {
        UUID[] overdue = noShow(PAST_MONDAY);
        UUID[] notDue = noShow(FUTURE_MONDAY);
        String mine = FOLLOW_UPS + "?assignedClinicianId=" + overdue[2];
        PlanFixtures.get("clinician", mine).statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(overdue[0].toString()))
                .body("items[0].kind", equalTo("NO_SHOW_FOLLOW_UP"))
                .body("items[0].status", equalTo("OPEN"))
                .body("items[0].overdue", equalTo(true))
                .body("items[0].dueOn", equalTo("2026-11-03"));
        PlanFixtures.get("admin", mine + "&kind=NO_SHOW_FOLLOW_UP&status=OPEN&overdue=true").statusCode(200).body("total", equalTo(1));
        PlanFixtures.get("admin", mine + "&overdue=false").statusCode(200).body("total", equalTo(0));
        PlanFixtures.get("admin", mine + "&kind=DISCHARGE_REVIEW").statusCode(200).body("total", equalTo(0));
        PlanFixtures.get("admin", mine + "&status=DONE").statusCode(200).body("total", equalTo(0));
        PlanFixtures.get("clinician", FOLLOW_UPS + "?patientId=" + notDue[1] + "&overdue=false").statusCode(200)
                .body("total", equalTo(1)).body("items[0].overdue", equalTo(false)).body("items[0].dueOn", equalTo("2027-06-08"));
        PlanFixtures.get("clinician", FOLLOW_UPS + "?overdue=true&size=100").statusCode(200)
                .body("items.id", not(hasItem(notDue[0].toString())));
        await().atMost(EVENT_TIMEOUT).until(() -> count(ds, "select count(*) from audit_event where resource_type = 'FollowUpTask'"
                + " and action = 'SEARCH' and patient_id = ?", overdue[1]) >= 1);
    }

    @Test
    void badFiltersAreProblemsNamingTheParameter() {
        PlanFixtures.get("clinician", FOLLOW_UPS + "?kind=PHONE_CALL").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"));
        PlanFixtures.get("clinician", FOLLOW_UPS + "?status=LATE").statusCode(400).body("errors[0].field", equalTo("status"));
        PlanFixtures.get("clinician", FOLLOW_UPS + "?overdue=maybe").statusCode(400).body("errors[0].field", equalTo("overdue"));
        PlanFixtures.get("clinician", FOLLOW_UPS + "?size=0").statusCode(400);
        PlanFixtures.get("clinician", FOLLOW_UPS + "/" + UUID.randomUUID()).statusCode(404);
    }

    @Test
    void completionNeedsANoteThenClosesTheTaskOnceWithAnEvent() {
        UUID[] task = noShow(PAST_MONDAY);
        String etag = PlanFixtures.get("clinician", FOLLOW_UPS + "/" + task[0]).statusCode(200)
                .body("status", equalTo("OPEN")).extract().header("ETag");
        assertThat(etag).isEqualTo("\"0\"");
        await().atMost(EVENT_TIMEOUT).until(() -> count(ds, "select count(*) from audit_event where resource_type = 'FollowUpTask'"
                + " and action = 'READ' and resource_id = ?", task[0].toString()) == 1);

        for (String body : List.of("{}", "{\"note\":\"  \"}", "{\"note\":\"" + "x".repeat(4001) + "\"}")) {
            complete("clinician", task[0], body).statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("note"));
        }
        given().header("Authorization", TestTokens.bearer("clinician")).header("If-Match", "\"7\"").contentType("application/json")
                .body("{\"note\":\"Called\"}").when().post(FOLLOW_UPS + "/" + task[0] + "/completion").then().statusCode(412);
        assertThat(value(ds, "select status from follow_up_task where id = ?", task[0])).isEqualTo("OPEN");

        given().header("Authorization", TestTokens.bearer("clinician")).header("If-Match", etag).contentType("application/json")
                .body("{\"note\":\" Reached by phone; back on Tuesday. \"}").when().post(FOLLOW_UPS + "/" + task[0] + "/completion")
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("DONE")).body("outcomeNote", equalTo("Reached by phone; back on Tuesday."))
                .body("doneBy", notNullValue()).body("doneAt", notNullValue()).body("overdue", equalTo(false));
        complete("clinician", task[0], "{\"note\":\"Again\"}").statusCode(409).contentType("application/problem+json");
        assertThat(value(ds, "select outcome_note from follow_up_task where id = ?", task[0])).isEqualTo("Reached by phone; back on Tuesday.");

        List<JsonNode> completed = fixtures.awaitPublished(task[1], EventTypes.FOLLOW_UP_COMPLETED, 1);
        assertThat(completed).hasSize(1);
        assertThat(completed.get(0).get("taskId").asText()).isEqualTo(task[0].toString());
        assertThat(completed.get(0).get("status").asText()).isEqualTo("DONE");
        assertThat(completed.get(0).toString()).doesNotContain("Reached by phone");
        assertThat(count(ds, "select count(*) from audit_event where resource_type = 'FollowUpTask' and action = 'UPDATE'"
                + " and resource_id = ?", task[0].toString())).isEqualTo(1);
    }

    @Test
    void aCancelledTaskCannotBeCompleted() {
        UUID[] ids = fixtures.patientWithPlan();
        UUID session = UUID.randomUUID();
        fixtures.record(EventFixtures.attendance(session, "INDIVIDUAL", at(PAST_MONDAY, 9, 0), 50).attendee(ids[0], "NO_SHOW", 0).build());
        UUID task = fixtures.awaitNoShowTask(session, ids[0], "OPEN");
        fixtures.record(EventFixtures.attendance(session, "INDIVIDUAL", at(PAST_MONDAY, 9, 0), 50).attendee(ids[0], "EXCUSED", 0).build());
        fixtures.awaitNoShowTask(session, ids[0], "CANCELLED");
        complete("admin", task, "{\"note\":\"Called\"}").statusCode(409);
        PlanFixtures.get("admin", FOLLOW_UPS + "/" + task).statusCode(200).body("status", equalTo("CANCELLED"))
                .body("cancelledAt", notNullValue());
    }

    @Test
    void onlyCliniciansAndAdminsReadAndCompleteFollowUps() {
        UUID[] task = noShow(PAST_MONDAY);
        for (String role : List.of("scheduler", "integration")) {
            PlanFixtures.get(role, FOLLOW_UPS).statusCode(403);
            PlanFixtures.get(role, FOLLOW_UPS + "/" + task[0]).statusCode(403);
            complete(role, task[0], "{\"note\":\"Called\"}").statusCode(403);
        }
        String patient = "Bearer " + TestTokens.patient(task[1]);
        given().header("Authorization", patient).when().get(FOLLOW_UPS + "?patientId=" + task[1]).then().statusCode(403);
        given().header("Authorization", patient).when().get(FOLLOW_UPS + "/" + task[0]).then().statusCode(403);
        given().header("Authorization", patient).contentType("application/json").body("{\"note\":\"I am fine\"}")
                .when().post(FOLLOW_UPS + "/" + task[0] + "/completion").then().statusCode(403);
        given().when().get(FOLLOW_UPS).then().statusCode(401);
        assertThat(value(ds, "select status from follow_up_task where id = ?", task[0])).isEqualTo("OPEN");
        complete("admin", task[0], "{\"note\":\"Reviewed with the team\"}").statusCode(200).body("status", equalTo("DONE"));
    }

    @Test
    void openedTasksAreCountedByKind() {
        double before = opened("NO_SHOW_FOLLOW_UP");
        noShow(PAST_MONDAY);
        await().atMost(EVENT_TIMEOUT).until(() -> opened("NO_SHOW_FOLLOW_UP") >= before + 1);
    }

    /** iop_follow_up_opened_total{kind=...} from /q/metrics (0 before the first). */
    private static double opened(String kind) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("iop_follow_up_opened_total{") && l.contains("kind=\"" + kind + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    }
}
