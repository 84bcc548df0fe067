package care.iop.plan.rest;

import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.changeStatus;
import static care.iop.plan.support.PlanFixtures.get;
import static care.iop.plan.support.PlanFixtures.modality;
import static care.iop.plan.support.PlanFixtures.planBody;
import static care.iop.plan.support.PlanFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

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
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** The proposed mix per group comfort, preference, track, level of care and group consent (docs/modality-proposal.md). */
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
            // comfort, preference, step, individual sessions, minutes, group hours, weekly hours
            "COMFORTABLE, NO_PREFERENCE, group-heavy, 1, 50, 8.5, 9.33",
            "HESITANT, NO_PREFERENCE, mixed, 4, 60, 5.0, 9.0",
            "UNCOMFORTABLE, NO_PREFERENCE, individual-heavy, 6, 60, 3.0, 9.0",
            "COMFORTABLE, INDIVIDUAL, mixed, 4, 60, 5.0, 9.0",
            "COMFORTABLE, GROUP, group-heavy, 1, 50, 8.5, 9.33",
            "HESITANT, GROUP, group-heavy, 1, 50, 8.5, 9.33",
            "HESITANT, INDIVIDUAL, individual-heavy, 6, 60, 3.0, 9.0",
            "UNCOMFORTABLE, GROUP, mixed, 4, 60, 5.0, 9.0",
            "UNCOMFORTABLE, INDIVIDUAL, individual-heavy, 6, 60, 3.0, 9.0" })
    void proposesAMixPerGroupComfortAndPreferenceThatMeetsTheAdultMinimum(String comfort, String preference, String step, int sessions,
            int minutes, float group, float weekly) {
        JsonPath plan = proposeFor(EventFixtures.patient(UUID.randomUUID()).groupComfort(comfort).preferredModality(preference), null)
                .statusCode(201)
                .body("modalityProposed", equalTo(true))
                .body("modality.individualSessionsPerWeek", equalTo(sessions))
                .body("modality.individualSessionMinutes", equalTo(minutes))
                .body("modality.groupHoursPerWeek", equalTo(group))
                .body("modality.familySessionsPerWeek", equalTo(0))
                .body("modality.weeklyHours", equalTo(weekly))
                .body("belowMinimumJustification", nullValue())
                .body("modalityRationale", containsString("group comfort " + comfort))
                .body("modalityRationale", containsString("at least 9 h"))
                .body("modalityRationale", containsString(step + ":"))
                .body("modalityRationale", not(containsString("belowMinimumJustification")))
                .extract().jsonPath();
        double individual = individualHours(plan);
        double groupHours = plan.getDouble("modality.groupHoursPerWeek");
        assertThat(individual + groupHours).as("meets the 9 h adult minimum").isGreaterThanOrEqualTo(9.0);
        switch (step) {
            case "individual-heavy" -> assertThat(individual).as("individual hours above group hours").isGreaterThan(groupHours);
            case "mixed" -> assertThat(individual / (individual + groupHours)).as("individual share of a mixed plan").isBetween(0.3, 0.5);
            default -> assertThat(plan.getInt("modality.individualSessionsPerWeek")).as("one individual session").isEqualTo(1);
        }
    }

    @Test
    void uncomfortablePatientGetsIndividualHeavyMixAndTheNextStepWhichTheClinicianCanSwitchTo() {
        UUID clinician = fixtures.clinician();
        UUID patient = fixtures.register(EventFixtures.patient(UUID.randomUUID()).groupComfort("UNCOMFORTABLE").build()).patientId();
        String plan = post("clinician", PLANS, planBody(patient, clinician, null, null))
                .statusCode(201)
                .body("modality.individualSessionsPerWeek", equalTo(6))
                .body("modality.groupHoursPerWeek", equalTo(3.0f))
                .body("modalityRationale", containsString("individual-heavy: 6 h individual therapy and a small group dose of 3 h"))
                .body("modalityRationale", containsString("group introduced gradually: after 2 weeks in which the patient attended the group hours"))
                .body("modalityRationale", containsString("at the first plan review at the latest"))
                .body("modalityRationale", containsString("switch to the mixed step (4 x 60 min individual + 5 h group = 9 h)"))
                .body("modalityRationale", containsString("then to group-heavy (1 x 50 min individual + 8.5 h group = 9.33 h)"))
                .extract().path("id");
        // The steps the rationale names are valid switches: no justification is needed at any of them.
        changeStatus(plan, "active").statusCode(200);
        post("clinician", PLANS + "/" + plan + "/modality-changes", "{\"modality\":" + modality(4, 60, 5, 0)
                + ",\"reason\":\"attended the group hours for two weeks\",\"effectiveFrom\":\"2026-12-14\"}")
                .statusCode(201).body("from.groupHoursPerWeek", equalTo(3.0f)).body("to.groupHoursPerWeek", equalTo(5.0f));
        post("clinician", PLANS + "/" + plan + "/modality-changes", "{\"modality\":" + modality(1, 50, 8.5, 0)
                + ",\"reason\":\"comfortable in groups\",\"effectiveFrom\":\"2026-12-28\"}")
                .statusCode(201).body("to.groupHoursPerWeek", equalTo(8.5f));
        get("clinician", PLANS + "/" + plan).statusCode(200).body("modality.weeklyHours", equalTo(9.33f));
    }

    @Test
    void hesitantPatientGetsAMixedPlanThatNamesTheGroupHeavyStep() {
        proposeFor(EventFixtures.patient(UUID.randomUUID()).groupComfort("HESITANT"), null)
                .statusCode(201)
                .body("modalityRationale", containsString("mixed: individual and group therapy side by side (4 x 60 min individual + 5 h group = 9 h)"))
                .body("modalityRationale", containsString("switch to group-heavy (1 x 50 min individual + 8.5 h group = 9.33 h)"));
    }

    @Test
    void adolescentGetsAFamilySessionAndTheSixHourTarget() {
        proposeFor(EventFixtures.patient(UUID.randomUUID()).track("ADOLESCENT").groupComfort("COMFORTABLE"), null)
                .statusCode(201)
                .body("modality.familySessionsPerWeek", equalTo(1))
                .body("modality.individualSessionsPerWeek", equalTo(1))
                .body("modality.groupHoursPerWeek", equalTo(4.5f))
                .body("modality.weeklyHours", equalTo(6.17f))
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
                .body("modalityRationale", containsString("switch to the mixed step (2 x 60 min individual + 3.5 h group + 1 x 50 min family = 6.33 h)"));
    }

    @Test
    void levelOneHasNoMinimumAndAimsAtThreeHours() {
        UUID id = fixtures.register(EventFixtures.patient(UUID.randomUUID()).groupComfort("UNCOMFORTABLE").build()).patientId();
        post("clinician", PLANS, planBody(id, fixtures.clinician(), null, null).replace("\"levelOfCare\":\"2.1\"", "\"levelOfCare\":\"1\""))
                .statusCode(201)
                .body("modality.individualSessionsPerWeek", equalTo(2))
                .body("modality.groupHoursPerWeek", equalTo(1.0f))
                .body("modality.weeklyHours", equalTo(3.0f))
                .body("modalityRationale", containsString("level of care 1 has no weekly minimum; aiming at 3 h"));
    }

    @Test
    void substanceUseTrackIsRemindedOfTheH0015Pattern() {
        proposeFor(EventFixtures.patient(UUID.randomUUID()).track("ADULT_SUD").groupComfort("UNCOMFORTABLE"), null)
                .statusCode(201)
                .body("modality.weeklyHours", equalTo(9.0f))
                .body("modalityRationale", containsString("at least 3 h on at least 3 days (H0015)"));
    }

    @Test
    void unknownComfortIsTreatedAsHesitant() {
        proposeFor(EventFixtures.patient(UUID.randomUUID()).groupComfort(null).preferredModality(null), null)
                .statusCode(201)
                .body("modality.individualSessionsPerWeek", equalTo(4))
                .body("modality.groupHoursPerWeek", equalTo(5.0f))
                .body("modalityRationale", containsString("not recorded"));
    }

    @Test
    void withoutGroupConsentTheProposalIsIndividualOnlyAndStillMeetsTheMinimum() {
        proposeFor(EventFixtures.patient(UUID.randomUUID()).groupComfort("COMFORTABLE").withoutConsents(), null)
                .statusCode(201)
                .body("modality.groupHoursPerWeek", equalTo(0.0f))
                .body("modality.individualSessionsPerWeek", equalTo(9))
                .body("modality.individualSessionMinutes", equalTo(60))
                .body("modality.weeklyHours", equalTo(9.0f))
                .body("belowMinimumJustification", nullValue())
                .body("modalityRationale", containsString("no active GROUP_PARTICIPATION consent: individual therapy only, 9 x 60 min"))
                .body("modalityRationale", containsString("once the patient consents to group therapy, switch to the group-heavy step"
                        + " (1 x 50 min individual + 8.5 h group = 9.33 h)"));
        proposeFor(EventFixtures.patient(UUID.randomUUID()).track("ADOLESCENT").withoutConsents(), null)
                .statusCode(201)
                .body("modality.groupHoursPerWeek", equalTo(0.0f))
                .body("modality.individualSessionsPerWeek", equalTo(6))
                .body("modality.familySessionsPerWeek", equalTo(1))
                .body("modality.weeklyHours", equalTo(6.83f));
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
                .body("detail", containsString("14 h a week is below the 20 h minimum"))
                .body("detail", containsString("level 2.1 fits"));
        post("clinician", PLANS, planBody(id, clinician, null, ",\"belowMinimumJustification\":\"Group consent pending\"")
                .replace("\"levelOfCare\":\"2.1\"", "\"levelOfCare\":\"2.5\""))
                .statusCode(422).body("errors[0].field", equalTo("modality"));
        assertThat(ReadModelProbe.count(ds, "select count(*) from care_plan where patient_id = ?", id)).isZero();
    }
}
