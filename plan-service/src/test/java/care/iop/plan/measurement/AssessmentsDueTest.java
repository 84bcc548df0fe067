package care.iop.plan.measurement;

import static care.iop.plan.measurement.MeasurementFixtures.bearer;
import static care.iop.plan.measurement.MeasurementFixtures.duePath;
import static care.iop.plan.measurement.MeasurementFixtures.get;
import static care.iop.plan.measurement.MeasurementFixtures.patientBearer;
import static care.iop.plan.measurement.MeasurementFixtures.put;
import static care.iop.plan.measurement.MeasurementFixtures.schedulePath;
import static care.iop.plan.measurement.MeasurementFixtures.today;
import static care.iop.plan.support.ReadModelProbe.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.plan.measurement.rest.MeasurementApiExamples;
import care.iop.plan.outcomes.domain.Instrument;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The due lists as of today (program time zone): per patient (staff and the patient's own token), per primary clinician,
 * program-wide, by status; only current plans; a changed schedule moves the due dates.
 */
@QuarkusTest
class AssessmentsDueTest {
    private static final String CLINICIAN = bearer("clinician");

    @Inject
    AgroalDataSource ds;

    MeasurementFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new MeasurementFixtures(ds);
    }

    /** Admitted 14 days ago, everything but GAD-7 taken at intake: PHQ-9 (second occurrence) and GAD-7 due today. */
    private UUID dueToday(UUID patient, UUID clinician) {
        fixtures.currentPlan(patient, clinician, 14);
        for (Instrument instrument : List.of(Instrument.PHQ9, Instrument.AUDIT, Instrument.DAST10)) {
            fixtures.taken(patient, instrument, 14);
        }
        return patient;
    }

    /** Admitted 15 days ago, PHQ-9 last taken at intake: overdue since today (due yesterday); the rest satisfied. */
    private UUID phq9Overdue(UUID patient, UUID clinician) {
        fixtures.currentPlan(patient, clinician, 15);
        fixtures.taken(patient, Instrument.PHQ9, 15);
        fixtures.taken(patient, Instrument.GAD7, 7);
        fixtures.taken(patient, Instrument.AUDIT, 15);
        fixtures.taken(patient, Instrument.DAST10, 15);
        return patient;
    }

    @Test
    void aPatientsListForStaffAndForThePatientItself() {
        UUID patient = dueToday(UUID.randomUUID(), UUID.randomUUID());
        for (String caller : List.of(CLINICIAN, bearer("admin"), patientBearer(patient))) {
            get(caller, duePath(patient)).statusCode(200)
                    .body("instrument", contains("PHQ9", "GAD7"))
                    .body("dueOn", contains(today().toString(), today().toString()))
                    .body("overdue", contains(false, false))
                    .body("[0].lastTakenAt", notNullValue()).body("[1].lastTakenAt", nullValue())
                    .body("patientId", everyItem(equalTo(patient.toString())))
                    .body("action.method", everyItem(equalTo("POST"))).body("action.href", everyItem(equalTo("/api/v1/assessments")));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(count(ds,
                "select count(*) from audit_event where resource_type = 'AssessmentDue' and action = 'SEARCH' and patient_id = ?", patient))
                .isEqualTo(3));
    }

    @Test
    void anotherPatientSchedulersAndIntegrationsAreRefused() {
        UUID patient = dueToday(UUID.randomUUID(), UUID.randomUUID());
        get(patientBearer(UUID.randomUUID()), duePath(patient)).statusCode(404).contentType("application/problem+json");
        get(bearer("scheduler"), duePath(patient)).statusCode(403);
        get(bearer("integration"), duePath(patient)).statusCode(403);
        get(patientBearer(patient), "/api/v1/assessments-due").statusCode(403);
        get(bearer("scheduler"), "/api/v1/assessments-due").statusCode(403);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(count(ds,
                "select count(*) from audit_event where patient_id = ? and outcome = 'DENIED'", patient)).isEqualTo(1));
    }

    @Test
    void overdueTheDayAfterTheDueDayAndGoneOnceTaken() {
        UUID patient = phq9Overdue(UUID.randomUUID(), UUID.randomUUID());
        get(CLINICIAN, duePath(patient)).statusCode(200).body("instrument", contains("PHQ9"))
                .body("dueOn", contains(today().minusDays(1).toString())).body("overdue", contains(true));
        fixtures.taken(patient, Instrument.PHQ9, 0);
        get(CLINICIAN, duePath(patient)).statusCode(200).body("$", empty());
    }

    @Test
    void onlyCurrentPlansHaveAssessmentsDue() {
        UUID patient = UUID.randomUUID();
        fixtures.plan(patient, UUID.randomUUID(), today().minusDays(20), "completed");
        fixtures.plan(patient, UUID.randomUUID(), today().minusDays(20), "draft");
        get(CLINICIAN, duePath(patient)).statusCode(200).body("$", empty());
        UUID onHold = UUID.randomUUID();
        fixtures.plan(onHold, UUID.randomUUID(), today().minusDays(3), "on-hold");
        get(CLINICIAN, duePath(onHold)).statusCode(200).body("instrument", contains("PHQ9", "GAD7", "AUDIT", "DAST10"));
    }

    @Test
    void perClinicianByStatusAndProgramWide() {
        UUID clinician = UUID.randomUUID();
        UUID overdue = phq9Overdue(UUID.randomUUID(), clinician);
        UUID due = dueToday(UUID.randomUUID(), clinician);
        UUID otherClinician = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        fixtures.currentPlan(other, otherClinician, 3);
        fixtures.plan(UUID.randomUUID(), clinician, today().minusDays(30), "revoked");

        String list = "/api/v1/assessments-due?clinicianId=" + clinician;
        get(CLINICIAN, list).statusCode(200).body("total", equalTo(3))
                .body("items.patientId", contains(overdue.toString(), due.toString(), due.toString()))
                .body("items.instrument", contains("PHQ9", "PHQ9", "GAD7"))
                .body("items.overdue", contains(true, false, false));
        get(bearer("admin"), list + "&status=overdue").statusCode(200).body("total", equalTo(1))
                .body("items.patientId", contains(overdue.toString()));
        get(CLINICIAN, list + "&status=due&page=1&size=1").statusCode(200).body("total", equalTo(2))
                .body("items.instrument", contains("GAD7"));
        get(CLINICIAN, list + "&status=late").statusCode(400).body("errors[0].field", equalTo("status"));
        get(CLINICIAN, "/api/v1/assessments-due?clinicianId=" + otherClinician).statusCode(200).body("total", equalTo(4))
                .body("items.patientId", everyItem(equalTo(other.toString())));

        List<Map<String, Object>> programWide = allPages("/api/v1/assessments-due?size=100");
        assertThat(programWide).filteredOn(item -> List.of(overdue.toString(), due.toString(), other.toString()).contains(item.get("patientId")))
                .hasSize(7);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(count(ds,
                "select count(*) from audit_event where resource_type = 'AssessmentDue' and action = 'SEARCH' and patient_id = ?", overdue))
                .isGreaterThanOrEqualTo(3));
    }

    @Test
    void aChangedScheduleChangesTheDueDates() {
        UUID patient = UUID.randomUUID();
        UUID plan = fixtures.currentPlan(patient, UUID.randomUUID(), 10);
        fixtures.taken(patient, Instrument.PHQ9, 10);
        fixtures.taken(patient, Instrument.GAD7, 10);
        fixtures.taken(patient, Instrument.DAST10, 10);
        // every 14 days: nothing due before day 14; AUDIT never taken: its intake is overdue since day 8
        get(CLINICIAN, duePath(patient)).statusCode(200).body("instrument", contains("AUDIT"))
                .body("dueOn", contains(today().minusDays(10).toString())).body("overdue", contains(true));

        put(CLINICIAN, schedulePath(plan), "\"0\"", MeasurementApiExamples.WEEKLY_PHQ9).statusCode(200);
        // PHQ-9 every 7 days: due on day 7, overdue since day 8; AUDIT no longer scheduled
        get(CLINICIAN, duePath(patient)).statusCode(200).body("instrument", contains("PHQ9"))
                .body("dueOn", contains(today().minusDays(3).toString())).body("overdue", contains(true));
    }

    @Test
    void theAdmissionIsTheEpisodesWhenThePlanHasOneAndThePatientMayRecordWhatIsDue() {
        var plans = new care.iop.plan.support.PlanFixtures(bootstrap, ds);
        UUID clinician = plans.clinician();
        UUID patient = plans.register(care.iop.plan.support.EventFixtures.patient(UUID.randomUUID()).admittedOn(today().minusDays(14)).build())
                .patientId();
        String plan = plans.createPlan(patient, clinician, care.iop.plan.support.PlanFixtures.modality(1, 50, 8.5, 0));
        care.iop.plan.support.PlanFixtures.activate(plan).statusCode(200);
        assertThat(count(ds, "select count(*) from care_plan p join episode_of_care e on e.id = p.episode_id where p.id = ?::uuid"
                + " and e.admitted_on = ?", plan, today().minusDays(14))).isEqualTo(1);

        // admitted 14 days ago (the plan itself starts on another day): PHQ-9 and GAD-7 due today, AUDIT and DAST-10 intake overdue
        get(CLINICIAN, duePath(patient)).statusCode(200).body("instrument", contains("AUDIT", "DAST10", "PHQ9", "GAD7"))
                .body("dueOn", contains(today().minusDays(14).toString(), today().minusDays(14).toString(), today().toString(), today().toString()))
                .body("overdue", contains(true, true, false, false))
                .body("planId", everyItem(equalTo(plan)));

        io.restassured.RestAssured.given().header("Authorization", patientBearer(patient)).contentType("application/json")
                .body("{\"patientId\":\"" + patient + "\",\"instrument\":\"PHQ9\",\"answers\":[0,0,0,0,0,0,0,0,0],\"takenAt\":\""
                        + java.time.OffsetDateTime.now().minusMinutes(1) + "\"}")
                .when().post("/api/v1/assessments").then().statusCode(201);
        get(patientBearer(patient), duePath(patient)).statusCode(200).body("instrument", contains("AUDIT", "DAST10", "GAD7"));
    }

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static List<Map<String, Object>> allPages(String path) {
        List<Map<String, Object>> items = new ArrayList<>();
        int page = 0;
        long total;
        do {
            JsonPath json = get(CLINICIAN, path + "&page=" + page).statusCode(200).extract().jsonPath();
            items.addAll(json.getList("items"));
            total = json.getLong("total");
            page++;
        } while ((long) page * 100 < total);
        return items;
    }
}
