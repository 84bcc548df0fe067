package care.iop.plan.rest;

import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.activate;
import static care.iop.plan.support.PlanFixtures.get;
import static care.iop.plan.support.PlanFixtures.modality;
import static care.iop.plan.support.PlanFixtures.planBody;
import static care.iop.plan.support.PlanFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.plan.support.ReadModelProbe;
import care.iop.plan.support.StructureFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * The proposed interventions and mix per group comfort, preference, track, level of care, group consent, open safety flags and
 * latest scores, through the API (docs/modality-proposal.md; the rules' boundaries are in ModalityProposerTest).
 */
@QuarkusTest
class ModalityProposalTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
    }

    private ValidatableResponse proposeFor(EventFixtures.PatientBuilder patient, String extra) {
        UUID id = fixtures.register(patient.build()).patientId();
        return post("clinician", PLANS, planBody(id, fixtures.clinician(), null, extra));
    }

    private static double individualHours(JsonPath plan) {
        return plan.getInt("modality.individualSessionsPerWeek") * plan.getInt("modality.individualSessionMinutes") / 60.0;
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
            // comfort, preference, step, individual sessions, minutes, group hours (90-min sessions), weekly hours
            "COMFORTABLE, NO_PREFERENCE, group-heavy, 1, 50, 9.0, 9.83",
            "HESITANT, NO_PREFERENCE, mixed, 4, 60, 6.0, 10.0",
            "UNCOMFORTABLE, NO_PREFERENCE, individual-heavy, 5, 60, 4.5, 9.5",
            "COMFORTABLE, INDIVIDUAL, mixed, 4, 60, 6.0, 10.0",
            "COMFORTABLE, GROUP, group-heavy, 1, 50, 9.0, 9.83",
            "HESITANT, GROUP, group-heavy, 1, 50, 9.0, 9.83",
            "HESITANT, INDIVIDUAL, individual-heavy, 5, 60, 4.5, 9.5",
            "UNCOMFORTABLE, GROUP, mixed, 4, 60, 6.0, 10.0",
            "UNCOMFORTABLE, INDIVIDUAL, individual-heavy, 5, 60, 4.5, 9.5" })
    void proposesInterventionsPerGroupComfortAndPreferenceThatMeetTheAdultMinimum(String comfort, String preference, String step,
            int sessions, int minutes, float group, float weekly) {
        JsonPath plan = proposeFor(EventFixtures.patient(UUID.randomUUID()).groupComfort(comfort).preferredModality(preference), null)
                .statusCode(201)
                .body("modalityProposed", equalTo(true))
                .body("modality.individualSessionsPerWeek", equalTo(sessions))
                .body("modality.individualSessionMinutes", equalTo(minutes))
                .body("modality.groupHoursPerWeek", equalTo(group))
                .body("modality.familySessionsPerWeek", equalTo(0))
                .body("modality.weeklyHours", equalTo(weekly))
                .body("interventions.modality", contains("individual", "group"))
                .body("interventions.id", contains("I1", "I2"))
                .body("interventions[0].sessionsPerWeek", equalTo(sessions))
                .body("interventions[0].minutesPerSession", equalTo(minutes))
                .body("interventions[1].minutesPerSession", equalTo(90))
                .body("belowMinimumJustification", nullValue())
                .body("modalityRationale", containsString("group comfort " + comfort))
                .body("modalityRationale", containsString("at least 9 h"))
                .body("modalityRationale", containsString("at most 19 h at 2.1"))
                .body("modalityRationale", containsString("at most 1 individual session a day on 5 program days"))
                .body("modalityRationale", containsString(step + ":"))
                .body("modalityRationale", not(containsString("belowMinimumJustification")))
                .extract().jsonPath();
        double individual = individualHours(plan);
        double groupHours = plan.getDouble("modality.groupHoursPerWeek");
        assertThat(individual + groupHours).as("meets the 9 h adult minimum, below the 19 h ceiling").isBetween(9.0, 19.0);
        assertThat(plan.getInt("modality.individualSessionsPerWeek")).as("at most one individual session a day").isLessThanOrEqualTo(5);
        switch (step) {
            case "individual-heavy" -> assertThat(individual).as("individual hours above group hours").isGreaterThan(groupHours);
            case "mixed" -> assertThat(individual / (individual + groupHours)).as("individual share of a mixed plan").isBetween(0.3, 0.5);
            default -> assertThat(plan.getInt("modality.individualSessionsPerWeek")).as("one individual session").isEqualTo(1);
        }
    }

    @Test
    void uncomfortablePatientGetsIndividualHeavyInterventionsAndTheNextStepWhichTheClinicianCanSwitchTo() {
        UUID clinician = fixtures.clinician();
        UUID patient = fixtures.register(EventFixtures.patient(UUID.randomUUID()).groupComfort("UNCOMFORTABLE").build()).patientId();
        String plan = post("clinician", PLANS, planBody(patient, clinician, null, null))
                .statusCode(201)
                .body("modality.individualSessionsPerWeek", equalTo(5))
                .body("modality.groupHoursPerWeek", equalTo(4.5f))
                .body("interventions[0].responsibleClinicianId", equalTo(clinician.toString()))
                .body("modalityRationale", containsString("individual-heavy: 5 h individual therapy and a small group dose of 4.5 h"
                        + " (5 x 60 min individual + 3 x 90 min group = 9.5 h)"))
                .body("modalityRationale", containsString("after 2 weeks in which the patient attended the group hours"))
                .body("modalityRationale", containsString("at the first plan review at the latest"))
                .body("modalityRationale", containsString("switch to the mixed step (4 x 60 min individual + 4 x 90 min group = 10 h)"))
                .body("modalityRationale", containsString("then to group-heavy (1 x 50 min individual + 6 x 90 min group = 9.83 h)"))
                .body("modalityRationale", containsString("suggested step-up (modality to mixed)"))
                .extract().path("id");
        // The steps the rationale names are valid switches: no justification is needed at any of them.
        activate(plan).statusCode(200);
        post("clinician", PLANS + "/" + plan + "/modality-changes", "{\"modality\":" + modality(4, 60, 6, 0)
                + ",\"reason\":\"attended the group hours for two weeks\",\"effectiveFrom\":\"2026-12-14\"}")
                .statusCode(201).body("from.groupHoursPerWeek", equalTo(4.5f)).body("to.groupHoursPerWeek", equalTo(6.0f));
        post("clinician", PLANS + "/" + plan + "/modality-changes", "{\"modality\":" + modality(1, 50, 9, 0)
                + ",\"reason\":\"comfortable in groups\",\"effectiveFrom\":\"2026-12-28\"}")
                .statusCode(201).body("to.groupHoursPerWeek", equalTo(9.0f));
        get("clinician", PLANS + "/" + plan).statusCode(200).body("modality.weeklyHours", equalTo(9.83f));
    }

    @Test
    void hesitantPatientGetsAMixedPlanThatNamesTheGroupHeavyStep() {
        proposeFor(EventFixtures.patient(UUID.randomUUID()).groupComfort("HESITANT"), null)
                .statusCode(201)
                .body("modalityRationale", containsString("mixed: individual and group therapy side by side (4 x 60 min individual + 4 x 90 min"
                        + " group = 10 h)"))
                .body("modalityRationale", containsString("switch to group-heavy (1 x 50 min individual + 6 x 90 min group = 9.83 h)"));
    }

    @Test
    void adolescentGetsAFamilySessionAndTheSixHourTarget() {
        proposeFor(EventFixtures.patient(UUID.randomUUID()).track("ADOLESCENT").groupComfort("COMFORTABLE"), null)
                .statusCode(201)
                .body("modality.familySessionsPerWeek", equalTo(1))
                .body("modality.individualSessionsPerWeek", equalTo(1))
                .body("modality.groupHoursPerWeek", equalTo(4.5f))
                .body("modality.weeklyHours", equalTo(6.17f))
                .body("interventions.modality", contains("individual", "group", "family"))
                .body("interventions[2].minutesPerSession", equalTo(50))
                .body("modalityRationale", containsString("at least 6 h"))
                .body("modalityRationale", containsString("family"));
    }

    @Test
    void uncomfortableAdolescentIsIndividualHeavyAboveTheSixHourMinimum() {
        proposeFor(EventFixtures.patient(UUID.randomUUID()).track("ADOLESCENT").groupComfort("UNCOMFORTABLE"), null)
                .statusCode(201)
                .body("modality.familySessionsPerWeek", equalTo(1))
                .body("modality.individualSessionsPerWeek", equalTo(4))
                .body("modality.individualSessionMinutes", equalTo(60))
                .body("modality.groupHoursPerWeek", equalTo(1.5f))
                .body("modality.weeklyHours", equalTo(6.33f))
                .body("modalityRationale", containsString("switch to the mixed step (2 x 60 min individual + 3 x 90 min group + 1 x 50 min"
                        + " family = 7.33 h)"));
    }

    @Test
    void levelOneHasNoMinimumAndAimsAtThreeHours() {
        UUID id = fixtures.register(EventFixtures.patient(UUID.randomUUID()).groupComfort("UNCOMFORTABLE").build()).patientId();
        post("clinician", PLANS, planBody(id, fixtures.clinician(), null, null).replace("\"levelOfCare\":\"2.1\"", "\"levelOfCare\":\"1\""))
                .statusCode(201)
                .body("modality.individualSessionsPerWeek", equalTo(2))
                .body("modality.groupHoursPerWeek", equalTo(1.5f))
                .body("modality.weeklyHours", equalTo(3.5f))
                .body("modalityRationale", containsString("level of care 1 has no weekly minimum; aiming at 3 h"));
    }

    @Test
    void substanceUseTrackIsRemindedOfTheH0015Pattern() {
        proposeFor(EventFixtures.patient(UUID.randomUUID()).track("ADULT_SUD").groupComfort("UNCOMFORTABLE"), null)
                .statusCode(201)
                .body("modality.weeklyHours", equalTo(9.5f))
                .body("modalityRationale", containsString("at least 3 h on at least 3 days (H0015)"));
    }

    @Test
    void unknownComfortIsTreatedAsHesitant() {
        proposeFor(EventFixtures.patient(UUID.randomUUID()).groupComfort(null).preferredModality(null), null)
                .statusCode(201)
                .body("modality.individualSessionsPerWeek", equalTo(4))
                .body("modality.groupHoursPerWeek", equalTo(6.0f))
                .body("modalityRationale", containsString("not recorded"));
    }

    @Test
    void withoutGroupConsentTheProposalIsIndividualOnlyAtOneADayAndFallsShortOfTheMinimumSoItIsRefused() {
        // issue 20: at most one individual session a day cannot reach 9 h, and a justification no longer exempts a new plan
        UUID clinician = fixtures.clinician();
        UUID adult = fixtures.register(EventFixtures.patient(UUID.randomUUID()).groupComfort("COMFORTABLE").withoutConsents().build()).patientId();
        post("clinician", PLANS, planBody(adult, clinician, null, null))
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("modality"))
                .body("detail", containsString("5 h a week is below the 9 h minimum"));
        post("clinician", PLANS, planBody(adult, clinician, null, ",\"belowMinimumJustification\":\"Group consent pending\""))
                .statusCode(422).body("errors[0].field", equalTo("modality"));
        UUID teen = fixtures.register(EventFixtures.patient(UUID.randomUUID()).track("ADOLESCENT").withoutConsents().build()).patientId();
        post("clinician", PLANS, planBody(teen, clinician, null, null))
                .statusCode(422).body("errors[0].field", equalTo("modality"))
                .body("detail", containsString("5.83 h a week is below the 6 h minimum"));
        assertThat(ReadModelProbe.count(ds, "select count(*) from care_plan where patient_id in (?, ?)", adult, teen)).isZero();
        // At level 1 (no minimum) the individual-only proposal stands.
        post("clinician", PLANS, planBody(adult, clinician, null, null).replace("\"levelOfCare\":\"2.1\"", "\"levelOfCare\":\"1\""))
                .statusCode(201)
                .body("modality.groupHoursPerWeek", equalTo(0.0f))
                .body("interventions.modality", contains("individual"))
                .body("modalityRationale", containsString("no active GROUP_PARTICIPATION consent: individual therapy only"));
    }

    @Test
    void withoutGroupConsentLevelTwoFiveCannotBeReachedIndividuallyAndIsRefused() {
        // issue 20: a justification no longer exempts a new plan from the minimum; the problem names the level that fits
        UUID id = fixtures.register(EventFixtures.patient(UUID.randomUUID()).withoutConsents().build()).patientId();
        UUID clinician = fixtures.clinician();
        String body = planBody(id, clinician, null, null).replace("\"levelOfCare\":\"2.1\"", "\"levelOfCare\":\"2.5\"");
        post("clinician", PLANS, body)
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("modality"))
                .body("detail", containsString("h a week is below the 20 h minimum"));
        post("clinician", PLANS, planBody(id, clinician, null, ",\"belowMinimumJustification\":\"Group consent pending\"")
                .replace("\"levelOfCare\":\"2.1\"", "\"levelOfCare\":\"2.5\""))
                .statusCode(422).body("errors[0].field", equalTo("modality"));
        assertThat(ReadModelProbe.count(ds, "select count(*) from care_plan where patient_id = ?", id)).isZero();
    }

    @Test
    void anOpenSafetyFlagMakesTheProposalMoreIndividualAndIntensiveAndSuggestsLevelTwoFiveUntilResolved() {
        UUID clinician = fixtures.clinician();
        UUID patient = fixtures.register(EventFixtures.patient(UUID.randomUUID()).groupComfort("COMFORTABLE").build()).patientId();
        // PHQ-9 10 (MODERATE) with item 9 answered 1: a safety flag
        String flag = StructureFixtures.phq9(patient, List.of(2, 2, 2, 1, 1, 1, 0, 0, 1), recently()).getString("safetyFlagId");
        assertThat(flag).isNotNull();
        post("clinician", PLANS, planBody(patient, clinician, null, null)).statusCode(201)
                .body("modality.individualSessionsPerWeek", equalTo(5))
                .body("modality.weeklyHours", equalTo(12.5f))
                .body("interventions[0].description", containsString("safety plan"))
                .body("modalityRationale", containsString("1 open safety flag: same-day review (C-SSRS screener) and a safety plan"))
                .body("modalityRationale", containsString("latest PHQ-9 10 (MODERATE)"))
                .body("modalityRationale", containsString("mixed:"))
                .body("modalityRationale", containsString("suggested step-up (level-of-care to 2.5)"));
        // the same-day screen finds a low risk (wish to be dead only): the flag is resolved with it
        String screen = post("clinician", "/api/v1/risk-screens", "{\"patientId\":\"" + patient + "\",\"flagId\":\"" + flag
                + "\",\"takenAt\":\"" + OffsetDateTime.now(ZoneOffset.UTC) + "\",\"answers\":[true,false,false,false,false,false]}")
                .statusCode(201).body("risk", equalTo("LOW")).extract().path("id");
        post("clinician", "/api/v1/assessments/safety-flags/" + flag + "/resolution", "{\"screenId\":\"" + screen + "\"}").statusCode(200);
        post("clinician", PLANS, planBody(patient, clinician, null, null)).statusCode(201)
                .body("modality.weeklyHours", equalTo(9.83f))
                .body("modalityRationale", not(containsString("safety flag")));
    }

    @Test
    void aSevereRecentPhq9IntensifiesTheWeekAndAnOlderOneDoesNot() {
        UUID clinician = fixtures.clinician();
        UUID recent = fixtures.register(EventFixtures.patient(UUID.randomUUID()).build()).patientId();
        StructureFixtures.phq9(recent, List.of(3, 3, 3, 3, 3, 3, 3, 0, 0), OffsetDateTime.now(ZoneOffset.UTC).minusDays(29));
        post("clinician", PLANS, planBody(recent, clinician, null, null)).statusCode(201)
                .body("modality.individualSessionsPerWeek", equalTo(2))
                .body("modality.weeklyHours", equalTo(12.17f))
                .body("modalityRationale", containsString("latest PHQ-9 21 (SEVERE)"))
                .body("modalityRationale", containsString("intensified: aiming at 12 h a week"))
                .body("modalityRationale", containsString("suggested step-up (level-of-care to 2.5): assess for level of care 2.5 because of"
                        + " severe latest scores"));
        UUID older = fixtures.register(EventFixtures.patient(UUID.randomUUID()).build()).patientId();
        StructureFixtures.phq9(older, List.of(3, 3, 3, 3, 3, 3, 3, 0, 0), OffsetDateTime.now(ZoneOffset.UTC).minusDays(31));
        post("clinician", PLANS, planBody(older, clinician, null, null)).statusCode(201)
                .body("modality.weeklyHours", equalTo(9.83f))
                .body("modalityRationale", containsString("no PHQ-9 or GAD-7 in the last 30 days"));
    }

    private static OffsetDateTime recently() {
        return OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
    }
}
