package care.iop.session.notes;

import static care.iop.session.Fixtures.auth;
import static care.iop.session.notes.NoteFixtures.bearer;
import static care.iop.session.notes.NoteFixtures.createNote;
import static care.iop.session.notes.NoteFixtures.memberNote;
import static care.iop.session.notes.NoteFixtures.narrative;
import static care.iop.session.notes.NoteFixtures.sign;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
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

/** Notes are due 72 h after the session's end: overdue one second after, not at; unsigned and missing notes are listed and counted. */
@QuarkusTest
class OverdueNotesTest {
    private static final Duration DUE = Duration.ofHours(72);

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

    static final class FixedClock extends NoteClock {
        private final OffsetDateTime at;

        FixedClock(OffsetDateTime at) {
            this.at = at;
        }

        @Override
        public OffsetDateTime now() {
            return at;
        }
    }

    /** From now on (in this test) the notes' clock says {@code at}. */
    private static void clockAt(OffsetDateTime at) {
        QuarkusMock.installMockForType(new FixedClock(at), NoteClock.class);
    }

    private static JsonPath overdue(UUID clinician) {
        return given().header("Authorization", auth("clinician")).queryParam("clinicianId", clinician.toString()).when()
                .get("/api/v1/notes/overdue").then().statusCode(200).extract().jsonPath();
    }

    private OffsetDateTime endOf(String session) {
        Object end = nf.fx.rows("select end_at from therapy_session where id = ?", UUID.fromString(session)).get(0).get("end_at");
        return end instanceof OffsetDateTime time ? time.withOffsetSameInstant(ZoneOffset.UTC)
                : ((java.sql.Timestamp) end).toInstant().atOffset(ZoneOffset.UTC);
    }

    @Test
    void aNoteDueAtExactly72HoursIsNotOverdueYetAndOneSecondLaterItIs() {
        UUID clinician = nf.clinician(true, "LCSW");
        UUID drafted = nf.fx.eligibleGroupPatient();
        UUID signed = nf.fx.eligibleGroupPatient();
        UUID withoutNote = nf.fx.eligibleGroupPatient();
        UUID absent = nf.fx.eligibleGroupPatient();
        Map<UUID, String> attendance = new LinkedHashMap<>();
        attendance.put(drafted, "ATTENDED");
        attendance.put(signed, "LATE");
        attendance.put(withoutNote, "LEFT_EARLY");
        attendance.put(absent, "NO_SHOW");
        String session = nf.groupWithAttendance(clinician, attendance);
        String draftId = createNote(bearer(clinician), session, memberNote(drafted, "Draft.")).statusCode(201)
                .body("dueAt", equalTo(Fixtures.iso(endOf(session).plus(DUE)))).extract().path("id");
        String signedId = createNote(bearer(clinician), session, memberNote(signed, "Signed.")).statusCode(201).extract().path("id");
        sign(bearer(clinician), signedId).statusCode(200);
        OffsetDateTime due = endOf(session).plus(DUE);

        clockAt(due);
        assertThat(overdue(clinician).getInt("total")).isZero();
        given().header("Authorization", auth("admin")).queryParam("clinicianId", clinician.toString()).when().get("/api/v1/notes/overdue/counts")
                .then().statusCode(200).body("clinicians", hasSize(0));

        clockAt(due.plusSeconds(1));
        JsonPath list = overdue(clinician);
        assertThat(list.getInt("total")).isEqualTo(3);
        assertThat(list.getList("items.status", String.class)).containsExactlyInAnyOrder("DRAFT", "MISSING", "MISSING");
        Map<String, Object> draft = list.getMap("items.find { it.status == 'DRAFT' }");
        assertThat(draft).containsEntry("noteId", draftId).containsEntry("patientId", drafted.toString())
                .containsEntry("clinicianId", clinician.toString()).containsEntry("link", "/api/v1/notes/" + draftId)
                .containsEntry("dueAt", Fixtures.iso(due));
        assertThat(list.getList("items.findAll { it.status == 'MISSING' }.kind", String.class)).containsExactlyInAnyOrder("PATIENT", "GROUP_NARRATIVE");
        assertThat(list.getString("items.find { it.kind == 'PATIENT' && it.status == 'MISSING' }.patientId")).isEqualTo(withoutNote.toString());
        assertThat(list.getString("items.find { it.kind == 'GROUP_NARRATIVE' }.link")).isEqualTo("/api/v1/sessions/" + session + "/notes");
        assertThat(list.getList("items.patientId", String.class)).doesNotContain(absent.toString(), signed.toString());
        given().header("Authorization", auth("admin")).queryParam("clinicianId", clinician.toString()).when().get("/api/v1/notes/overdue/counts")
                .then().statusCode(200).body("clinicians", hasSize(1)).body("clinicians[0].clinicianId", equalTo(clinician.toString()))
                .body("clinicians[0].missing", equalTo(2)).body("clinicians[0].drafts", equalTo(1))
                .body("clinicians[0].awaitingCosignature", equalTo(0)).body("clinicians[0].total", equalTo(3))
                .body("asOf", equalTo(Fixtures.iso(due.plusSeconds(1))));
        // each patient listed is audited
        assertThat(nf.fx.count("select count(*) from audit_event where resource_type = 'ProgressNote' and action = 'SEARCH' and patient_id = ?",
                withoutNote)).isGreaterThanOrEqualTo(1);

        // writing and signing what was missing leaves only the note still a draft
        String narrativeId = createNote(bearer(clinician), session, narrative("Relapse prevention.")).statusCode(201).extract().path("id");
        sign(bearer(clinician), narrativeId).statusCode(200);
        sign(bearer(clinician), draftId).statusCode(200);
        String late = createNote(bearer(clinician), session, memberNote(withoutNote, "Left at 11.")).statusCode(201).extract().path("id");
        assertThat(overdue(clinician).getList("items.noteId", String.class)).containsExactly(late);
    }

    @Test
    void aNoteAwaitingItsCoSignatureStaysOverdueAndIsCountedPerClinician() {
        UUID intern = nf.clinician(true, "INTERN");
        UUID licensed = nf.clinician(true, "LCSW");
        UUID member = nf.fx.eligibleGroupPatient();
        UUID other = nf.fx.eligibleGroupPatient();
        String internsGroup = nf.groupWithAttendance(intern, Map.of(member, "ATTENDED"));
        String id = createNote(bearer(intern), internsGroup, memberNote(member, "Shared.")).statusCode(201).extract().path("id");
        createNote(bearer(intern), internsGroup, narrative("Small group.")).statusCode(201);
        String narrativeId = given().header("Authorization", auth("clinician")).when().get("/api/v1/sessions/" + internsGroup + "/notes")
                .then().extract().path("find { it.kind == 'GROUP_NARRATIVE' }.id");
        sign(bearer(intern), id).statusCode(200).body("status", equalTo("AWAITING_COSIGNATURE"));
        sign(bearer(intern), narrativeId).statusCode(200);
        String licensedGroup = nf.groupWithAttendance(licensed, Map.of(other, "ATTENDED"));

        clockAt(endOf(licensedGroup).plus(DUE).plusSeconds(1));
        assertThat(overdue(intern).getList("items.status", String.class)).containsExactlyInAnyOrder("AWAITING_COSIGNATURE", "AWAITING_COSIGNATURE");
        JsonPath counts = given().header("Authorization", auth("clinician")).when().get("/api/v1/notes/overdue/counts").then().statusCode(200)
                .extract().jsonPath();
        assertThat(counts.getInt("clinicians.find { it.clinicianId == '" + intern + "' }.awaitingCosignature")).isEqualTo(2);
        assertThat(counts.getInt("clinicians.find { it.clinicianId == '" + licensed + "' }.missing")).isEqualTo(2);

        sign(bearer(licensed), id).statusCode(200).body("status", equalTo("LOCKED"));
        assertThat(overdue(intern).getList("items.noteId", String.class)).containsExactly(narrativeId);
        given().header("Authorization", auth("clinician")).queryParam("clinicianId", "not-a-uuid").when().get("/api/v1/notes/overdue")
                .then().statusCode(400);
        List<String> none = overdue(UUID.randomUUID()).getList("items");
        assertThat(none).isEmpty();
    }
}
