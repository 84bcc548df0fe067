package care.iop.session.notes;

import static care.iop.session.Fixtures.auth;
import static care.iop.session.notes.NoteFixtures.bearer;
import static care.iop.session.notes.NoteFixtures.createNote;
import static care.iop.session.notes.NoteFixtures.memberNote;
import static care.iop.session.notes.NoteFixtures.sign;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.session.Fixtures;
import care.iop.session.notes.service.NoteClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * session-service's worklist face (care.iop.session.worklist; here for the notes' fixtures): the clinician's sessions, the
 * notes to write, sign and co-sign with their due times (72 h after the end: overdue after, not at), for whom.
 */
@QuarkusTest
class SessionWorklistTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "iop.privacy.fingerprint-key")
    String key;

    NoteFixtures nf;

    @BeforeEach
    void setUp() {
        nf = new NoteFixtures(new Fixtures(bootstrap, ds), key, bootstrap);
    }

    private static void clockAt(OffsetDateTime at) {
        QuarkusMock.installMockForType(new OverdueNotesTest.FixedClock(at), NoteClock.class);
    }

    private static String path(UUID clinician) {
        return "/api/v1/worklists/clinicians/" + clinician + "/session-items";
    }

    private static JsonPath worklist(String token, UUID clinician) {
        return given().header("Authorization", token).when().get(path(clinician)).then().statusCode(200).extract().jsonPath();
    }

    /** The items about this session (its id, or a note of it). */
    private static List<Map<String, Object>> about(JsonPath answer, String session, List<String> notes) {
        return answer.<Map<String, Object>>getList("items").stream()
                .filter(i -> session.equals(i.get("resourceId")) || notes.contains(i.get("resourceId"))).toList();
    }

    private OffsetDateTime endOf(String session) {
        Object end = nf.fx.rows("select end_at from therapy_session where id = ?", UUID.fromString(session)).get(0).get("end_at");
        return end instanceof OffsetDateTime time ? time.withOffsetSameInstant(java.time.ZoneOffset.UTC)
                : ((java.sql.Timestamp) end).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    @Test
    void todaysSessionThenNotesToWriteAndSignDueSeventyTwoHoursAfterTheEnd() {
        UUID clinician = nf.clinician(true, "LCSW");
        UUID ann = nf.member("Ann", "Lee", "W-" + UUID.randomUUID());
        String session = nf.groupWithAttendance(clinician, Map.of(ann, "ATTENDED"));
        String token = bearer(clinician);

        List<Map<String, Object>> now = about(worklist(token, clinician), session, List.of());
        assertThat(now).singleElement().satisfies(i -> {
            assertThat(i).containsEntry("kind", "SESSION").containsEntry("overdue", false).containsEntry("resourceType", "Session");
            assertThat(i.get("action")).isEqualTo(Map.of("method", "GET", "href", "/api/v1/sessions/" + session));
        });

        OffsetDateTime end = endOf(session);
        OffsetDateTime due = end.plus(Duration.ofHours(72));
        clockAt(due);
        List<Map<String, Object>> atDeadline = about(worklist(token, clinician), session, List.of());
        assertThat(atDeadline).extracting(i -> i.get("kind")).containsOnly("NOTE_TO_WRITE").hasSize(2); // Ann's note, the narrative
        assertThat(atDeadline).allSatisfy(i -> {
            assertThat(i).containsEntry("overdue", false);
            assertThat(OffsetDateTime.parse((String) i.get("dueAt")).toInstant()).isEqualTo(due.toInstant());
            assertThat(i.get("action")).isEqualTo(Map.of("method", "POST", "href", "/api/v1/sessions/" + session + "/notes"));
        });
        assertThat(atDeadline).extracting(i -> i.get("patientId")).containsExactlyInAnyOrder(ann.toString(), null);

        clockAt(due.plusNanos(1000));
        JsonPath late = worklist(token, clinician);
        assertThat(about(late, session, List.of())).allSatisfy(i -> assertThat(i).containsEntry("overdue", true));
        assertThat(late.getBoolean("items[0].overdue")).isTrue(); // overdue first

        String note = createNote(token, session, memberNote(ann, "Shared a coping plan.")).statusCode(201).extract().path("id");
        List<Map<String, Object>> drafted = about(worklist(token, clinician), session, List.of(note));
        assertThat(drafted).filteredOn(i -> note.equals(i.get("resourceId"))).singleElement().satisfies(i -> {
            assertThat(i).containsEntry("kind", "NOTE_TO_SIGN").containsEntry("overdue", true).containsEntry("patientId", ann.toString());
            assertThat(i.get("action")).isEqualTo(Map.of("method", "POST", "href", "/api/v1/notes/" + note + "/signatures"));
        });
        assertThat(drafted).filteredOn(i -> "NOTE_TO_WRITE".equals(i.get("kind"))).singleElement()
                .satisfies(i -> assertThat(i.get("patientId")).isNull());

        // audited once per patient in the answer
        assertThat(nf.fx.count("select count(*) from audit_event where resource_type = 'Worklist' and resource_id = ? and patient_id = ?",
                clinician.toString(), ann)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aSupervisedClinicianSignedNoteIsToCoSignForALicensedClinicianOnly() {
        UUID intern = nf.clinician(true, "LPC-A");
        UUID licensed = nf.clinician(true, "LCSW");
        UUID ben = nf.member("Ben", "Ode", "W-" + UUID.randomUUID());
        String session = nf.groupWithAttendance(intern, Map.of(ben, "ATTENDED"));
        clockAt(endOf(session).plusHours(1));
        String note = createNote(bearer(intern), session, memberNote(ben, "Practised grounding.")).statusCode(201).extract().path("id");
        sign(bearer(intern), note).statusCode(200);

        assertThat(about(worklist(bearer(licensed), licensed), session, List.of(note))).singleElement().satisfies(i -> {
            assertThat(i).containsEntry("kind", "NOTE_TO_COSIGN").containsEntry("overdue", false);
            assertThat(i.get("action")).isEqualTo(Map.of("method", "POST", "href", "/api/v1/notes/" + note + "/signatures"));
        });
        // the intern's own list: the narrative to write, the signed note is no longer its to act on
        assertThat(about(worklist(bearer(intern), intern), session, List.of(note))).extracting(i -> i.get("kind"))
                .containsExactlyInAnyOrder("SESSION", "NOTE_TO_WRITE");
    }

    @Test
    void aClinicianReadsItsOwnAdminsAnyoneOthersNone() {
        UUID clinician = nf.clinician(true, "LCSW");
        worklist(bearer(clinician), clinician);
        worklist(auth("admin"), clinician);
        given().header("Authorization", bearer(UUID.randomUUID())).when().get(path(clinician)).then().statusCode(403)
                .contentType("application/problem+json");
        for (String role : List.of("scheduler", "integration", "patient")) {
            given().header("Authorization", auth(role)).when().get(path(clinician)).then().statusCode(403);
        }
        given().when().get(path(clinician)).then().statusCode(401);
    }
}
