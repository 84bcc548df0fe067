package care.iop.session.notes;

import static care.iop.session.Fixtures.auth;
import static care.iop.session.notes.NoteFixtures.NOTES;
import static care.iop.session.notes.NoteFixtures.bearer;
import static care.iop.session.notes.NoteFixtures.createNote;
import static care.iop.session.notes.NoteFixtures.dap;
import static care.iop.session.notes.NoteFixtures.get;
import static care.iop.session.notes.NoteFixtures.memberNote;
import static care.iop.session.notes.NoteFixtures.narrative;
import static care.iop.session.notes.NoteFixtures.sign;
import static care.iop.testing.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.events.EventTypes;
import care.iop.session.Fixtures;
import care.iop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Drafting and editing progress notes: who gets one, in which format, once; a draft edited by its author only. */
@QuarkusTest
class ProgressNoteTest {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private Map<UUID, String> attendance(Object... patientAndStatus) {
        Map<UUID, String> attendance = new LinkedHashMap<>();
        for (int i = 0; i < patientAndStatus.length; i += 2) {
            attendance.put((UUID) patientAndStatus[i], (String) patientAndStatus[i + 1]);
        }
        return attendance;
    }

    @Test
    void eachAttendingMemberGetsOneNoteAndTheGroupOneNarrativeButAnAbsentMemberNone() throws Exception {
        UUID clinician = nf.clinician(true, "LCSW");
        UUID present = nf.fx.eligibleGroupPatient();
        UUID late = nf.fx.eligibleGroupPatient();
        UUID leftEarly = nf.fx.eligibleGroupPatient();
        UUID absent = nf.fx.eligibleGroupPatient();
        String session = nf.groupWithAttendance(clinician, attendance(present, "ATTENDED", late, "LATE", leftEarly, "LEFT_EARLY", absent, "ABSENT"));
        String author = bearer(clinician);

        createNote(author, session, memberNote(absent, "Did not come.")).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("patientId")).body("detail", containsString(absent.toString()))
                .body("detail", containsString("ABSENT"));
        createNote(author, session, memberNote(UUID.randomUUID(), "Not booked.")).statusCode(422).body("errors[0].field", equalTo("patientId"));
        assertThat(nf.notesOf(session)).isZero();

        Response created = given().header("Authorization", author).contentType("application/json")
                .body(Fixtures.json(memberNote(present, "Shared twice."))).post("/api/v1/sessions/" + session + "/notes");
        created.then().statusCode(201).header("ETag", "\"0\"").header("Location", containsString(NOTES + created.path("id")))
                .body("status", equalTo("DRAFT")).body("kind", equalTo("PATIENT")).body("format", equalTo("DAP"))
                .body("sessionType", equalTo("GROUP")).body("dap.data", equalTo("Shared twice.")).body("birp", nullValue())
                .body("objectiveIds", equalTo(List.of("obj-1.2"))).body("author", equalTo("test-clinician-" + clinician))
                .body("authorClinicianId", equalTo(clinician.toString())).body("signature", nullValue());
        createNote(author, session, memberNote(late, "Arrived after the break.")).statusCode(201);
        createNote(auth("admin"), session, memberNote(leftEarly, "Left at 11.")).statusCode(201).body("author", equalTo("test-admin"));
        String narrative = createNote(author, session, narrative("Relapse prevention; 3 present.")).statusCode(201)
                .body("kind", equalTo("GROUP_NARRATIVE")).body("patientId", nullValue()).extract().path("id");

        // one note per patient per session, one narrative: the second names the first
        createNote(author, session, memberNote(present, "Again.")).statusCode(409)
                .body("conflictsWith", equalTo(NOTES + created.path("id")));
        createNote(author, session, narrative("Again.")).statusCode(409).body("conflictsWith", equalTo(NOTES + narrative));
        assertThat(nf.notesOf(session)).isEqualTo(4);

        given().header("Authorization", auth("clinician")).when().get("/api/v1/sessions/" + session + "/notes").then().statusCode(200)
                .body("", hasSize(4)).body("[0].kind", equalTo("GROUP_NARRATIVE"));
        assertThat(nf.fx.count("select count(*) from audit_event where resource_type = 'ProgressNote' and action = 'READ' and resource_id = ?",
                session)).isEqualTo(3);

        await().atMost(Fixtures.EVENTS).until(() -> nf.noteEvents(session).size() >= 4);
        List<ConsumerRecord<String, String>> events = nf.noteEvents(session);
        assertThat(events).hasSize(4).allSatisfy(e -> {
            assertThat(header(e, "ce_type")).isEqualTo(EventTypes.PROGRESS_NOTE_DRAFTED);
            assertThat(e.value()).doesNotContain("Shared twice").doesNotContain("Engaged and hopeful").doesNotContain("Relapse prevention")
                    .doesNotContain("Continue group");
        });
        JsonNode first = JSON.readTree(events.get(0).value());
        assertThat(first.get("noteId").asText()).isEqualTo(created.path("id").toString());
        assertThat(first.get("patientId").asText()).isEqualTo(present.toString());
        assertThat(first.get("status").asText()).isEqualTo("DRAFT");
        assertThat(first.get("part2").asBoolean()).isTrue();
        assertThat(first.get("clinicianId").asText()).isEqualTo(clinician.toString());
        assertThat(first.get("objectiveIds").get(0).asText()).isEqualTo("obj-1.2");
    }

    @Test
    void theProgramsFormatIsRequiredAndEachFieldIsValidated() {
        UUID clinician = nf.clinician(true, "LCSW");
        UUID member = nf.fx.eligibleGroupPatient();
        String session = nf.groupWithAttendance(clinician, Map.of(member, "ATTENDED"));
        String author = bearer(clinician);
        Map<String, Object> birp = Map.of("patientId", member.toString(), "birp", Map.of("behaviour", "b", "intervention", "i",
                "response", "r", "plan", "p"));
        createNote(author, session, birp).statusCode(400).body("errors[0].field", equalTo("birp"));
        createNote(author, session, Map.of("patientId", member.toString())).statusCode(400).body("errors[0].field", equalTo("dap"));
        createNote(author, session, Map.of("patientId", member.toString(), "dap", dap("d", " ", "p"))).statusCode(400)
                .body("errors[0].field", equalTo("dap.assessment"));
        createNote(author, session, Map.of("patientId", member.toString(), "dap", dap("d", "a", "p".repeat(8001)))).statusCode(400)
                .body("errors[0].field", equalTo("dap.plan"));
        Map<String, Object> badObjective = memberNote(member, "ok");
        badObjective.put("objectiveIds", List.of("obj-1", "has space"));
        createNote(author, session, badObjective).statusCode(400).body("errors[0].field", equalTo("objectiveIds[1]"));
        Map<String, Object> tooMany = memberNote(member, "ok");
        tooMany.put("objectiveIds", java.util.stream.IntStream.range(0, 21).mapToObj(i -> "o" + i).toList());
        createNote(author, session, tooMany).statusCode(400).body("errors[0].field", equalTo("objectiveIds"));
        createNote(author, session, Map.of("dap", dap("d", "a", "p"))).statusCode(400).body("errors[0].field", equalTo("patientId"));
        Map<String, Object> narrativeWithPatient = new java.util.HashMap<>(narrative("n"));
        narrativeWithPatient.put("patientId", member.toString());
        createNote(author, session, narrativeWithPatient).statusCode(400).body("errors[0].field", equalTo("patientId"));
        assertThat(nf.notesOf(session)).isZero();

        Map<String, Object> twenty = memberNote(member, "ok");
        twenty.put("objectiveIds", java.util.stream.IntStream.range(0, 20).mapToObj(i -> "goal-" + i + ".a_B").toList());
        createNote(author, session, twenty).statusCode(201).body("objectiveIds", hasSize(20));
    }

    @Test
    void individualAndFamilySessionsHaveOneNoteOfTheirPatientAndNoNarrative() {
        UUID clinician = nf.clinician(true, "LCSW");
        UUID patient = nf.fx.eligiblePatient(Fixtures.MIXED);
        String session = Fixtures.createSession(Fixtures.individual("FAMILY", clinician, patient, Fixtures.startedAnHourAgo(), 50));
        String author = bearer(clinician);
        createNote(author, session, memberNote(patient, "Too early.")).statusCode(422).body("errors[0].field", equalTo("patientId"))
                .body("detail", containsString("attendance"));
        given().header("Authorization", auth("clinician")).contentType("application/json")
                .body(Fixtures.json(Map.of("attendees", List.of(Map.of("patientId", patient.toString(), "status", "EXCUSED", "minutesAttended", 50)))))
                .when().put("/api/v1/sessions/" + session + "/attendance").then().statusCode(200);
        createNote(author, session, narrative("No narrative here.")).statusCode(422).body("errors[0].field", equalTo("kind"));
        createNote(author, session, memberNote(UUID.randomUUID(), "Someone else.")).statusCode(422).body("errors[0].field", equalTo("patientId"));
        // a family session held without the (excused) patient still documents it
        createNote(author, session, memberNote(patient, "Met the parents; the patient was excused.")).statusCode(201)
                .body("sessionType", equalTo("FAMILY"));
    }

    @Test
    void aDraftIsEditedByItsAuthorWithIfMatchAndASignedNoteIsNot() throws Exception {
        UUID clinician = nf.clinician(true, "LCSW");
        UUID member = nf.fx.eligibleGroupPatient();
        String session = nf.groupWithAttendance(clinician, Map.of(member, "ATTENDED"));
        String author = bearer(clinician);
        String id = createNote(author, session, memberNote(member, "First take.")).statusCode(201).extract().path("id");
        Response read = get(author, id);
        read.then().statusCode(200).header("ETag", "\"0\"");
        com.fasterxml.jackson.databind.node.ObjectNode body = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(read.asString());
        ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("dap")).put("data", "Second take.");

        given().header("Authorization", author).contentType("application/json").body(body.toString()).when().put(NOTES + id).then()
                .statusCode(428);
        given().header("Authorization", "Bearer " + TestTokens.clinician(UUID.randomUUID())).header("If-Match", "\"0\"")
                .contentType("application/json").body(body.toString()).when().put(NOTES + id).then().statusCode(403);
        com.fasterxml.jackson.databind.node.ObjectNode changedStatus = body.deepCopy().put("status", "LOCKED");
        given().header("Authorization", author).header("If-Match", "\"0\"").contentType("application/json").body(changedStatus.toString())
                .when().put(NOTES + id).then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().header("Authorization", author).header("If-Match", "\"0\"").contentType("application/json").body(body.toString())
                .when().put(NOTES + id).then().statusCode(200).header("ETag", "\"1\"").body("dap.data", equalTo("Second take."));
        given().header("Authorization", author).header("If-Match", "\"0\"").contentType("application/json").body(body.toString())
                .when().put(NOTES + id).then().statusCode(412);

        sign(author, id).statusCode(200).body("status", equalTo("LOCKED"));
        Response locked = get(author, id);
        given().header("Authorization", author).header("If-Match", locked.header("ETag")).contentType("application/json")
                .body(locked.asString()).when().put(NOTES + id).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("addendum"));
        get(author, id).then().body("dap.data", equalTo("Second take."));
    }

    @Test
    void notesAreForClinicalStaffOnly() {
        UUID clinician = nf.clinician(true, "LCSW");
        UUID member = nf.fx.eligibleGroupPatient();
        String session = nf.groupWithAttendance(clinician, Map.of(member, "ATTENDED"));
        String id = createNote(bearer(clinician), session, memberNote(member, "Shared.")).statusCode(201).extract().path("id");
        for (String token : List.of(auth("scheduler"), auth("integration"), "Bearer " + TestTokens.patient(member))) {
            get(token, id).then().statusCode(403);
            given().header("Authorization", token).when().get("/api/v1/sessions/" + session + "/notes").then().statusCode(403);
            given().header("Authorization", token).when().get(NOTES + "overdue").then().statusCode(403);
            given().header("Authorization", token).when().get(NOTES + "overdue/counts").then().statusCode(403);
            createNote(token, session, narrative("n")).statusCode(403);
        }
        assertThat(nf.notesOf(session)).isEqualTo(1);
        get(auth("admin"), id).then().statusCode(200).body("dap.data", equalTo("Shared."));
        assertThat(nf.fx.count("select count(*) from audit_event where resource_type = 'ProgressNote' and resource_id = ? and patient_id = ?"
                + " and action = 'READ' and subject = 'test-admin'", id, member)).isEqualTo(1);
        assertThat(nf.fx.count("select count(*) from audit_event where resource_type = 'ProgressNote' and resource_id = ? and action = 'CREATE'",
                id)).isEqualTo(1);
        get(auth("clinician"), UUID.randomUUID().toString()).then().statusCode(404);
    }
}
