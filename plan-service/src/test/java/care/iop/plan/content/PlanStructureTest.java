package care.iop.plan.content;

import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.get;
import static care.iop.plan.support.PlanFixtures.post;
import static care.iop.plan.support.ReadModelProbe.EVENT_TIMEOUT;
import static care.iop.plan.support.ReadModelProbe.count;
import static care.iop.plan.support.StructureFixtures.INTERVENTIONS;
import static care.iop.plan.support.StructureFixtures.PROBLEMS;
import static care.iop.plan.support.StructureFixtures.createBody;
import static care.iop.plan.support.StructureFixtures.intervention;
import static care.iop.plan.support.StructureFixtures.interventions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import care.iop.events.EventTypes;
import care.iop.events.PlanState;
import care.iop.events.Topics;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.plan.support.ReadModelProbe;
import care.iop.plan.support.StructureFixtures;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Problems -> goals -> measurable, dated objectives -> interventions: stored, shown, and refused with the exact field. */
@QuarkusTest
class PlanStructureTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;
    UUID patient;
    UUID clinician;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
        UUID[] ids = fixtures.patientAndClinician();
        patient = ids[0];
        clinician = ids[1];
    }

    private ValidatableResponse create(String... members) {
        return post("clinician", PLANS, createBody(patient, clinician, members));
    }

    /** 400 (or the status given) naming {@code field}, and nothing stored or published for the patient. */
    private void refused(int status, String field, String... members) {
        create(members).statusCode(status).contentType("application/problem+json").body("errors.field", hasItem(field));
        assertThat(count(ds, "select count(*) from care_plan where patient_id = ?", patient)).as(field).isZero();
        assertThat(count(ds, "select count(*) from outbox where payload like ?", "%" + patient + "%")).as(field).isZero();
    }

    private static String objective(String fields) {
        return "\"problems\":[{\"code\":\"F32.1\",\"display\":\"Depression\",\"goals\":[{\"description\":\"Mood lifts\",\"objectives\":[{"
                + fields + "}]}]}]";
    }

    private static final String GROUP_9H = interventions(intervention("individual", 1, 50, null), intervention("group", 3, 180, null));

    @Test
    void aPlanHoldsProblemsGoalsObjectivesAndInterventionsAndItsMixFollowsThem() throws Exception {
        String id = create(PROBLEMS, INTERVENTIONS, "\"rationale\":\"Structured plan\"").statusCode(201)
                .body("problems[0].id", equalTo("P1"))
                .body("problems[0].patientWords", equalTo("I can't get out of bed"))
                .body("problems[0].goals[0].id", equalTo("G1"))
                .body("problems[0].goals[0].objectives.id", contains("O1", "O2", "O3"))
                .body("problems[0].goals[0].objectives.kind", contains("SCORE", "ATTENDANCE", "BEHAVIOUR"))
                .body("problems[0].goals[0].objectives.status", contains("not-started", "not-started", "not-started"))
                .body("problems[0].goals[0].objectives[0].target", equalTo(9.0f))
                .body("problems[0].goals[0].objectives[1].modality", equalTo("group"))
                .body("problems[0].goals[0].objectives[2].behaviour", equalTo("walks 20 minutes a day, logged"))
                .body("interventions.id", contains("I1", "I2"))
                .body("interventions[0].responsibleClinicianId", equalTo(clinician.toString()))
                .body("interventions[0]", not(hasKey("durationWeeks")))
                .body("interventions[1].durationWeeks", equalTo(12))
                .body("interventions[1].objectiveIds", contains("O1", "O2"))
                .body("modality.individualSessionsPerWeek", equalTo(1))
                .body("modality.individualSessionMinutes", equalTo(50))
                .body("modality.groupHoursPerWeek", equalTo(9.0f))
                .body("modality.weeklyHours", equalTo(9.83f))
                .body("modalityProposed", equalTo(false))
                .body("modalityRationale", equalTo("Structured plan"))
                .extract().path("id");
        get("clinician", PLANS + "/" + id).statusCode(200)
                .body("problems[0].goals[0].objectives[0].targetDate", equalTo("2027-01-11"))
                .body("interventions[1].description", equalTo("Process and skills groups"));
        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> {
            var records = new TopicReader(bootstrap).readByKey(Topics.PLANS, id);
            assertThat(records).hasSize(1);
            PlanState state = EventFixtures.JSON.readValue(records.get(0).value(), PlanState.class);
            assertThat(TopicReader.header(records.get(0), "ce_type")).isEqualTo(EventTypes.PLAN_CREATED);
            assertThat(state.modality().groupHoursPerWeek()).isEqualTo(9.0);
            assertThat(state.modality().individualSessionMinutes()).isEqualTo(50);
            // the objectives' ids travel, never their descriptions
            assertThat(state.objectiveIds()).containsExactly("O1", "O2", "O3");
            assertThat(records.get(0).value()).doesNotContain("PHQ-9 below 10").doesNotContain("Walks 20 minutes")
                    .doesNotContain("walks 20 minutes");
        });
    }

    @Test
    void idsLeftOutAreAssignedWithoutTakingTheOnesGiven() {
        create("\"problems\":[{\"code\":\"F32.1\",\"display\":\"Depression\",\"goals\":[{\"description\":\"a\",\"objectives\":["
                + "{\"description\":\"x\",\"kind\":\"BEHAVIOUR\",\"behaviour\":\"b\",\"targetDate\":\"2026-12-30\"},"
                + "{\"id\":\"O1\",\"description\":\"y\",\"kind\":\"BEHAVIOUR\",\"behaviour\":\"b\",\"targetDate\":\"2026-12-30\"}]},"
                + "{\"id\":\"G1\",\"description\":\"b\"}]},{\"code\":\"F41.1\",\"display\":\"Anxiety\"}]",
                "\"goals\":[{\"description\":\"legacy goal\"}]", GROUP_9H).statusCode(201)
                .body("problems.id", contains("P1", "P2"))
                .body("problems[0].goals.id", contains("G2", "G1"))
                .body("problems[0].goals[0].objectives.id", contains("O2", "O1"))
                .body("goals[0].id", equalTo("G3"))
                .body("interventions.id", contains("I1", "I2"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "problems[0].goals[0].objectives[0].targetDate | \"description\":\"d\",\"kind\":\"BEHAVIOUR\",\"behaviour\":\"b\"",
            "problems[0].goals[0].objectives[0].targetDate | \"description\":\"d\",\"kind\":\"BEHAVIOUR\",\"behaviour\":\"b\",\"targetDate\":\"2026-11-29\"",
            "problems[0].goals[0].objectives[0].targetDate | \"description\":\"d\",\"kind\":\"BEHAVIOUR\",\"behaviour\":\"b\",\"targetDate\":\"2027-02-23\"",
            "problems[0].goals[0].objectives[0].kind | \"description\":\"d\",\"kind\":\"MOOD\",\"targetDate\":\"2026-12-30\"",
            "problems[0].goals[0].objectives[0].status | \"description\":\"d\",\"kind\":\"BEHAVIOUR\",\"behaviour\":\"b\",\"targetDate\":\"2026-12-30\",\"status\":\"done\"",
            "problems[0].goals[0].objectives[0].description | \"kind\":\"BEHAVIOUR\",\"behaviour\":\"b\",\"targetDate\":\"2026-12-30\"",
            "problems[0].goals[0].objectives[0].instrument | \"description\":\"d\",\"kind\":\"SCORE\",\"target\":9,\"targetDate\":\"2026-12-30\"",
            "problems[0].goals[0].objectives[0].target | \"description\":\"d\",\"kind\":\"SCORE\",\"instrument\":\"PHQ9\",\"targetDate\":\"2026-12-30\"",
            "problems[0].goals[0].objectives[0].target | \"description\":\"d\",\"kind\":\"SCORE\",\"instrument\":\"PHQ9\",\"target\":28,\"targetDate\":\"2026-12-30\"",
            "problems[0].goals[0].objectives[0].target | \"description\":\"d\",\"kind\":\"SCORE\",\"instrument\":\"GAD7\",\"target\":22,\"targetDate\":\"2026-12-30\"",
            "problems[0].goals[0].objectives[0].behaviour | \"description\":\"d\",\"kind\":\"SCORE\",\"instrument\":\"PHQ9\",\"target\":9,\"behaviour\":\"b\",\"targetDate\":\"2026-12-30\"",
            "problems[0].goals[0].objectives[0].weeks | \"description\":\"d\",\"kind\":\"ATTENDANCE\",\"sessionsPerWeek\":3,\"targetDate\":\"2026-12-30\"",
            "problems[0].goals[0].objectives[0].weeks | \"description\":\"d\",\"kind\":\"ATTENDANCE\",\"sessionsPerWeek\":3,\"weeks\":13,\"targetDate\":\"2026-12-30\"",
            "problems[0].goals[0].objectives[0].sessionsPerWeek | \"description\":\"d\",\"kind\":\"ATTENDANCE\",\"weeks\":4,\"targetDate\":\"2026-12-30\"",
            "problems[0].goals[0].objectives[0].instrument | \"description\":\"d\",\"kind\":\"ATTENDANCE\",\"sessionsPerWeek\":3,\"weeks\":4,\"instrument\":\"PHQ9\",\"targetDate\":\"2026-12-30\"",
            "problems[0].goals[0].objectives[0].modality | \"description\":\"d\",\"kind\":\"BEHAVIOUR\",\"behaviour\":\"b\",\"modality\":\"group\",\"targetDate\":\"2026-12-30\"",
            "problems[0].goals[0].objectives[0].behaviour | \"description\":\"d\",\"kind\":\"BEHAVIOUR\",\"targetDate\":\"2026-12-30\"",
            "problems[0].goals[0].objectives[0].behaviour | \"description\":\"d\",\"kind\":\"BEHAVIOUR\",\"behaviour\":\"  \",\"targetDate\":\"2026-12-30\"",
            "problems[0].goals[0].objectives[0].id | \"id\":\"has space\",\"description\":\"d\",\"kind\":\"BEHAVIOUR\",\"behaviour\":\"b\",\"targetDate\":\"2026-12-30\"" })
    void aBrokenObjectiveIs400NamingItsFieldAndStoresNothing(String field, String objectiveFields) {
        refused(400, field, objective(objectiveFields), GROUP_9H);
    }

    @Test
    void objectiveTargetDatesMayBeTheFirstAndTheLastDayOfThePlan() {
        create(objective("\"description\":\"d\",\"kind\":\"SCORE\",\"instrument\":\"PHQ9\",\"target\":27,\"targetDate\":\"2026-11-30\""),
                GROUP_9H).statusCode(201);
        create(objective("\"description\":\"d\",\"kind\":\"ATTENDANCE\",\"sessionsPerWeek\":3,\"weeks\":12,\"targetDate\":\"2027-02-22\""),
                GROUP_9H).statusCode(201);
    }

    @Test
    void theFieldOfTheSecondGoalIsNamedToo() {
        refused(400, "problems[0].goals[1].objectives[0].targetDate", "\"problems\":[{\"code\":\"F32.1\",\"display\":\"Depression\",\"goals\":["
                + "{\"description\":\"a\"},{\"description\":\"b\",\"objectives\":[{\"description\":\"d\",\"kind\":\"BEHAVIOUR\","
                + "\"behaviour\":\"b\"}]}]}]", GROUP_9H);
        refused(400, "goals[0].objectives[0].target", "\"goals\":[{\"description\":\"b\",\"objectives\":[{\"description\":\"d\","
                + "\"kind\":\"SCORE\",\"instrument\":\"PHQ9\",\"targetDate\":\"2026-12-30\"}]}]", GROUP_9H);
    }

    @Test
    void everyBrokenRuleIsNamedInOneAnswer() {
        create(objective("\"description\":\"d\",\"kind\":\"SCORE\",\"targetDate\":\"2027-03-01\""), GROUP_9H).statusCode(400)
                .body("errors.field", contains("problems[0].goals[0].objectives[0].instrument", "problems[0].goals[0].objectives[0].target",
                        "problems[0].goals[0].objectives[0].targetDate"));
    }

    @Test
    void duplicateIdsAre400NamingTheSecondOne() {
        refused(400, "problems[0].goals[0].objectives[1].id", "\"problems\":[{\"code\":\"F32.1\",\"display\":\"Depression\",\"goals\":[{"
                + "\"description\":\"a\",\"objectives\":[{\"id\":\"X\",\"description\":\"d\",\"kind\":\"BEHAVIOUR\",\"behaviour\":\"b\","
                + "\"targetDate\":\"2026-12-30\"},{\"id\":\"X\",\"description\":\"e\",\"kind\":\"BEHAVIOUR\",\"behaviour\":\"b\","
                + "\"targetDate\":\"2026-12-30\"}]}]}]", GROUP_9H);
        refused(400, "interventions[1].id", PROBLEMS, interventions(intervention("individual", 1, 50, "\"id\":\"I1\""),
                intervention("group", 3, 180, "\"id\":\"G1\"")));
        create(PROBLEMS, INTERVENTIONS).statusCode(201); // the same ids in another plan are fine
    }

    @Test
    void anInterventionNamingAnUnknownOrRepeatedObjectiveIs400NamingTheReference() {
        refused(400, "interventions[1].objectiveIds[1]", PROBLEMS, interventions(intervention("individual", 1, 50, "\"objectiveIds\":[\"O1\"]"),
                intervention("group", 3, 180, "\"objectiveIds\":[\"O2\",\"O9\"]")));
        refused(400, "interventions[0].objectiveIds[2]", PROBLEMS, interventions(
                intervention("individual", 1, 50, "\"objectiveIds\":[\"O1\",\"O2\",\"O1\"]"), intervention("group", 3, 180, null)));
        refused(400, "interventions[0].objectiveIds[0]", PROBLEMS, interventions(intervention("individual", 1, 50, "\"objectiveIds\":[\"G1\"]"),
                intervention("group", 3, 180, null)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "interventions[1].durationWeeks | group | 3 | 180 | \"durationWeeks\":13",
            "interventions[1].durationWeeks | group | 3 | 180 | \"durationWeeks\":0",
            "interventions[1].minutesPerSession | family | 1 | 60 | ",
            "interventions[1].minutesPerSession | individual | 1 | 15 | ",
            "interventions[1].minutesPerSession | individual | 1 | 181 | ",
            "interventions[1].minutesPerSession | group | 1 | 241 | ",
            "interventions[1].sessionsPerWeek | group | 0 | 180 | ",
            "interventions[1].sessionsPerWeek | group | 15 | 60 | ",
            "interventions[1].modality | phone | 3 | 180 | ",
            "interventions[1].objectiveIds[0] | group | 3 | 180 | \"objectiveIds\":[\"\"]" })
    void aBrokenInterventionIs400NamingItsField(String field, String modality, int sessions, int minutes, String extra) {
        refused(400, field, PROBLEMS, interventions(intervention("group", 3, 180, null), intervention(modality, sessions, minutes, extra)));
    }

    @Test
    void interventionBoundariesThatAreAccepted() {
        create(interventions(intervention("individual", 1, 16, null), intervention("group", 3, 180, "\"durationWeeks\":12"),
                intervention("family", 1, 50, "\"durationWeeks\":1"))).statusCode(201)
                .body("modality.individualSessionMinutes", equalTo(16))
                .body("modality.familySessionsPerWeek", equalTo(1));
        create(interventions(intervention("individual", 1, 180, null), intervention("group", 2, 240, null),
                intervention("group", 1, 60, null))).statusCode(201)
                .body("modality.groupHoursPerWeek", equalTo(9.0f))
                .body("modality.weeklyHours", equalTo(12.0f));
    }

    @Test
    void theResponsibleClinicianMustBeKnownAndActive() {
        UUID colleague = fixtures.clinician();
        create(PROBLEMS, interventions(intervention("individual", 1, 50, null),
                intervention("group", 3, 180, "\"responsibleClinicianId\":\"" + colleague + "\""))).statusCode(201)
                .body("interventions[0].responsibleClinicianId", equalTo(clinician.toString()))
                .body("interventions[1].responsibleClinicianId", equalTo(colleague.toString()));

        UUID gone = UUID.randomUUID();
        fixtures.events().publish(Topics.PARTICIPANTS, gone.toString(), EventTypes.CLINICIAN_REGISTERED, java.util.Map.of(
                "clinicianId", gone.toString(), "npi", "1234567893", "displayName", "Dr Gone", "canLeadGroups", true, "active", false,
                "version", 1));
        ReadModelProbe.awaitClinician(ds, gone, 1);
        patient = fixtures.patientAndClinician()[0]; // a patient without a plan yet
        refused(422, "interventions[1].responsibleClinicianId", PROBLEMS, interventions(intervention("individual", 1, 50, null),
                intervention("group", 3, 180, "\"responsibleClinicianId\":\"" + gone + "\"")));
        // a clinician plan-service has never heard of: the read model may be behind (waited for, then 503 naming the field)
        refused(503, "interventions[0].responsibleClinicianId", PROBLEMS, interventions(
                intervention("individual", 1, 50, "\"responsibleClinicianId\":\"" + UUID.randomUUID() + "\""), intervention("group", 3, 180, null)));
    }

    @Test
    void aSchedulerSeesTheInterventionsWithoutTheirClinicalContent() {
        String id = create(PROBLEMS, INTERVENTIONS).statusCode(201).extract().path("id");
        get("scheduler", PLANS + "/" + id).statusCode(200)
                .body("$", not(hasKey("problems")))
                .body("interventions.modality", contains("individual", "group"))
                .body("interventions.sessionsPerWeek", contains(1, 3))
                .body("interventions[0]", not(hasKey("description")))
                .body("interventions[0]", not(hasKey("objectiveIds")))
                .body("interventions[0].responsibleClinicianId", equalTo(clinician.toString()));
    }

    @Test
    void aPlanStoredBeforeInterventionsExistedShowsThemDerivedFromItsMixAndIdsInOrder() {
        String id = post("clinician", PLANS, PlanFixtures.planBody(patient, clinician, PlanFixtures.modality(2, 60, 8.5, 1), null))
                .statusCode(201).extract().path("id");
        StructureFixtures.execute(ds, "update care_plan set interventions = '[]', problems = '[{\"code\":\"F32.1\",\"display\":\"Depression\"}]',"
                + " goals = '[{\"description\":\"Reduce depressive symptoms\",\"measure\":{\"instrument\":\"PHQ9\",\"target\":9}}]' where id = ?",
                UUID.fromString(id));
        get("clinician", PLANS + "/" + id).statusCode(200)
                .body("problems[0].id", equalTo("P1"))
                .body("problems[0]", not(hasKey("patientWords")))
                .body("goals[0].id", equalTo("G1"))
                .body("goals[0].measure.instrument", equalTo("PHQ9"))
                .body("interventions.modality", contains("individual", "group", "family"))
                .body("interventions.id", contains("I1", "I2", "I3"))
                .body("interventions[1].sessionsPerWeek", equalTo(3))
                .body("interventions[1].minutesPerSession", equalTo(170))
                .body("interventions[0].responsibleClinicianId", equalTo(clinician.toString()))
                .body("interventions[0].objectiveIds.size()", equalTo(0))
                .body("offeredProposal", nullValue());
    }

    @Test
    void anEmptyInterventionListIs400() {
        refused(400, "interventions", "\"interventions\":[]");
        refused(400, "interventions", "\"interventions\":[]", "\"modality\":" + PlanFixtures.modality(1, 50, 9, 0));
    }
}
