package care.iop.session.notes;

import static care.iop.session.Fixtures.book;
import static care.iop.session.Fixtures.createSession;
import static care.iop.session.Fixtures.group;
import static care.iop.session.Fixtures.startedAnHourAgo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import care.iop.events.ClinicianState;
import care.iop.events.EventTypes;
import care.iop.events.PatientState;
import care.iop.events.Topics;
import care.iop.platform.privacy.NameFingerprints;
import care.iop.session.Fixtures;
import care.iop.testing.TestTokens;
import care.iop.testing.TopicReader;
import io.restassured.response.ValidatableResponse;

/** Test data of progress notes: clinicians with credentials, patients with names (as fingerprints), a group that took place. */
final class NoteFixtures {
    static final String NOTES = "/api/v1/notes/";

    final Fixtures fx;
    final NameFingerprints fingerprints;
    final String bootstrap;

    NoteFixtures(Fixtures fx, String fingerprintKey, String bootstrap) {
        this.fx = fx;
        this.fingerprints = new NameFingerprints(fingerprintKey);
        this.bootstrap = bootstrap;
    }

    /** A clinician (leads groups) with these credentials, active or not; waits until the read model has it. */
    UUID clinician(boolean active, String... credentials) {
        UUID id = UUID.randomUUID();
        long version = Fixtures.nextVersion();
        fx.send(Topics.PARTICIPANTS, id.toString(), EventTypes.CLINICIAN_REGISTERED,
                new ClinicianState(id, "1234567893", "Dr Test", true, active, version, List.of(credentials)));
        await().atMost(Fixtures.EVENTS).until(() -> fx.count("select count(*) from known_clinician where clinician_id = ? and version = ?",
                id, version) == 1);
        return id;
    }

    /** An eligible group patient whose latest event carries the fingerprints of these names and identifiers. */
    UUID member(String givenName, String familyName, String mrn) {
        UUID id = fx.eligibleGroupPatient();
        long version = Fixtures.nextVersion();
        PatientState plain = Fixtures.patientState(id, "ACTIVE", "ADULT_SUD", List.of(Fixtures.groupConsent(null)), version);
        PatientState named = new PatientState(id, plain.status(), plain.track(), plain.levelOfCare(), plain.groupComfort(),
                plain.preferredModality(), plain.activeConsents(), null, version, null, LocalDate.of(1990, 4, 2), LocalDate.now(), null,
                fingerprints.fingerprints(List.of(givenName, familyName, mrn)));
        fx.send(Topics.PARTICIPANTS, id.toString(), EventTypes.PATIENT_UPDATED, named);
        await().atMost(Fixtures.EVENTS).until(() -> fx.count("select count(*) from known_patient where patient_id = ? and version = ?",
                id, version) == 1);
        return id;
    }

    /** A group led by {@code clinician} that started an hour ago (90 minutes), each member booked, attendance recorded as given. */
    String groupWithAttendance(UUID clinician, Map<UUID, String> attendance) {
        String session = createSession(group(clinician, startedAnHourAgo(), 90, null));
        attendance.keySet().forEach(p -> book(session, p).statusCode(201));
        List<Map<String, Object>> attendees = new ArrayList<>();
        attendance.forEach((patient, status) -> attendees.add(Map.of("patientId", patient.toString(), "status", status,
                "minutesAttended", status.equals("ABSENT") || status.equals("NO_SHOW") ? 0 : 60)));
        given().header("Authorization", Fixtures.auth("clinician")).contentType("application/json")
                .body(Fixtures.json(Map.of("attendees", attendees))).when().put("/api/v1/sessions/" + session + "/attendance")
                .then().statusCode(200);
        return session;
    }

    static Map<String, Object> dap(String data, String assessment, String plan) {
        return Map.of("data", data, "assessment", assessment, "plan", plan);
    }

    static Map<String, Object> memberNote(UUID patient, String data) {
        Map<String, Object> body = new HashMap<>();
        body.put("patientId", patient.toString());
        body.put("dap", dap(data, "Engaged and hopeful.", "Continue group 3x/week."));
        body.put("objectiveIds", List.of("obj-1.2"));
        return body;
    }

    static Map<String, Object> narrative(String data) {
        return Map.of("kind", "GROUP_NARRATIVE", "dap", dap(data, "Cohesive group.", "Next: trigger mapping."));
    }

    static String bearer(UUID clinicianId) {
        return "Bearer " + TestTokens.clinician(clinicianId);
    }

    static ValidatableResponse createNote(String token, String session, Object body) {
        return given().header("Authorization", token).contentType("application/json").body(Fixtures.json(body))
                .when().post("/api/v1/sessions/" + session + "/notes").then();
    }

    static ValidatableResponse sign(String token, String noteId) {
        return given().header("Authorization", token).contentType("application/json").when().post(NOTES + noteId + "/signatures").then();
    }

    static io.restassured.response.Response get(String token, String noteId) {
        return given().header("Authorization", token).when().get(NOTES + noteId);
    }

    long notesOf(String session) {
        return fx.count("select count(*) from progress_note where session_id = ?", UUID.fromString(session));
    }

    /** The progress-note events of a session on iop.sessions, in order (ce_type, payload). */
    List<ConsumerRecord<String, String>> noteEvents(String session) {
        return new TopicReader(bootstrap).readByKey(Topics.SESSIONS, session).stream()
                .filter(r -> TopicReader.header(r, "ce_type").contains("progress-note")).toList();
    }

    static OffsetDateTime parse(String time) {
        return OffsetDateTime.parse(time);
    }
}
