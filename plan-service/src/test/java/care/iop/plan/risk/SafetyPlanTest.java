package care.iop.plan.risk;

import static care.iop.plan.risk.RiskFixtures.ADMIN;
import static care.iop.plan.risk.RiskFixtures.CLINICIAN;
import static care.iop.plan.risk.RiskFixtures.PLANS;
import static care.iop.plan.risk.RiskFixtures.planBody;
import static care.iop.plan.risk.RiskFixtures.postPlan;
import static care.iop.plan.support.ReadModelProbe.count;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import care.iop.events.EventTypes;
import care.iop.plan.support.EventFixtures;
import care.iop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Safety plans: recorded by staff with every Stanley-Brown section and a crisis line (988 added when none is named),
 * versioned, read by the patient with its own token and by nobody else outside the clinical staff.
 */
@QuarkusTest
class SafetyPlanTest {
    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    UUID patient;

    @BeforeEach
    void patient() {
        patient = RiskFixtures.knownPatient(bootstrap, ds);
    }

    @Test
    void recordedWithEverySectionAnd988AddedWhenNoCrisisLineIsNamed() throws Exception {
        String screen = RiskFixtures.screen(patient, null, RiskFixtures.BEHAVIOUR, false);
        var created = postPlan(CLINICIAN, planBody(patient, screen, "[{\"name\":\"Dr. Lee\",\"phone\":\"555-0199\",\"crisisLine\":false}]"))
                .statusCode(201).body("planVersion", equalTo(1)).body("supersedesId", nullValue()).body("screenId", equalTo(screen))
                .body("warningSigns", contains("Not sleeping")).body("internalCopingStrategies", contains("Going for a run"))
                .body("peopleAndPlacesForDistraction", contains("Coffee shop on Main Street"))
                .body("peopleToAskForHelp.name", contains("Ana (sister)"))
                .body("professionalsAndCrisisLines.phone", contains("555-0199", "988"))
                .body("professionalsAndCrisisLines.crisisLine", contains(false, true))
                .body("makingTheEnvironmentSafe", contains("Medications kept by Ana")).body("reasonsForLiving", contains("My daughter"))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(PLANS + "/" + id);
        assertThat(RiskFixtures.audited(ds, "SafetyPlan", id, "CREATE")).isEqualTo(1);

        ConsumerRecord<String, String> event = RiskFixtures.awaitEvent(bootstrap, patient, EventTypes.SAFETY_PLAN_RECORDED);
        JsonNode payload = EventFixtures.JSON.readTree(event.value());
        assertThat(payload.get("safetyPlanId").asText()).isEqualTo(id);
        assertThat(payload.get("planVersion").asInt()).isEqualTo(1);
        assertThat(event.value()).as("ids only, never the content").doesNotContain("Not sleeping", "Ana", "988", "daughter");
    }

    @Test
    void aNamedCrisisLineIsKeptAsGiven() {
        postPlan(CLINICIAN, planBody(patient, null, "[{\"name\":\"County crisis team\",\"phone\":\"555-0911\",\"crisisLine\":true}]"))
                .statusCode(201).body("professionalsAndCrisisLines.phone", contains("555-0911"));
    }

    @Test
    void aNewPlanSupersedesThePreviousOne() {
        String first = RiskFixtures.safetyPlan(patient, null);
        String second = postPlan(ADMIN, planBody(patient, null, "[]")).statusCode(201).body("planVersion", equalTo(2))
                .body("supersedesId", equalTo(first)).extract().path("id");
        given().header("Authorization", CLINICIAN).when().get("/api/v1/patients/" + patient + "/safety-plan").then().statusCode(200)
                .body("id", equalTo(second)).body("planVersion", equalTo(2));
        given().header("Authorization", CLINICIAN).when().get(PLANS + "/" + first).then().statusCode(200).body("planVersion", equalTo(1));
    }

    @Test
    void thePatientReadsItsOwnPlanWithItsOwnToken() {
        String id = RiskFixtures.safetyPlan(patient, null);
        String own = "Bearer " + TestTokens.patient(patient);
        given().header("Authorization", own).when().get("/api/v1/patients/" + patient + "/safety-plan").then().statusCode(200)
                .body("id", equalTo(id)).body("reasonsForLiving", contains("My daughter"))
                .body("professionalsAndCrisisLines.phone", hasItem("988"));
        given().header("Authorization", own).when().get(PLANS + "/" + id).then().statusCode(200).body("id", equalTo(id));
        assertThat(RiskFixtures.audited(ds, "SafetyPlan", id, "READ")).isEqualTo(2);
    }

    @Test
    void anotherPatientIsRefusedAsIfThePlanDidNotExist() {
        String id = RiskFixtures.safetyPlan(patient, null);
        UUID other = UUID.randomUUID();
        String othersToken = "Bearer " + TestTokens.patient(other);
        given().header("Authorization", othersToken).when().get("/api/v1/patients/" + patient + "/safety-plan").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", othersToken).when().get(PLANS + "/" + id).then().statusCode(404);
        assertThat(count(ds, "select count(*) from audit_event where patient_id = ? and outcome = 'DENIED' and subject = ?", patient,
                "test-patient-" + other)).isEqualTo(2);
        given().header("Authorization", othersToken).contentType("application/json").body(planBody(other, null, "[]"))
                .when().post(PLANS).then().statusCode(403);
    }

    @Test
    void schedulersAndIntegrationsAreRefused() {
        String id = RiskFixtures.safetyPlan(patient, null);
        for (String role : new String[] { "scheduler", "integration" }) {
            String token = TestTokens.bearer(role);
            given().header("Authorization", token).when().get(PLANS + "/" + id).then().statusCode(403);
            given().header("Authorization", token).when().get("/api/v1/patients/" + patient + "/safety-plan").then().statusCode(403);
            postPlan(token, planBody(patient, null, "[]")).statusCode(403);
        }
        assertThat(count(ds, "select count(*) from safety_plan where patient_id = ?", patient)).isEqualTo(1);
    }

    @Test
    void badPlansAreRefusedNamingTheField() {
        postPlan(CLINICIAN, planBody(patient, null, "[]").replace("\"reasonsForLiving\":[\"My daughter\"]", "\"reasonsForLiving\":null"))
                .statusCode(400).contentType("application/problem+json").body("errors.field", contains("reasonsForLiving"));
        postPlan(CLINICIAN, planBody(patient, null, "[{\"name\":\"\",\"phone\":\"988\",\"crisisLine\":true}]")).statusCode(400);
        String othersScreen = RiskFixtures.screen(RiskFixtures.knownPatient(bootstrap, ds), null, RiskFixtures.LOW, null);
        postPlan(CLINICIAN, planBody(patient, othersScreen, "[]")).statusCode(422).body("errors.field", contains("screenId"));
        given().header("Authorization", CLINICIAN).when().get("/api/v1/patients/" + patient + "/safety-plan").then().statusCode(404);
        assertThat(count(ds, "select count(*) from safety_plan where patient_id = ?", patient)).isZero();
    }
}
