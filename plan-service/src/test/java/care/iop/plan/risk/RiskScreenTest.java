package care.iop.plan.risk;

import static care.iop.plan.risk.RiskFixtures.ADMIN;
import static care.iop.plan.risk.RiskFixtures.CLINICIAN;
import static care.iop.plan.risk.RiskFixtures.INTENT;
import static care.iop.plan.risk.RiskFixtures.LOW;
import static care.iop.plan.risk.RiskFixtures.SCREENS;
import static care.iop.plan.risk.RiskFixtures.postScreen;
import static care.iop.plan.risk.RiskFixtures.screenBody;
import static care.iop.plan.support.ReadModelProbe.count;
import static care.iop.plan.support.ReadModelProbe.value;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
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

/** POST /api/v1/risk-screens: scored, stored, audited, published; refused with the field named; a HIGH risk raises an URGENT flag. */
@QuarkusTest
class RiskScreenTest {
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
    void recordsReadsAndListsAScreen() throws Exception {
        String flagId = RiskFixtures.raiseFlag(patient);
        var created = postScreen(CLINICIAN, screenBody(patient, flagId, LOW, null)).statusCode(201)
                .body("risk", equalTo("LOW")).body("safetyPlanNeeded", equalTo(false)).body("flagId", equalTo(flagId))
                .body("answers", contains(true, true, false, false, false, false)).body("urgentFlagId", nullValue())
                .body("recordedBy", equalTo("test-clinician")).extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(SCREENS + "/" + id);
        assertThat(value(ds, "select risk from risk_screen where id = ? and patient_id = ?", UUID.fromString(id), patient)).isEqualTo("LOW");
        assertThat(RiskFixtures.audited(ds, "RiskScreen", id, "CREATE")).isEqualTo(1);

        given().header("Authorization", ADMIN).when().get(SCREENS + "/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("risk", equalTo("LOW"));
        assertThat(RiskFixtures.audited(ds, "RiskScreen", id, "READ")).isEqualTo(1);
        given().header("Authorization", CLINICIAN).queryParam("patientId", patient.toString()).when().get(SCREENS).then().statusCode(200)
                .body("items.id", contains(id)).body("total", equalTo(1));

        ConsumerRecord<String, String> event = RiskFixtures.awaitEvent(bootstrap, patient, EventTypes.RISK_SCREEN_RECORDED);
        JsonNode payload = EventFixtures.JSON.readTree(event.value());
        assertThat(payload.get("screenId").asText()).isEqualTo(id);
        assertThat(payload.get("flagId").asText()).isEqualTo(flagId);
        assertThat(payload.get("risk").asText()).isEqualTo("LOW");
        assertThat(payload.hasNonNull("urgentFlagId")).isFalse();
    }

    @Test
    void behaviourLongerAgoIsModerateAndNeedsAPlan() {
        postScreen(CLINICIAN, screenBody(patient, null, RiskFixtures.BEHAVIOUR, false)).statusCode(201)
                .body("risk", equalTo("MODERATE")).body("safetyPlanNeeded", equalTo(true)).body("withinPastThreeMonths", equalTo(false));
        assertThat(count(ds, "select count(*) from safety_flag where patient_id = ? and kind = 'URGENT'", patient)).isZero();
    }

    @Test
    void badAnswersAreRefusedNamingTheFieldAndNothingIsStored() {
        postScreen(CLINICIAN, screenBody(patient, null, List.of(true, false, false, false, false), null)).statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("answers"));
        postScreen(CLINICIAN, screenBody(patient, null, List.of(false, false, false, false, false, true), null)).statusCode(400)
                .body("errors.field", contains("withinPastThreeMonths"));
        postScreen(CLINICIAN, screenBody(patient, null, List.of(false, false, false, false, false, false), true)).statusCode(400)
                .body("errors.field", contains("withinPastThreeMonths"));
        postScreen(CLINICIAN, "{\"patientId\":\"" + patient + "\",\"answers\":[false,false,false,false,false,false]}").statusCode(400)
                .body("errors.field", contains("takenAt"));
        postScreen(CLINICIAN, screenBody(patient, null, List.of(true, false, false, false, false, false), null)
                .replace("\"takenAt\":\"", "\"takenAt\":\"2099")).statusCode(400);
        assertThat(count(ds, "select count(*) from risk_screen where patient_id = ?", patient)).isZero();
    }

    @Test
    void aFlagOfAnotherPatientIsRefusedNamingFlagId() {
        String othersFlag = RiskFixtures.raiseFlag(RiskFixtures.knownPatient(bootstrap, ds));
        postScreen(CLINICIAN, screenBody(patient, othersFlag, LOW, null)).statusCode(422).body("errors.field", contains("flagId"));
        postScreen(CLINICIAN, screenBody(patient, UUID.randomUUID().toString(), LOW, null)).statusCode(422)
                .body("errors.field", contains("flagId"));
        assertThat(count(ds, "select count(*) from risk_screen where patient_id = ?", patient)).isZero();
    }

    @Test
    void schedulersIntegrationsAndPatientsAreRefused() {
        String id = RiskFixtures.screen(patient, null, LOW, null);
        for (String token : new String[] { TestTokens.bearer("scheduler"), TestTokens.bearer("integration"),
                "Bearer " + TestTokens.patient(patient) }) {
            postScreen(token, screenBody(patient, null, LOW, null)).statusCode(403);
            given().header("Authorization", token).when().get(SCREENS + "/" + id).then().statusCode(403);
            given().header("Authorization", token).queryParam("patientId", patient.toString()).when().get(SCREENS).then().statusCode(403);
        }
        given().when().get(SCREENS + "/" + id).then().statusCode(401);
        assertThat(count(ds, "select count(*) from risk_screen where patient_id = ?", patient)).isEqualTo(1);
    }

    @Test
    void highRiskRaisesAnUrgentFlagForTheOnCallRole() throws Exception {
        String id = postScreen(CLINICIAN, screenBody(patient, null, INTENT, null)).statusCode(201).body("risk", equalTo("HIGH"))
                .extract().path("id");
        Object urgent = value(ds, "select id from safety_flag where source_screen_id = ? and kind = 'URGENT' and status = 'OPEN'"
                + " and assigned_role = 'on-call' and reason = 'C-SSRS high risk'", UUID.fromString(id));
        assertThat(urgent).isNotNull();

        ConsumerRecord<String, String> raised = RiskFixtures.awaitEvent(bootstrap, patient, EventTypes.SAFETY_FLAG_RAISED);
        JsonNode payload = EventFixtures.JSON.readTree(raised.value());
        assertThat(payload.get("flagId").asText()).isEqualTo(urgent.toString());
        assertThat(payload.get("kind").asText()).isEqualTo("URGENT");
        assertThat(payload.get("assignedRole").asText()).isEqualTo("on-call");
        assertThat(payload.get("sourceScreenId").asText()).isEqualTo(id);
        JsonNode recorded = EventFixtures.JSON.readTree(RiskFixtures.awaitEvent(bootstrap, patient, EventTypes.RISK_SCREEN_RECORDED).value());
        assertThat(recorded.get("urgentFlagId").asText()).isEqualTo(urgent.toString());

        given().header("Authorization", RiskFixtures.onCallClinician()).queryParam("size", 100)
                .when().get(RiskFixtures.FLAGS + "/urgent").then().statusCode(200)
                .body("items.findAll { it.patientId == '" + patient + "' }.id", contains(urgent.toString()))
                .body("items.findAll { it.patientId == '" + patient + "' }.kind", contains("URGENT"));
        given().header("Authorization", CLINICIAN).when().get(RiskFixtures.FLAGS + "/urgent").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("scheduler")).when().get(RiskFixtures.FLAGS + "/urgent").then().statusCode(403);
        given().header("Authorization", CLINICIAN).queryParam("patientId", patient.toString()).queryParam("kind", "urgent")
                .when().get(RiskFixtures.FLAGS).then().statusCode(200).body("items.id", contains(urgent.toString()));

        // on the worklist of the clinician on call (its own token carries the role), not on another clinician's
        UUID onCall = UUID.randomUUID();
        given().header("Authorization", RiskFixtures.onCallClinician(onCall)).when().get("/api/v1/worklists/clinicians/" + onCall + "/plan-items")
                .then().statusCode(200)
                .body("items.findAll { it.resourceId == '" + urgent + "' }.kind", contains("URGENT_SAFETY_FLAG"))
                .body("items.findAll { it.resourceId == '" + urgent + "' }.action.href",
                        contains("/api/v1/assessments/safety-flags/" + urgent + "/resolution"));
        UUID offCall = UUID.randomUUID();
        given().header("Authorization", "Bearer " + TestTokens.clinician(offCall)).when().get("/api/v1/worklists/clinicians/" + offCall + "/plan-items")
                .then().statusCode(200).body("items.findAll { it.resourceId == '" + urgent + "' }", empty());
    }
}
