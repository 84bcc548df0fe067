package care.iop.session.notes;

import static care.iop.session.notes.NoteFixtures.NOTES;
import static care.iop.session.notes.NoteFixtures.bearer;
import static care.iop.session.notes.NoteFixtures.createNote;
import static care.iop.session.notes.NoteFixtures.get;
import static care.iop.session.notes.NoteFixtures.memberNote;
import static care.iop.session.notes.NoteFixtures.narrative;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import care.iop.events.EventTypes;
import care.iop.session.Fixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A patient's progress note names only objectives of the patient's current plan, as plan events carry their ids; with
 * events that carry none (written before they did) the ids are accepted as given.
 */
@QuarkusTest
class NoteObjectivesTest {
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

    /** A registered patient with a group consent whose active plan has these objective ids (null: not carried). */
    private UUID patientWithPlan(List<String> objectiveIds) {
        UUID patient = nf.fx.patient(UUID.randomUUID(), EventTypes.PATIENT_REGISTERED, "ACTIVE", List.of(Fixtures.groupConsent(null)));
        nf.fx.planWithObjectives(UUID.randomUUID(), patient, objectiveIds);
        return patient;
    }

    private static Map<String, Object> noteWith(UUID patient, List<String> objectiveIds) {
        Map<String, Object> body = new HashMap<>(memberNote(patient, "Practised urge surfing."));
        body.put("objectiveIds", objectiveIds);
        return body;
    }

    private String storedObjectives(String noteId) {
        return nf.fx.rows("select array_to_string(objective_ids, ',') as ids from progress_note where id = ?", UUID.fromString(noteId))
                .get(0).get("ids").toString();
    }

    @Test
    void aPatientsNoteNamesOnlyObjectivesOfTheCurrentPlan() {
        UUID clinician = nf.clinician(true, "LCSW");
        UUID patient = patientWithPlan(List.of("O1", "O2"));
        String session = nf.groupWithAttendance(clinician, Map.of(patient, "ATTENDED"));
        String author = bearer(clinician);

        createNote(author, session, noteWith(patient, List.of("O1", "O9"))).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("objectiveIds[1]")).body("detail", containsString("O9"));
        assertThat(nf.notesOf(session)).isZero();

        String id = createNote(author, session, noteWith(patient, List.of("O2"))).statusCode(201)
                .body("objectiveIds", equalTo(List.of("O2"))).extract().path("id");
        assertThat(storedObjectives(id)).isEqualTo("O2");

        // the group's narrative has no patient and so no plan: its ids are stored as given
        createNote(author, session, new HashMap<>(Map.of("kind", "GROUP_NARRATIVE", "dap", narrative("Relapse prevention.").get("dap"),
                "objectiveIds", List.of("O9")))).statusCode(201).body("objectiveIds", equalTo(List.of("O9")));
    }

    @Test
    void anEditNamingAnUnknownObjectiveChangesNothing() throws Exception {
        UUID clinician = nf.clinician(true, "LCSW");
        UUID patient = patientWithPlan(List.of("O1", "O2"));
        String session = nf.groupWithAttendance(clinician, Map.of(patient, "ATTENDED"));
        String author = bearer(clinician);
        String id = createNote(author, session, noteWith(patient, List.of("O2"))).statusCode(201).extract().path("id");

        ObjectNode body = (ObjectNode) JSON.readTree(get(author, id).asString());
        ((ObjectNode) body.get("dap")).put("data", "Edited.");
        body.set("objectiveIds", JSON.valueToTree(List.of("O1", "O2", "O3")));
        given().header("Authorization", author).header("If-Match", "\"0\"").contentType("application/json").body(body.toString())
                .when().put(NOTES + id).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("objectiveIds[2]"));

        Response after = get(author, id);
        after.then().statusCode(200).header("ETag", "\"0\"").body("dap.data", equalTo("Practised urge surfing."))
                .body("objectiveIds", equalTo(List.of("O2")));
        assertThat(storedObjectives(id)).isEqualTo("O2");

        body.set("objectiveIds", JSON.valueToTree(List.of("O1")));
        given().header("Authorization", author).header("If-Match", "\"0\"").contentType("application/json").body(body.toString())
                .when().put(NOTES + id).then().statusCode(200).body("objectiveIds", equalTo(List.of("O1")));
    }

    @Test
    void aPlanEventWithoutObjectiveIdsAcceptsAnyId() {
        UUID clinician = nf.clinician(true, "LCSW");
        UUID patient = patientWithPlan(null);
        assertThat(nf.fx.count("select count(*) from known_plan where patient_id = ? and objective_ids is null", patient)).isEqualTo(1);
        String session = nf.groupWithAttendance(clinician, Map.of(patient, "ATTENDED"));

        String id = createNote(bearer(clinician), session, noteWith(patient, List.of("O9", "goal-1.a"))).statusCode(201)
                .body("objectiveIds", equalTo(List.of("O9", "goal-1.a"))).extract().path("id");
        assertThat(storedObjectives(id)).isEqualTo("O9,goal-1.a");
    }
}
