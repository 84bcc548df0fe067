package care.iop.session.notes;

import static care.iop.session.Fixtures.auth;
import static care.iop.session.notes.NoteFixtures.NOTES;
import static care.iop.session.notes.NoteFixtures.bearer;
import static care.iop.session.notes.NoteFixtures.createNote;
import static care.iop.session.notes.NoteFixtures.get;
import static care.iop.session.notes.NoteFixtures.memberNote;
import static care.iop.session.notes.NoteFixtures.sign;
import static care.iop.testing.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

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
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Signing, co-signing, addenda and entered-in-error: the session's clinician signs, supervised credentials need a co-signer. */
@QuarkusTest
class NoteSignatureTest {
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

    private static ValidatableResponse post(String token, String path, Object body) {
        return given().header("Authorization", token).contentType("application/json").body(Fixtures.json(body)).when().post(path).then();
    }

    private static ValidatableResponse signAddendum(String token, String noteId, int number) {
        return given().header("Authorization", token).contentType("application/json").when()
                .post(NOTES + noteId + "/addenda/" + number + "/signatures").then();
    }

    @Test
    void theSessionsClinicianSignsAndALicensedSignatureLocksTheNote() throws Exception {
        UUID clinician = nf.clinician(true, "LCSW");
        UUID other = nf.clinician(true, "LCSW");
        UUID member = nf.fx.eligibleGroupPatient();
        String session = nf.groupWithAttendance(clinician, Map.of(member, "ATTENDED"));
        String id = createNote(auth("clinician"), session, memberNote(member, "Shared.")).statusCode(201).extract().path("id");

        sign(auth("clinician"), id).statusCode(403).body("detail", containsString("clinician_id"));
        sign(bearer(other), id).statusCode(403).body("detail", containsString("session's clinician"));
        given().header("Authorization", bearer(clinician)).header("If-Match", "\"7\"").when().post(NOTES + id + "/signatures").then()
                .statusCode(412);
        get(auth("clinician"), id).then().body("status", equalTo("DRAFT")).body("version", equalTo(0));

        sign(bearer(clinician), id).statusCode(200).body("status", equalTo("LOCKED"))
                .body("signature.clinicianId", equalTo(clinician.toString())).body("signature.credentials", equalTo(List.of("LCSW")))
                .body("signature.signedAt", notNullValue()).body("cosignature", nullValue()).body("lockedAt", notNullValue());
        sign(bearer(clinician), id).statusCode(409);
        sign(bearer(other), id).statusCode(409);

        await().atMost(Fixtures.EVENTS).until(() -> nf.noteEvents(session).size() >= 2);
        List<ConsumerRecord<String, String>> events = nf.noteEvents(session);
        assertThat(events).extracting(e -> header(e, "ce_type")).containsExactly(EventTypes.PROGRESS_NOTE_DRAFTED, EventTypes.PROGRESS_NOTE_SIGNED);
        JsonNode signed = JSON.readTree(events.get(1).value());
        assertThat(signed.get("status").asText()).isEqualTo("LOCKED");
        assertThat(signed.get("signedBy").asText()).isEqualTo(clinician.toString());
        assertThat(signed.get("signedAt").asText()).isNotBlank();
        assertThat(signed.has("cosignedBy")).isFalse();
        assertThat(events.get(1).value()).doesNotContain("Shared.");
    }

    @Test
    void aSupervisedSignerLeavesTheNoteUnlockedUntilAnotherLicensedClinicianCoSigns() {
        UUID intern = nf.clinician(true, "LPC-A");
        UUID supervisedPeer = nf.clinician(true, "lmsw");
        UUID inactive = nf.clinician(false, "LCSW");
        UUID supervisor = nf.clinician(true, "LPC", "LCDC");
        UUID member = nf.fx.eligibleGroupPatient();
        String session = nf.groupWithAttendance(intern, Map.of(member, "ATTENDED"));
        String id = createNote(bearer(intern), session, memberNote(member, "Shared.")).statusCode(201).extract().path("id");

        sign(bearer(intern), id).statusCode(200).body("status", equalTo("AWAITING_COSIGNATURE"))
                .body("signature.credentials", equalTo(List.of("LPC-A"))).body("lockedAt", nullValue());
        // still not locked: the intern cannot co-sign, nor a supervised or inactive clinician
        sign(bearer(intern), id).statusCode(403);
        sign(bearer(supervisedPeer), id).statusCode(403).body("detail", containsString("supervision"));
        sign(bearer(inactive), id).statusCode(403).body("detail", containsString("not active"));
        get(auth("clinician"), id).then().body("status", equalTo("AWAITING_COSIGNATURE")).body("cosignature", nullValue());
        // a signed note is not edited any more, even before the co-signature
        given().header("Authorization", bearer(intern)).header("If-Match", "*").contentType("application/json")
                .body(Fixtures.json(Map.of("dap", NoteFixtures.dap("d", "a", "p")))).when().put(NOTES + id).then().statusCode(409);

        sign(bearer(supervisor), id).statusCode(200).body("status", equalTo("LOCKED"))
                .body("signature.clinicianId", equalTo(intern.toString())).body("cosignature.clinicianId", equalTo(supervisor.toString()))
                .body("cosignature.credentials", equalTo(List.of("LPC", "LCDC")));
        await().atMost(Fixtures.EVENTS).until(() -> nf.noteEvents(session).size() >= 3);
        assertThat(nf.noteEvents(session)).extracting(e -> header(e, "ce_type")).containsExactly(EventTypes.PROGRESS_NOTE_DRAFTED,
                EventTypes.PROGRESS_NOTE_SIGNED, EventTypes.PROGRESS_NOTE_SIGNED);
        assertThat(nf.noteEvents(session).get(1).value()).contains("\"status\":\"AWAITING_COSIGNATURE\"");
        assertThat(nf.noteEvents(session).get(2).value()).contains("\"cosignedBy\":\"" + supervisor + "\"").contains("\"status\":\"LOCKED\"");
    }

    @Test
    void aCorrectionAfterLockingIsAnAddendumWithItsOwnSignature() {
        UUID clinician = nf.clinician(true, "LCSW");
        UUID intern = nf.clinician(true, "INTERN");
        UUID supervisor = nf.clinician(true, "LCSW");
        UUID member = nf.fx.eligibleGroupPatient();
        String session = nf.groupWithAttendance(clinician, Map.of(member, "ATTENDED"));
        String id = createNote(bearer(clinician), session, memberNote(member, "Shared.")).statusCode(201).extract().path("id");
        Map<String, String> correction = Map.of("text", "Correction: left at 11:30.");

        post(bearer(clinician), NOTES + id + "/addenda", correction).statusCode(409).body("detail", containsString("draft"));
        sign(bearer(clinician), id).statusCode(200).body("status", equalTo("LOCKED"));
        post(auth("admin"), NOTES + id + "/addenda", correction).statusCode(403);
        post(bearer(clinician), NOTES + id + "/addenda", Map.of("text", " ")).statusCode(400).body("errors[0].field", equalTo("text"));
        assertThat(nf.fx.count("select count(*) from progress_note_addendum where note_id = ?", UUID.fromString(id))).isZero();

        post(bearer(clinician), NOTES + id + "/addenda", correction).statusCode(201).header("Location", containsString(NOTES + id + "/addenda/1"))
                .body("number", equalTo(1)).body("status", equalTo("AWAITING_SIGNATURE")).body("signature", nullValue());
        signAddendum(bearer(intern), id, 1).statusCode(403);
        signAddendum(bearer(clinician), id, 2).statusCode(404);
        signAddendum(bearer(clinician), id, 1).statusCode(200).body("status", equalTo("SIGNED"))
                .body("signature.clinicianId", equalTo(clinician.toString()));
        signAddendum(bearer(clinician), id, 1).statusCode(409);

        // an intern's addendum waits for a co-signature, like a note
        post(bearer(intern), NOTES + id + "/addenda", Map.of("text", "Also: homework assigned.")).statusCode(201).body("number", equalTo(2));
        signAddendum(bearer(intern), id, 2).statusCode(200).body("status", equalTo("AWAITING_COSIGNATURE"));
        signAddendum(bearer(intern), id, 2).statusCode(403);
        signAddendum(bearer(supervisor), id, 2).statusCode(200).body("status", equalTo("SIGNED"))
                .body("cosignature.clinicianId", equalTo(supervisor.toString()));

        get(auth("clinician"), id).then().statusCode(200).body("status", equalTo("LOCKED")).body("dap.data", equalTo("Shared."))
                .body("addenda", hasSize(2)).body("addenda[0].text", equalTo("Correction: left at 11:30.")).body("addenda[1].status", equalTo("SIGNED"));
        await().atMost(Fixtures.EVENTS).until(() -> nf.noteEvents(session).size() >= 7);
        assertThat(nf.noteEvents(session)).extracting(e -> header(e, "ce_type")).containsExactly(EventTypes.PROGRESS_NOTE_DRAFTED,
                EventTypes.PROGRESS_NOTE_SIGNED, EventTypes.PROGRESS_NOTE_ADDENDUM_ADDED, EventTypes.PROGRESS_NOTE_ADDENDUM_SIGNED,
                EventTypes.PROGRESS_NOTE_ADDENDUM_ADDED, EventTypes.PROGRESS_NOTE_ADDENDUM_SIGNED, EventTypes.PROGRESS_NOTE_ADDENDUM_SIGNED);
        assertThat(nf.noteEvents(session)).allSatisfy(e -> assertThat(e.value()).doesNotContain("Correction").doesNotContain("homework"));
    }

    @Test
    void enteredInErrorKeepsTheTextAndMakesRoomForANewNote() {
        UUID clinician = nf.clinician(true, "LCSW");
        UUID member = nf.fx.eligibleGroupPatient();
        String session = nf.groupWithAttendance(clinician, Map.of(member, "ATTENDED"));
        String id = createNote(bearer(clinician), session, memberNote(member, "Meant for another chart.")).statusCode(201).extract().path("id");
        sign(bearer(clinician), id).statusCode(200);
        String path = NOTES + id + "/entered-in-error";

        post(bearer(clinician), path, Map.of()).statusCode(400).body("errors[0].field", equalTo("reason"));
        post(bearer(nf.clinician(true, "LCSW")), path, Map.of("reason", "Wrong chart")).statusCode(403);
        post(auth("clinician"), path, Map.of("reason", "Wrong chart")).statusCode(403);
        get(auth("clinician"), id).then().body("status", equalTo("LOCKED"));

        post(auth("admin"), path, Map.of("reason", "Wrong chart")).statusCode(200).body("status", equalTo("ENTERED_IN_ERROR"))
                .body("enteredInError.reason", equalTo("Wrong chart")).body("enteredInError.by", equalTo("test-admin"))
                .body("enteredInError.statusBefore", equalTo("LOCKED")).body("dap.data", equalTo("Meant for another chart."))
                .body("signature.clinicianId", equalTo(clinician.toString()));
        post(bearer(clinician), path, Map.of("reason", "Again")).statusCode(409);
        sign(bearer(clinician), id).statusCode(409);
        post(bearer(clinician), NOTES + id + "/addenda", Map.of("text", "x")).statusCode(409);
        // nothing is deleted
        assertThat(nf.fx.count("select count(*) from progress_note where id = ?", UUID.fromString(id))).isEqualTo(1);

        String replacement = createNote(bearer(clinician), session, memberNote(member, "The right note.")).statusCode(201).extract().path("id");
        given().header("Authorization", auth("clinician")).when().get("/api/v1/sessions/" + session + "/notes").then().statusCode(200)
                .body("", hasSize(2)).body("find { it.id == '" + replacement + "' }.status", equalTo("DRAFT"));
        await().atMost(Fixtures.EVENTS).until(() -> nf.noteEvents(session).size() >= 4);
        assertThat(nf.noteEvents(session)).extracting(e -> header(e, "ce_type")).containsExactly(EventTypes.PROGRESS_NOTE_DRAFTED,
                EventTypes.PROGRESS_NOTE_SIGNED, EventTypes.PROGRESS_NOTE_ENTERED_IN_ERROR, EventTypes.PROGRESS_NOTE_DRAFTED);
        assertThat(nf.noteEvents(session).get(2).value()).doesNotContain("Wrong chart").contains("\"status\":\"ENTERED_IN_ERROR\"");
    }

    @Test
    void theDatabaseRefusesToDeleteANote() throws Exception {
        UUID clinician = nf.clinician(true, "LCSW");
        UUID member = nf.fx.eligibleGroupPatient();
        String session = nf.groupWithAttendance(clinician, Map.of(member, "ATTENDED"));
        String id = createNote(bearer(clinician), session, memberNote(member, "Kept.")).statusCode(201).extract().path("id");
        try (java.sql.Connection c = ds.getConnection(); java.sql.PreparedStatement delete = c.prepareStatement("delete from progress_note where id = ?")) {
            delete.setObject(1, UUID.fromString(id));
            org.assertj.core.api.Assertions.assertThatThrownBy(delete::executeUpdate).hasMessageContaining("never deleted");
        }
        assertThat(nf.notesOf(session)).isEqualTo(1);
    }
}
