package care.iop.plan.outcomes;

import static io.restassured.RestAssured.given;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import care.iop.events.PatientState;
import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.ReadModelProbe;
import care.iop.testing.TestTokens;
import io.restassured.response.ValidatableResponse;

/** Test data for the outcomes (and comparison) tests: known patients (through real participant events) and assessments. */
public final class OutcomeFixtures {
    public static final String CLINICIAN = TestTokens.bearer("clinician");

    private OutcomeFixtures() {
    }

    /** A new ACTIVE patient on {@code track}, published on iop.participants and awaited in known_patient. */
    public static UUID knownPatient(String bootstrap, DataSource ds, String track) {
        UUID id = UUID.randomUUID();
        PatientState patient = EventFixtures.patient(id).track(track).build();
        EventFixtures.on(bootstrap).patientRegistered(patient);
        ReadModelProbe.awaitPatient(ds, id, patient.version());
        return id;
    }

    public static UUID knownPatient(String bootstrap, DataSource ds) {
        return knownPatient(bootstrap, ds, "ADULT_MH");
    }

    /**
     * Answers of {@code instrument} adding up to {@code total}, filling items in order with their highest
     * allowed value; PHQ-9 item 9 stays 0 unless the total needs it.
     */
    public static List<Integer> answersWithTotal(Instrument instrument, int total) {
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < instrument.items(); i++) {
            answers.add(0);
        }
        int left = total;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < instrument.items(); i++) {
            if (!(instrument == Instrument.PHQ9 && i == 8)) {
                order.add(i);
            }
        }
        if (instrument == Instrument.PHQ9) {
            order.add(8);
        }
        for (int i : order) {
            int best = 0;
            for (int v : instrument.allowedValues(i)) {
                if (v <= left && v > best) {
                    best = v;
                }
            }
            answers.set(i, best);
            left -= best;
        }
        if (left != 0) {
            throw new IllegalArgumentException(instrument + " cannot reach " + total);
        }
        // the values above are item scores; the answers that give them (DAST-10 item 3 is reverse-scored)
        for (int i = 0; i < answers.size(); i++) {
            answers.set(i, instrument.itemScore(i, answers.get(i)));
        }
        return answers;
    }

    public static String body(UUID patientId, String instrument, List<Integer> answers, OffsetDateTime takenAt) {
        return "{\"patientId\":\"" + patientId + "\",\"instrument\":\"" + instrument + "\",\"answers\":["
                + answers.stream().map(String::valueOf).collect(Collectors.joining(",")) + "],\"takenAt\":\"" + takenAt + "\"}";
    }

    public static ValidatableResponse post(String token, String body) {
        return given().header("Authorization", token).contentType("application/json").body(body)
                .when().post("/api/v1/assessments").then();
    }

    /** Records an assessment as a clinician; returns its id. */
    public static String record(UUID patientId, Instrument instrument, List<Integer> answers, OffsetDateTime takenAt) {
        return post(CLINICIAN, body(patientId, instrument.name(), answers, takenAt)).statusCode(201).extract().path("id");
    }
}
