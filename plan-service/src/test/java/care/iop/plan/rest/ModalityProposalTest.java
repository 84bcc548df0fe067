package care.iop.plan.rest;

import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.planBody;
import static care.iop.plan.support.PlanFixtures.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

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

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({
            // comfort, preference, individual sessions, minutes, group hours
            "COMFORTABLE, NO_PREFERENCE, 1, 50, 8.5",
            "HESITANT, NO_PREFERENCE, 2, 50, 7.5",
            "UNCOMFORTABLE, NO_PREFERENCE, 3, 60, 6.0",
            "COMFORTABLE, INDIVIDUAL, 2, 50, 7.5",
            "HESITANT, GROUP, 1, 50, 8.5",
            "UNCOMFORTABLE, INDIVIDUAL, 3, 60, 6.0" })
    void proposesAMixPerGroupComfortAndPreference(String comfort, String preference, int sessions, int minutes, float group) {
        proposeFor(EventFixtures.patient(UUID.randomUUID()).groupComfort(comfort).preferredModality(preference), null)
                .statusCode(201)
                .body("modalityProposed", equalTo(true))
                .body("modality.individualSessionsPerWeek", equalTo(sessions))
                .body("modality.individualSessionMinutes", equalTo(minutes))
                .body("modality.groupHoursPerWeek", equalTo(group))
                .body("modality.familySessionsPerWeek", equalTo(0))
                .body("modalityRationale", containsString("group comfort " + comfort))
                .body("modalityRationale", containsString("9 h"));
    }

    @Test
    void uncomfortablePatientGetsIndividualHeavyMixWithGroupIntroducedGradually() {
        proposeFor(EventFixtures.patient(UUID.randomUUID()).groupComfort("UNCOMFORTABLE"), null)
                .statusCode(201)
                .body("modalityRationale", containsString("individual-heavy"))
                .body("modalityRationale", containsString("gradually"));
    }

    @Test
    void adolescentGetsAFamilySessionAndTheSixHourTarget() {
        proposeFor(EventFixtures.patient(UUID.randomUUID()).track("ADOLESCENT").groupComfort("COMFORTABLE"), null)
                .statusCode(201)
                .body("modality.familySessionsPerWeek", equalTo(1))
                .body("modality.individualSessionsPerWeek", equalTo(1))
                .body("modality.groupHoursPerWeek", equalTo(4.5f))
                .body("modalityRationale", containsString("family"));
    }

    @Test
    void unknownComfortIsTreatedAsHesitant() {
        proposeFor(EventFixtures.patient(UUID.randomUUID()).groupComfort(null).preferredModality(null), null)
                .statusCode(201)
                .body("modality.individualSessionsPerWeek", equalTo(2))
                .body("modalityRationale", containsString("not recorded"));
    }

    @Test
    void withoutGroupConsentTheProposalIsIndividualOnlyAndNeedsAJustification() {
        UUID id = fixtures.register(EventFixtures.patient(UUID.randomUUID()).withoutConsents().build()).patientId();
        UUID clinician = fixtures.clinician();
        post("clinician", PLANS, planBody(id, clinician, null, null))
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("belowMinimumJustification"));
        post("clinician", PLANS, planBody(id, clinician, null, ",\"belowMinimumJustification\":\"Consent pending\""))
                .statusCode(201)
                .body("modality.groupHoursPerWeek", equalTo(0.0f))
                .body("modality.individualSessionsPerWeek", equalTo(5))
                .body("modalityRationale", containsString("GROUP_PARTICIPATION"));
    }
}
