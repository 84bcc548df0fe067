package care.iop.plan.episode;

import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.modality;
import static care.iop.plan.support.PlanFixtures.planBody;
import static care.iop.plan.support.PlanFixtures.post;
import static care.iop.plan.support.ReadModelProbe.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.events.EventTypes;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The hour rules of a level of care in both directions, at their boundaries, on create and switch: the minimum (9 h adult,
 * 6 h adolescent at 2.1; 20 h at 2.5), the 19 h ceiling of 2.1, adolescent by the date of birth on the plan's start with
 * the track as a cross-check. A refusal writes no plan, no episode and no event.
 */
@QuarkusTest
class HourRulesTest {
    /** PlanFixtures.START: every plan here starts on 2026-11-30. */
    static final LocalDate START = LocalDate.parse(PlanFixtures.START);

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
    }

    private UUID patient(EventFixtures.PatientBuilder builder) {
        return fixtures.register(builder.build()).patientId();
    }

    private ValidatableResponse create(UUID patient, UUID clinician, String level, String modalityJson) {
        return post("clinician", PLANS, planBody(patient, clinician, modalityJson, null).replace("\"levelOfCare\":\"2.1\"",
                "\"levelOfCare\":\"" + level + "\""));
    }

    /** Nothing of the patient was written: no plan, no episode, no event. */
    private void nothingWritten(UUID patient) {
        assertThat(count(ds, "select count(*) from care_plan where patient_id = ?", patient)).isZero();
        assertThat(count(ds, "select count(*) from episode_of_care where patient_id = ?", patient)).isZero();
        assertThat(EpisodeFixtures.events(ds, bootstrap, patient, EventTypes.PLAN_CREATED)).isZero();
        assertThat(EpisodeFixtures.events(ds, bootstrap, patient, EventTypes.EPISODE_OPENED)).isZero();
    }

    @Test
    void theAdultMinimumAtTwoOneIsNineHours() {
        UUID clinician = fixtures.clinician();
        UUID below = patient(EventFixtures.patient(UUID.randomUUID()));
        create(below, clinician, "2.1", modality(0, 0, 8.99, 0)).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("modality"))
                .body("detail", containsString("8.99 h a week is below the 9 h minimum of level 2.1"))
                .body("detail", containsString("level 1 fits"));
        nothingWritten(below);
        UUID exactly = patient(EventFixtures.patient(UUID.randomUUID()));
        create(exactly, clinician, "2.1", modality(0, 0, 9, 0)).statusCode(201).body("minimumWeeklyHours", equalTo(9.0f));
    }

    @Test
    void theCeilingOfTwoOneIsNineteenHoursAndTheProblemNamesTheLevelThatFits() {
        UUID clinician = fixtures.clinician();
        UUID above = patient(EventFixtures.patient(UUID.randomUUID()));
        create(above, clinician, "2.1", modality(1, 60, 18.01, 0)).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("modality"))
                .body("detail", equalTo("19.01 h a week is above the 19 h ceiling of level 2.1: level 2.5 fits"));
        create(above, clinician, "2.1", modality(1, 60, 18.5, 0)).statusCode(422)
                .body("detail", equalTo("19.5 h a week is above the 19 h ceiling of level 2.1: level 2.5 fits"));
        nothingWritten(above);
        UUID exactly = patient(EventFixtures.patient(UUID.randomUUID()));
        String plan = create(exactly, clinician, "2.1", modality(1, 60, 18, 0)).statusCode(201).extract().path("id");
        // a switch above the ceiling is refused the same way, and changes nothing
        post("clinician", PLANS + "/" + plan + "/modality-changes", "{\"modality\":" + modality(1, 60, 18.01, 0)
                + ",\"reason\":\"more group\",\"effectiveFrom\":\"2026-12-07\"}")
                .statusCode(422).body("errors[0].field", equalTo("modality")).body("detail", containsString("level 2.5 fits"));
        assertThat(count(ds, "select count(*) from plan_modality_change where plan_id = ?", UUID.fromString(plan))).isZero();
        // level 2.5 has a minimum (20 h) and no ceiling
        UUID partial = patient(EventFixtures.patient(UUID.randomUUID()).levelOfCare("2.5"));
        create(partial, clinician, "2.5", modality(1, 60, 18.99, 0)).statusCode(422).body("errors[0].field", equalTo("modality"))
                .body("detail", containsString("19.99 h a week is below the 20 h minimum of level 2.5"))
                .body("detail", containsString(": level 2.1 fits at 19 h or less"));
        create(partial, clinician, "2.5", modality(1, 60, 17, 0)).statusCode(422).body("detail", containsString(": level 2.1 fits"));
        create(partial, clinician, "2.5", modality(2, 60, 28, 0)).statusCode(201).body("minimumWeeklyHours", equalTo(20.0f));
    }

    @Test
    void anAdolescentByDateOfBirthOnThePlansStartHasTheSixHourMinimum() {
        UUID clinician = fixtures.clinician();
        // the day before the 18th birthday: adolescent (6 h is enough)
        UUID seventeen = patient(EventFixtures.patient(UUID.randomUUID()).track("ADOLESCENT").birthDate(START.minusYears(18).plusDays(1)));
        create(seventeen, clinician, "2.1", modality(1, 60, 5, 0)).statusCode(201).body("minimumWeeklyHours", equalTo(6.0f));
        create(seventeen, clinician, "2.1", modality(1, 60, 4.99, 0)).statusCode(422).body("errors[0].field", equalTo("modality"))
                .body("detail", containsString("below the 6 h minimum"));
        // on the 18th birthday an adult (9 h): with an adult track 6 h is refused, 9 h accepted
        UUID eighteen = patient(EventFixtures.patient(UUID.randomUUID()).track("ADULT_MH").birthDate(START.minusYears(18)));
        create(eighteen, clinician, "2.1", modality(1, 60, 5, 0)).statusCode(422).body("errors[0].field", equalTo("modality"))
                .body("detail", containsString("below the 9 h minimum"));
        create(eighteen, clinician, "2.1", modality(1, 60, 8, 0)).statusCode(201).body("minimumWeeklyHours", equalTo(9.0f));
    }

    @Test
    void aTrackThatDisagreesWithTheDateOfBirthIsRefusedNamingThePatient() {
        UUID clinician = fixtures.clinician();
        UUID adolescentTrackButEighteen = patient(EventFixtures.patient(UUID.randomUUID()).track("ADOLESCENT").birthDate(START.minusYears(18)));
        create(adolescentTrackButEighteen, clinician, "2.1", modality(1, 60, 8, 0)).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("patientId"))
                .body("detail", containsString("18 or older on the plan's start 2026-11-30"))
                .body("detail", containsString("ADOLESCENT track"));
        nothingWritten(adolescentTrackButEighteen);
        UUID adultTrackButSeventeen = patient(EventFixtures.patient(UUID.randomUUID()).track("ADULT_SUD")
                .birthDate(START.minusYears(18).plusDays(1)));
        create(adultTrackButSeventeen, clinician, "2.1", modality(1, 60, 8, 0)).statusCode(422)
                .body("errors[0].field", equalTo("patientId")).body("detail", containsString("under 18"));
        nothingWritten(adultTrackButSeventeen);
        // without a date of birth the track decides (events written before issue 20)
        UUID unknownBirth = patient(EventFixtures.patient(UUID.randomUUID()).track("ADOLESCENT"));
        create(unknownBirth, clinician, "2.1", modality(1, 60, 5, 0)).statusCode(201).body("minimumWeeklyHours", equalTo(6.0f));
    }
}
