package care.iop.plan.outcomes;

import static care.iop.plan.outcomes.OutcomeFixtures.CLINICIAN;
import static care.iop.plan.outcomes.OutcomeFixtures.body;
import static care.iop.plan.outcomes.OutcomeFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import care.iop.plan.support.ReadModelProbe;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Wrong answer counts and values answer 400 naming the field; nothing is stored and no flag is raised. */
@QuarkusTest
class AssessmentValidationTest {
    private static final OffsetDateTime TAKEN = OffsetDateTime.parse("2026-03-02T10:00:00-05:00");

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    UUID patient;

    @BeforeEach
    void patient() {
        patient = OutcomeFixtures.knownPatient(bootstrap, ds);
    }

    @ParameterizedTest(name = "{0} with {1} answers")
    @CsvSource({ "PHQ9, 8", "PHQ9, 10", "PHQ9, 0", "GAD7, 6", "GAD7, 9", "AUDIT, 9", "AUDIT, 11", "DAST10, 9", "DAST10, 11" })
    void wrongNumberOfAnswersNamesAnswers(String instrument, int count) {
        List<Integer> answers = java.util.Collections.nCopies(count, 0);
        post(CLINICIAN, body(patient, instrument, answers, TAKEN)).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("answers"))
                .body("detail", containsString("exactly"));
        assertNothingStored();
    }

    @ParameterizedTest(name = "{0} item {1} = {2}")
    @CsvSource({
            "PHQ9, 3, 4", "PHQ9, 0, -1", "PHQ9, 8, 7", "GAD7, 6, 4", "GAD7, 2, -2",
            "AUDIT, 0, 5", "AUDIT, 7, -1", "AUDIT, 8, 1", "AUDIT, 9, 3", "AUDIT, 9, 5",
            "DAST10, 3, 2", "DAST10, 9, -1" })
    void answerOutOfRangeNamesTheItem(String instrument, int index, int value) {
        int items = switch (instrument) {
            case "PHQ9" -> 9;
            case "GAD7" -> 7;
            default -> 10;
        };
        List<Integer> answers = new java.util.ArrayList<>(java.util.Collections.nCopies(items, 0));
        answers.set(index, value);
        post(CLINICIAN, body(patient, instrument, answers, TAKEN)).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("answers[" + index + "]"));
        assertNothingStored();
    }

    @Test
    void auditItemsNineAndTenAcceptZeroTwoFour() {
        for (int value : new int[] { 0, 2, 4 }) {
            List<Integer> answers = List.of(0, 0, 0, 0, 0, 0, 0, 0, value, value);
            post(CLINICIAN, body(patient, "AUDIT", answers, TAKEN)).statusCode(201).body("total", equalTo(2 * value));
        }
    }

    @Test
    void nullAnswerNamesTheItem() {
        String json = "{\"patientId\":\"" + patient + "\",\"instrument\":\"GAD7\",\"answers\":[0,1,null,0,0,0,0],\"takenAt\":\"" + TAKEN + "\"}";
        post(CLINICIAN, json).statusCode(400).body("errors.field", contains("answers[2]"));
        assertNothingStored();
    }

    @Test
    void nonNumericAnswerNamesTheItem() {
        String json = "{\"patientId\":\"" + patient + "\",\"instrument\":\"GAD7\",\"answers\":[0,1,2,\"often\",0,0,0],\"takenAt\":\"" + TAKEN + "\"}";
        post(CLINICIAN, json).statusCode(400).body("errors.field", contains("answers[3]"));
        assertNothingStored();
    }

    @Test
    void unknownInstrumentNamesInstrument() {
        post(CLINICIAN, body(patient, "BDI2", List.of(0, 0, 0), TAKEN)).statusCode(400)
                .body("errors.field", contains("instrument"))
                .body("errors.message[0]", containsString("PHQ9"));
        assertNothingStored();
    }

    @Test
    void missingFieldsAreNamed() {
        post(CLINICIAN, "{\"instrument\":\"PHQ9\",\"answers\":[0,0,0,0,0,0,0,0,0]}").statusCode(400)
                .body("errors.field", contains("patientId", "takenAt"));
        post(CLINICIAN, "{\"patientId\":\"" + patient + "\",\"instrument\":\"PHQ9\",\"takenAt\":\"" + TAKEN + "\"}").statusCode(400)
                .body("errors.field", contains("answers"));
        assertNothingStored();
    }

    @Test
    void takenAtInTheFutureIsRejected() {
        post(CLINICIAN, body(patient, "PHQ9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 1), OffsetDateTime.now().plusDays(1))).statusCode(400)
                .body("errors.field", contains("takenAt"));
        assertNothingStored();
    }

    @Test
    void unknownPatientIsAReadModelBehindNotARuleViolation() {
        // no participant event ever introduces the patient: waited for, then 503 read-model-behind (retry), no row, no flag
        UUID stranger = UUID.randomUUID();
        post(CLINICIAN, body(stranger, "PHQ9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 1), TAKEN)).statusCode(503)
                .contentType("application/problem+json").header("Retry-After", "1")
                .body("type", org.hamcrest.Matchers.endsWith("/read-model-behind"))
                .body("errors.field", contains("patientId"));
        assertThat(ReadModelProbe.count(ds, "select count(*) from assessment where patient_id = ?", stranger)).isZero();
        assertThat(ReadModelProbe.count(ds, "select count(*) from outbox where aggregate_id = ?", stranger.toString())).isZero();
    }

    private void assertNothingStored() {
        assertThat(ReadModelProbe.count(ds, "select count(*) from assessment where patient_id = ?", patient)).isZero();
        assertThat(ReadModelProbe.count(ds, "select count(*) from safety_flag where patient_id = ?", patient)).isZero();
        assertThat(ReadModelProbe.count(ds, "select count(*) from outbox where aggregate_id = ?", patient.toString())).isZero();
    }
}
