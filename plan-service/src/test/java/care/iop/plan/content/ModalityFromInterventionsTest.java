package care.iop.plan.content;

import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.activate;
import static care.iop.plan.support.PlanFixtures.changeStatus;
import static care.iop.plan.support.PlanFixtures.get;
import static care.iop.plan.support.PlanFixtures.modality;
import static care.iop.plan.support.PlanFixtures.post;
import static care.iop.plan.support.ReadModelProbe.count;
import static care.iop.plan.support.StructureFixtures.INTERVENTIONS;
import static care.iop.plan.support.StructureFixtures.PROBLEMS;
import static care.iop.plan.support.StructureFixtures.createBody;
import static care.iop.plan.support.StructureFixtures.intervention;
import static care.iop.plan.support.StructureFixtures.interventions;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * The modality mix follows from the interventions: derived, checked when both are given, interventions derived from a
 * modality-only (older clients') request, and kept in step through edits and switches.
 */
@QuarkusTest
class ModalityFromInterventionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;
    UUID patient;
    UUID clinician;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
        UUID[] ids = fixtures.patientAndClinician();
        patient = ids[0];
        clinician = ids[1];
    }

    private ValidatableResponse create(String... members) {
        return post("clinician", PLANS, createBody(patient, clinician, members));
    }

    private long plans() {
        return count(ds, "select count(*) from care_plan where patient_id = ?", patient);
    }

    private static ValidatableResponse put(String id, String etag, String body) {
        return given().header("Authorization", TestTokens.bearer("clinician")).header("If-Match", etag).contentType("application/json")
                .body(body).when().put(PLANS + "/" + id).then();
    }

    private static ExtractableResponse<Response> read(String id) {
        return get("clinician", PLANS + "/" + id).statusCode(200).extract();
    }

    private static ObjectNode body(ExtractableResponse<Response> read) throws Exception {
        return (ObjectNode) JSON.readTree(read.asString());
    }

    @Test
    void modalityAndInterventionsGivenTogetherMustAgree() {
        create(PROBLEMS, INTERVENTIONS, "\"modality\":" + modality(1, 50, 9, 0)).statusCode(201).body("modality.weeklyHours", equalTo(9.83f));
        // 0.01 h apart still agrees (group minutes / 60 rounded to the hundredth)
        create(PROBLEMS, INTERVENTIONS, "\"modality\":" + modality(1, 50, 9.01, 0)).statusCode(201);
        for (String disagreeing : new String[] { modality(1, 50, 8.5, 0), modality(1, 50, 9.02, 0), modality(2, 50, 9, 0),
                modality(1, 60, 9, 0), modality(1, 50, 9, 1) }) {
            patient = fixtures.patientAndClinician()[0];
            create(PROBLEMS, INTERVENTIONS, "\"modality\":" + disagreeing).statusCode(422).contentType("application/problem+json")
                    .body("errors.field", contains("modality"))
                    .body("detail", containsString("disagrees with the interventions, which make 1 x 50 min individual + 9 h group"));
            assertThat(plans()).as(disagreeing).isZero();
        }
        // no individual sessions on either side: the minutes do not matter
        patient = fixtures.patientAndClinician()[0];
        create(interventions(intervention("group", 6, 90, null)), "\"modality\":" + modality(0, 50, 9, 0)).statusCode(201)
                .body("modality.individualSessionsPerWeek", equalTo(0));
    }

    @Test
    void individualInterventionsOfDifferentLengthsAreRefusedNamingTheOneThatDiffers() {
        create(PROBLEMS, interventions(intervention("individual", 1, 50, null), intervention("group", 3, 180, null),
                intervention("individual", 1, 60, null))).statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("interventions[2].minutesPerSession"));
        assertThat(plans()).isZero();
        create(PROBLEMS, interventions(intervention("individual", 1, 50, null), intervention("group", 3, 180, null),
                intervention("individual", 2, 50, null))).statusCode(201)
                .body("modality.individualSessionsPerWeek", equalTo(3))
                .body("modality.individualSessionMinutes", equalTo(50));
    }

    @Test
    void theRulesOfTheMixApplyToTheDerivedMixNamingInterventions() {
        create(interventions(intervention("individual", 1, 50, null), intervention("group", 3, 160, null))).statusCode(422)
                .body("errors.field", contains("interventions")).body("detail", containsString("8.83 h a week is below the 9 h"));
        UUID noConsent = fixtures.register(EventFixtures.patient(UUID.randomUUID()).withoutConsents().build()).patientId();
        post("clinician", PLANS, createBody(noConsent, clinician, PROBLEMS, INTERVENTIONS)).statusCode(422)
                .body("errors.field", contains("interventions.groupHoursPerWeek"));
        create(interventions(intervention("individual", 14, 60, null), intervention("individual", 1, 60, null))).statusCode(400)
                .body("errors.field", contains("interventions"));
        assertThat(plans()).isZero();
    }

    @Test
    void aModalityOnlyRequestGetsOneInterventionPerModalityWithThePrimaryClinicianServingNoObjective() {
        create(PROBLEMS, "\"modality\":" + modality(2, 60, 8.5, 1)).statusCode(201)
                .body("modality.groupHoursPerWeek", equalTo(8.5f))
                .body("interventions.modality", contains("individual", "group", "family"))
                .body("interventions.id", contains("I1", "I2", "I3"))
                .body("interventions.sessionsPerWeek", contains(2, 3, 1))
                .body("interventions.minutesPerSession", contains(60, 170, 50))
                .body("interventions.responsibleClinicianId", contains(clinician.toString(), clinician.toString(), clinician.toString()))
                .body("interventions[0].objectiveIds.size()", equalTo(0));
        // group minutes that do not divide evenly: two group interventions a minute apart (8.33 h = 500 min = 2 x 167 + 1 x 166)
        create("\"modality\":" + modality(1, 50, 8.33, 0)).statusCode(201)
                .body("interventions.modality", contains("individual", "group", "group"))
                .body("interventions.sessionsPerWeek", contains(1, 2, 1))
                .body("interventions.minutesPerSession", contains(50, 167, 166))
                .body("modality.groupHoursPerWeek", equalTo(8.33f));
    }

    @Test
    void anEditKeepsTheInterventionsItLeavesOutAndChangesObjectiveStatuses() throws Exception {
        String id = create(PROBLEMS, INTERVENTIONS).statusCode(201).extract().path("id");
        ExtractableResponse<Response> read = read(id);
        ObjectNode body = body(read);
        body.remove("interventions");
        ((ObjectNode) body.at("/problems/0/goals/0/objectives/0")).put("status", "met");
        ((ObjectNode) body.at("/problems/0/goals/0/objectives/1")).put("status", "in-progress");
        put(id, read.header("ETag"), body.toString()).statusCode(200)
                .body("problems[0].goals[0].objectives.status", contains("met", "in-progress", "not-started"))
                .body("interventions.id", contains("I1", "I2"))
                .body("modality.weeklyHours", equalTo(9.83f));
        // removing an objective an intervention serves: 400 naming the reference
        read = read(id);
        body = body(read);
        ((ArrayNode) body.at("/problems/0/goals/0/objectives")).remove(0);
        put(id, read.header("ETag"), body.toString()).statusCode(400).body("errors.field", hasItem("interventions[0].objectiveIds[0]"));
        put(id, read.header("ETag"), body(read).put("durationWeeks", 11).toString()).statusCode(400)
                .body("errors.field", hasItem("interventions[1].durationWeeks"));
    }

    @Test
    void interventionsThatKeepTheMixInForceAreEditableOnAnActivePlanAndOthersAreNot() throws Exception {
        String id = create(PROBLEMS, INTERVENTIONS).statusCode(201).extract().path("id");
        activate(id).statusCode(200);
        ExtractableResponse<Response> read = read(id);
        ObjectNode body = body(read);
        ((ObjectNode) body.at("/interventions/1")).put("sessionsPerWeek", 6).put("minutesPerSession", 90).put("description", "Skills groups");
        put(id, read.header("ETag"), body.toString()).statusCode(200)
                .body("interventions[1].sessionsPerWeek", equalTo(6))
                .body("modality.groupHoursPerWeek", equalTo(9.0f))
                // an amendment of the interventions: version 2 to be signed, version 1 still in force
                .body("currentVersion", equalTo(2)).body("versionInForce", equalTo(1)).body("status", equalTo("active"));
        get("clinician", PLANS + "/" + id + "/versions").statusCode(200).body("[1].changes", contains("interventions"));

        read = read(id);
        body = body(read);
        ((ObjectNode) body.at("/interventions/1")).put("sessionsPerWeek", 2);
        put(id, read.header("ETag"), body.toString()).statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("interventions"))
                .body("detail", containsString("modality-changes"));
        assertThat((Integer) read(id).path("interventions[1].sessionsPerWeek")).isEqualTo(6);
    }

    @Test
    void onADraftWithoutSwitchesTheInitialMixFollowsEditedInterventions() throws Exception {
        String id = create(PROBLEMS, INTERVENTIONS, "\"rationale\":\"first draft\"").statusCode(201).extract().path("id");
        ExtractableResponse<Response> read = read(id);
        ObjectNode body = body(read);
        ((ObjectNode) body.at("/interventions/0")).put("sessionsPerWeek", 2);
        put(id, read.header("ETag"), body.toString()).statusCode(200)
                .body("modality.individualSessionsPerWeek", equalTo(2))
                .body("modality.weeklyHours", equalTo(10.67f))
                .body("modalityProposed", equalTo(false));
        // under the minimum: the rules of creation apply
        read = read(id);
        body = body(read);
        ((ObjectNode) body.at("/interventions/1")).put("sessionsPerWeek", 1);
        put(id, read.header("ETag"), body.toString()).statusCode(422).body("errors.field", contains("interventions"));
    }

    @Test
    void aSwitchMayNameTheNewInterventionsOrLetTheChangedModalitiesFollowTheMix() {
        String id = create(PROBLEMS, INTERVENTIONS).statusCode(201).extract().path("id");
        activate(id).statusCode(200);
        String changes = PLANS + "/" + id + "/modality-changes";
        // modality only: the individual intervention stays, the group one is replaced, serving what it served
        post("clinician", changes, "{\"modality\":" + modality(1, 50, 6, 0) + ",\"reason\":\"fewer groups\",\"effectiveFrom\":\"2026-12-07\","
                + "\"belowMinimumJustification\":\"Stepping down\"}").statusCode(201);
        get("clinician", PLANS + "/" + id).statusCode(200)
                .body("interventions.id", contains("I1", "I2"))
                .body("interventions[0].description", equalTo("CBT for depression"))
                .body("interventions[1].description", equalTo("Group therapy"))
                .body("interventions[1].sessionsPerWeek", equalTo(2))
                .body("interventions[1].minutesPerSession", equalTo(180))
                .body("interventions[1].objectiveIds", contains("O1", "O2"))
                .body("modality.groupHoursPerWeek", equalTo(6.0f));
        // interventions only: they replace the plan's and the mix follows
        post("clinician", changes, "{" + interventions(intervention("individual", 2, 60, "\"objectiveIds\":[\"O1\"]"),
                intervention("group", 5, 90, "\"objectiveIds\":[\"O2\"]")) + ",\"reason\":\"more individual work\",\"effectiveFrom\":\"2026-12-14\"}")
                .statusCode(201).body("to.individualSessionsPerWeek", equalTo(2)).body("to.groupHoursPerWeek", equalTo(7.5f));
        get("clinician", PLANS + "/" + id).statusCode(200)
                .body("interventions.id", contains("I1", "I2"))
                .body("interventions.sessionsPerWeek", contains(2, 5))
                .body("modality.weeklyHours", equalTo(9.5f));
        // both, disagreeing: 422 naming modality; neither: 400 naming modality; a bad reference: 400 naming it
        post("clinician", changes, "{\"modality\":" + modality(1, 50, 9, 0) + "," + interventions(intervention("group", 6, 90, null))
                + ",\"reason\":\"x\"}").statusCode(422).body("errors.field", contains("modality"));
        post("clinician", changes, "{\"reason\":\"x\"}").statusCode(400).body("errors.field", contains("modality"));
        post("clinician", changes, "{" + interventions(intervention("group", 7, 90, "\"objectiveIds\":[\"O7\"]")) + ",\"reason\":\"x\"}")
                .statusCode(400).body("errors.field", contains("interventions[0].objectiveIds[0]"));
        assertThat(count(ds, "select count(*) from plan_modality_change where plan_id = ?", UUID.fromString(id))).isEqualTo(2);
    }
}
