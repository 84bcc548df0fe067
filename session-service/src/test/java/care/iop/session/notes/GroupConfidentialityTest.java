package care.iop.session.notes;

import static care.iop.session.Fixtures.auth;
import static care.iop.session.notes.NoteFixtures.NOTES;
import static care.iop.session.notes.NoteFixtures.bearer;
import static care.iop.session.notes.NoteFixtures.createNote;
import static care.iop.session.notes.NoteFixtures.dap;
import static care.iop.session.notes.NoteFixtures.memberNote;
import static care.iop.session.notes.NoteFixtures.narrative;
import static care.iop.session.notes.NoteFixtures.sign;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.session.Fixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * A member's note, the group's narrative and any addendum never name another member of the session: by name in any case,
 * spacing or accent, by identifier (the MRN) or by id. The problem names the field and the position, never the name.
 */
@QuarkusTest
class GroupConfidentialityTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "iop.privacy.fingerprint-key")
    String key;

    NoteFixtures nf;
    UUID clinician;
    UUID ana;
    UUID luis;
    UUID absent;
    String session;

    @BeforeEach
    void setUp() {
        nf = new NoteFixtures(new Fixtures(bootstrap, ds), key, bootstrap);
        clinician = nf.clinician(true, "LCSW");
        ana = nf.member("Ana", "Díaz", "MRN-4471");
        luis = nf.member("Luis", "Okafor", "MRN-9023");
        absent = nf.member("Maren", "Lindqvist", "MRN-1180");
        Map<UUID, String> attendance = new LinkedHashMap<>();
        attendance.put(ana, "ATTENDED");
        attendance.put(luis, "LATE");
        attendance.put(absent, "ABSENT");
        session = nf.groupWithAttendance(clinician, attendance);
    }

    private ValidatableResponse anasNote(String assessment) {
        return createNote(bearer(clinician), session, Map.of("patientId", ana.toString(), "dap", dap("Shared twice.", assessment, "Continue.")));
    }

    private static void refusedAt(ValidatableResponse response, String field, int offset, int length, String... names) {
        response.statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo(field))
                .body("errors[0].offset", equalTo(offset)).body("errors[0].length", equalTo(length))
                .body("detail", containsString("another member"));
        for (String name : names) {
            response.body(not(containsString(name)));
        }
    }

    @Test
    void anotherMembersNameIsRefusedInAnyCaseSpacingAndAccent() {
        refusedAt(anasNote("Supported Luis after his share."), "dap.assessment", 10, 4, "Luis");
        refusedAt(anasNote("Supported L U I S after his share."), "dap.assessment", 10, 7, "L U I S");
        refusedAt(anasNote("Sat next to OKAFOR."), "dap.assessment", 12, 6, "OKAFOR", "Okafor");
        refusedAt(anasNote("Gave feedback to l-u-i-s okafor"), "dap.assessment", 17, 7);
        // an absent member is a member too
        refusedAt(anasNote("Asked about Lindqvist."), "dap.assessment", 12, 9, "Lindqvist");
        assertThat(nf.notesOf(session)).isZero();
        // her own name is hers to use; a name inside another word is not a name
        anasNote("Ana said the luisa-style pastries (from Okaforville) helped.").statusCode(201);
    }

    @Test
    void anotherMembersIdentifierOrIdIsRefusedAndTheNarrativeNamesNoMemberAtAll() {
        refusedAt(anasNote("See chart MRN 9023 for the prior episode."), "dap.assessment", 10, 8, "9023");
        refusedAt(anasNote("Linked to " + luis), "dap.assessment", 10, 36);
        refusedAt(createNote(bearer(clinician), session, narrative("Welcomed Ana Diaz back.")), "dap.data", 9, 3, "Ana", "Diaz");
        refusedAt(createNote(bearer(clinician), session, narrative("Welcomed D\u00cdAZ back.")), "dap.data", 9, 4);
        assertThat(nf.notesOf(session)).isZero();
        createNote(bearer(clinician), session, narrative("Eight members; relapse prevention.")).statusCode(201);

        // the other field names are checked in their order: data first
        createNote(bearer(clinician), session, Map.of("patientId", luis.toString(),
                "dap", dap("With Ana", "Mentioned Diaz", "Plan"))).statusCode(422).body("errors[0].field", equalTo("dap.data"));
    }

    @Test
    void editsAddendaAndEnteredInErrorReasonsAreCheckedTooAndARefusalWritesNothing() {
        String id = anasNote("Engaged.").statusCode(201).extract().path("id");
        Map<String, Object> edit = memberNote(ana, "Talked with Luis");
        edit.remove("patientId");
        given().header("Authorization", bearer(clinician)).header("If-Match", "\"0\"").contentType("application/json")
                .body(Fixtures.json(edit)).when().put(NOTES + id).then().statusCode(422).body("errors[0].field", equalTo("dap.data")).body("errors[0].offset", equalTo(12));
        given().header("Authorization", auth("clinician")).when().get(NOTES + id).then().body("version", equalTo(0))
                .body("dap.assessment", equalTo("Engaged."));
        sign(bearer(clinician), id).statusCode(200);
        refusedAt(given().header("Authorization", bearer(clinician)).contentType("application/json")
                .body(Fixtures.json(Map.of("text", "Correction: it was Okafor who left."))).when().post(NOTES + id + "/addenda").then(),
                "text", 19, 6, "Okafor");
        refusedAt(given().header("Authorization", bearer(clinician)).contentType("application/json")
                .body(Fixtures.json(Map.of("reason", "Belongs to Luis"))).when().post(NOTES + id + "/entered-in-error").then(),
                "reason", 11, 4, "Luis");
        assertThat(nf.fx.count("select count(*) from progress_note_addendum where note_id = ?", UUID.fromString(id))).isZero();
        given().header("Authorization", auth("clinician")).when().get(NOTES + id).then().body("status", equalTo("LOCKED"));

        // the last real change: once its event is on the topic, the refusals before it published nothing
        given().header("Authorization", bearer(clinician)).contentType("application/json")
                .body(Fixtures.json(Map.of("text", "Correction: left at 11:30."))).when().post(NOTES + id + "/addenda").then().statusCode(201);
        await().atMost(Fixtures.EVENTS).until(() -> nf.noteEvents(session).size() >= 3);
        assertThat(nf.noteEvents(session)).hasSize(3);
    }

    @Test
    void anAttendanceNoteNamingAnotherMemberIsRefusedWithItsPositionAsBefore() {
        List<Map<String, Object>> attendees = List.of(
                Map.of("patientId", ana.toString(), "status", "ATTENDED", "minutesAttended", 60, "note", "Paired with Luis."),
                Map.of("patientId", luis.toString(), "status", "LATE", "minutesAttended", 40));
        refusedAt(given().header("Authorization", auth("clinician")).contentType("application/json")
                .body(Fixtures.json(Map.of("attendees", attendees))).when().put("/api/v1/sessions/" + session + "/attendance").then(),
                "attendees[0].note", 12, 4, "Luis");
        refusedAt(given().header("Authorization", auth("clinician")).contentType("application/json")
                .body(Fixtures.json(Map.of("groupNote", "Ana led the check-in", "attendees", attendees.subList(1, 2))))
                .when().put("/api/v1/sessions/" + session + "/attendance").then(), "groupNote", 0, 3, "Ana");
    }
}
