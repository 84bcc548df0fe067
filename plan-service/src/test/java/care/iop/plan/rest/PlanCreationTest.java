package care.iop.plan.rest;

import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.modality;
import static care.iop.plan.support.PlanFixtures.planBody;
import static care.iop.plan.support.PlanFixtures.post;
import static care.iop.plan.support.ReadModelProbe.EVENT_TIMEOUT;
import static care.iop.plan.support.ReadModelProbe.count;
import static care.iop.testing.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.events.EventTypes;
import care.iop.events.PlanState;
import care.iop.events.Topics;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class PlanCreationTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
    }

    private long plansOf(UUID patientId) {
        return count(ds, "select count(*) from care_plan where patient_id = ?", patientId);
    }

    private long outboxOrEventsOf(UUID patientId) {
        return count(ds, "select count(*) from outbox where payload like ?", "%" + patientId + "%")
                + new TopicReader(bootstrap).read(Topics.PLANS, r -> r.value().contains(patientId.toString())).size();
    }

    static void assertProblem(ValidatableResponse response, int status, String field) {
        response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status)).body("detail", notNullValue());
        if (field != null) {
            response.body("errors.field", hasItem(field));
        }
    }

    @Test
    void createsADraftWithLocationETagAndPlanCreatedEvent() throws Exception {
        UUID[] ids = fixtures.patientAndClinician();
        String id = post("clinician", PLANS, planBody(ids[0], ids[1], modality(1, 50, 8.5, 0), null))
                .statusCode(201)
                .header("Location", containsString(PLANS + "/"))
                .header("ETag", notNullValue())
                .body("status", equalTo("draft"))
                .body("patientId", equalTo(ids[0].toString()))
                .body("primaryClinicianId", equalTo(ids[1].toString()))
                .body("endDate", equalTo("2027-02-22"))
                .body("nextReviewDue", equalTo("2026-12-30"))
                .body("modality.groupHoursPerWeek", equalTo(8.5f))
                .body("modality.weeklyHours", equalTo(9.33f))
                .body("modalityProposed", equalTo(false))
                .body("minimumWeeklyHours", equalTo(9.0f))
                .body("problems[0].code", equalTo("F32.1"))
                .body("goals[0].measure.instrument", equalTo("PHQ9"))
                .extract().path("id");
        assertThat(count(ds, "select count(*) from plan_status_transition where plan_id = ? and to_status = 'draft'", UUID.fromString(id))).isEqualTo(1);

        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> records = new TopicReader(bootstrap).readByKey(Topics.PLANS, id);
            assertThat(records).hasSize(1);
            ConsumerRecord<String, String> record = records.get(0);
            assertThat(header(record, "ce_type")).isEqualTo(EventTypes.PLAN_CREATED);
            assertThat(header(record, "ce_source")).isEqualTo("/iop/plan-service");
            assertThat(header(record, "ce_subject")).isEqualTo(id);
            PlanState state = EventFixtures.JSON.readValue(record.value(), PlanState.class);
            assertThat(state.planId().toString()).isEqualTo(id);
            assertThat(state.patientId()).isEqualTo(ids[0]);
            assertThat(state.status()).isEqualTo("draft");
            assertThat(state.levelOfCare()).isEqualTo("2.1");
            assertThat(state.modality().groupHoursPerWeek()).isEqualTo(8.5);
            assertThat(state.modality().individualSessionsPerWeek()).isEqualTo(1);
            assertThat(state.startDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        });
    }

    @Test
    void unknownPatientOrClinicianIsReadModelBehindAndNothingIsStored() {
        // no participant event ever introduces them: waited for (iop.read-your-writes.max-wait), then 503, never the 422 of a rule
        UUID[] ids = fixtures.patientAndClinician();
        UUID stranger = UUID.randomUUID();
        assertProblem(post("clinician", PLANS, planBody(stranger, ids[1], modality(1, 50, 8.5, 0), null)), 503, "patientId");
        assertProblem(post("clinician", PLANS, planBody(ids[0], UUID.randomUUID(), modality(1, 50, 8.5, 0), null)), 503, "primaryClinicianId");
        assertThat(plansOf(stranger)).isZero();
        assertThat(plansOf(ids[0])).isZero();
        assertThat(outboxOrEventsOf(ids[0])).isZero();
    }

    @Test
    void registeredPatientIsAllowedAndDischargedPatientIsRefused() {
        UUID clinician = fixtures.clinician();
        UUID patient = fixtures.register(EventFixtures.patient(UUID.randomUUID()).build()).patientId();
        post("clinician", PLANS, planBody(patient, clinician, modality(1, 50, 8.5, 0), null)).statusCode(201);

        fixtures.patientEvent(EventTypes.PATIENT_DISCHARGED, EventFixtures.patient(patient).discharged(PlanFixtures.today()).version(2).build());
        assertProblem(post("clinician", PLANS, planBody(patient, clinician, modality(1, 50, 8.5, 0), null)), 422, "patientId");
        assertThat(plansOf(patient)).isEqualTo(1);
    }

    @Test
    void groupHoursNeedAnActiveGroupConsent() {
        UUID clinician = fixtures.clinician();
        UUID noConsent = fixtures.register(EventFixtures.patient(UUID.randomUUID()).withoutConsents().build()).patientId();
        UUID expired = fixtures.register(EventFixtures.patient(UUID.randomUUID()).withoutConsents()
                .consent("GROUP_PARTICIPATION", PlanFixtures.today().minusDays(1)).build()).patientId();
        assertProblem(post("clinician", PLANS, planBody(noConsent, clinician, modality(1, 50, 8.5, 0), null)), 422, "modality.groupHoursPerWeek");
        assertProblem(post("clinician", PLANS, planBody(expired, clinician, modality(1, 50, 8.5, 0), null)), 422, "modality.groupHoursPerWeek");
        assertThat(plansOf(noConsent)).isZero();
        assertThat(plansOf(expired)).isZero();
        // Individual only is allowed without the consent (9 x 60 min meets the 9 h minimum).
        post("clinician", PLANS, planBody(noConsent, clinician, modality(9, 60, 0, 0), null)).statusCode(201)
                .body("modality.groupHoursPerWeek", equalTo(0.0f));
    }

    @Test
    void weeklyHoursBelowTheLevelOfCareMinimumAreRefusedEvenWithAJustification() {
        // belowMinimumJustification is still accepted but no longer exempts: a new plan is no step-down (issue 20)
        UUID[] ids = fixtures.patientAndClinician();
        assertProblem(post("clinician", PLANS, planBody(ids[0], ids[1], modality(1, 50, 8, 0), null)), 422, "modality");
        assertProblem(post("clinician", PLANS, planBody(ids[0], ids[1], modality(1, 50, 8, 0), ",\"belowMinimumJustification\":\"  \"")),
                422, "modality");
        assertProblem(post("clinician", PLANS, planBody(ids[0], ids[1], modality(1, 50, 8, 0),
                ",\"belowMinimumJustification\":\"Stepping down next week\"")), 422, "modality");
        assertThat(plansOf(ids[0])).isZero();
        // 9 h exactly meets the adult minimum.
        post("clinician", PLANS, planBody(ids[0], ids[1], modality(3, 60, 6, 0), null)).statusCode(201);
    }

    @Test
    void adolescentsHaveTheSixHourMinimum() {
        UUID clinician = fixtures.clinician();
        UUID teen = fixtures.register(EventFixtures.patient(UUID.randomUUID()).track("ADOLESCENT").build()).patientId();
        post("clinician", PLANS, planBody(teen, clinician, modality(1, 60, 5, 0), null)).statusCode(201).body("minimumWeeklyHours", equalTo(6.0f));
        assertProblem(post("clinician", PLANS, planBody(teen, clinician, modality(1, 60, 4.5, 0), null)), 422, "modality");
    }

    @Test
    void badInputIs400NamingTheFieldAndStoresNothing() {
        UUID[] ids = fixtures.patientAndClinician();
        String good = planBody(ids[0], ids[1], modality(1, 50, 8.5, 0), null);
        assertProblem(post("clinician", PLANS, good.replace("\"2.1\"", "\"3.7\"")), 400, "levelOfCare");
        assertProblem(post("clinician", PLANS, good.replace("\"durationWeeks\":12", "\"durationWeeks\":0")), 400, "durationWeeks");
        assertProblem(post("clinician", PLANS, good.replace("\"startDate\":\"2026-11-30\"", "\"startDate\":\"soon\"")), 400, "startDate");
        assertProblem(post("clinician", PLANS, planBody(ids[0], ids[1], modality(1, 50, -1, 0), null)), 400, "modality.groupHoursPerWeek");
        assertProblem(post("clinician", PLANS, planBody(ids[0], ids[1], modality(2, 10, 9, 0), null)), 400, "modality.individualSessionMinutes");
        assertProblem(post("clinician", PLANS, planBody(ids[0], ids[1], modality(0, 0, 0, 0), null)), 400, "modality");
        assertProblem(post("clinician", PLANS, planBody(ids[0], ids[1], modality(1, 50, 8.5, 0), ",\"status\":\"active\"")), 400, "status");
        assertProblem(post("clinician", PLANS, good.replace("\"code\":\"F32.1\"", "\"code\":\"\"")), 400, "problems[0].code");
        assertProblem(post("clinician", PLANS, good.replace("\"PHQ9\"", "\"MOOD\"")), 400, "goals[0].measure.instrument");
        assertProblem(post("clinician", PLANS, good.replace("\"patientId\":\"" + ids[0] + "\",", "")), 400, "patientId");
        assertThat(plansOf(ids[0])).isZero();
        assertThat(outboxOrEventsOf(ids[0])).isZero();
    }
}
