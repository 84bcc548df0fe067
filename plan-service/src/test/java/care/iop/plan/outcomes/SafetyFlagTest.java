package care.iop.plan.outcomes;

import static care.iop.plan.outcomes.OutcomeFixtures.CLINICIAN;
import static care.iop.plan.outcomes.OutcomeFixtures.body;
import static care.iop.plan.outcomes.OutcomeFixtures.post;
import static care.iop.testing.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.ReadModelProbe;
import care.iop.testing.TestTokens;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * PHQ-9 item 9 above 0 raises a flag with the assessment and publishes it; closing it without a screen (acknowledging) is
 * an admin's exception with a reason; clinicians resolve flags with a screen (care.iop.plan.risk.SafetyFlagResolutionTest).
 */
@QuarkusTest
class SafetyFlagTest {
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);
    private static final OffsetDateTime TAKEN = OffsetDateTime.parse("2026-03-02T10:00:00-05:00");
    private static final String ADMIN = TestTokens.bearer("admin");
    private static final String REASON = "{\"reason\":\"Admitted to inpatient care the same day; screened there.\"}";

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    UUID patient;

    @BeforeEach
    void patient() {
        patient = OutcomeFixtures.knownPatient(bootstrap, ds);
    }

    @Test
    void itemNineAboveZeroRaisesAFlagAndPublishesIt() throws Exception {
        String requestId = "req-" + UUID.randomUUID();
        var response = given().header("Authorization", CLINICIAN).header("X-Request-Id", requestId).contentType("application/json")
                .body(body(patient, "PHQ9", List.of(1, 2, 0, 1, 1, 0, 2, 1, 1), TAKEN))
                .when().post("/api/v1/assessments").then().statusCode(201)
                .body("total", equalTo(9)).body("band", equalTo("MILD")).body("safetyFlag", equalTo(true))
                .body("safetyFlagId", notNullValue()).extract();
        String assessmentId = response.path("id");
        String flagId = response.path("safetyFlagId");
        assertThat(ReadModelProbe.value(ds, "select status from safety_flag where id = ? and assessment_id = ?",
                UUID.fromString(flagId), UUID.fromString(assessmentId))).isEqualTo("OPEN");

        ConsumerRecord<String, String> event = awaitEvent(EventTypes.SAFETY_FLAG_RAISED);
        assertThat(event.key()).isEqualTo(patient.toString());
        assertThat(header(event, "ce_subject")).isEqualTo(patient.toString());
        assertThat(header(event, "ce_source")).isEqualTo("/iop/plan-service");
        assertThat(header(event, "ce_requestid")).isEqualTo(requestId);
        JsonNode payload = EventFixtures.JSON.readTree(event.value());
        assertThat(payload.get("flagId").asText()).isEqualTo(flagId);
        assertThat(payload.get("assessmentId").asText()).isEqualTo(assessmentId);
        assertThat(payload.get("patientId").asText()).isEqualTo(patient.toString());
        assertThat(payload.get("instrument").asText()).isEqualTo("PHQ9");
        assertThat(payload.get("status").asText()).isEqualTo("OPEN");
        assertThat(payload.get("reason").asText()).contains("item 9");

        given().header("Authorization", CLINICIAN).queryParam("status", "open").queryParam("patientId", patient.toString())
                .when().get("/api/v1/assessments/safety-flags").then().statusCode(200)
                .body("items.id", contains(flagId)).body("items[0].status", equalTo("OPEN")).body("total", equalTo(1));
    }

    @Test
    void highestPhq9TotalIsSevereAndFlagged() {
        post(CLINICIAN, body(patient, "PHQ9", List.of(3, 3, 3, 3, 3, 3, 3, 3, 3), TAKEN)).statusCode(201)
                .body("total", equalTo(27)).body("band", equalTo("SEVERE")).body("safetyFlag", equalTo(true));
    }

    @Test
    void noFlagWhenItemNineIsZeroOrForOtherInstruments() {
        post(CLINICIAN, body(patient, "PHQ9", List.of(3, 3, 3, 3, 3, 3, 3, 3, 0), TAKEN)).statusCode(201)
                .body("safetyFlag", equalTo(false));
        post(CLINICIAN, body(patient, "GAD7", List.of(3, 3, 3, 3, 3, 3, 3), TAKEN)).statusCode(201)
                .body("safetyFlag", equalTo(false));
        post(CLINICIAN, body(patient, "AUDIT", List.of(4, 4, 4, 4, 4, 4, 4, 4, 4, 4), TAKEN)).statusCode(201)
                .body("safetyFlag", equalTo(false));
        assertThat(ReadModelProbe.count(ds, "select count(*) from safety_flag where patient_id = ?", patient)).isZero();
        // A later flag for the same key proves nothing was published before it (same partition, in order).
        post(CLINICIAN, body(patient, "PHQ9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 1), TAKEN)).statusCode(201);
        awaitEvent(EventTypes.SAFETY_FLAG_RAISED);
        assertThat(new TopicReader(bootstrap).readByKey(Topics.PLANS, patient)).hasSize(1);
    }

    @Test
    void adminAcknowledgesWithAReasonAndTheFlagLeavesTheOpenList() throws Exception {
        String flagId = raiseFlag();
        String url = "/api/v1/assessments/safety-flags/" + flagId + "/acknowledge";

        given().header("Authorization", ADMIN).contentType("application/json").body("{\"reason\":\"  \"}")
                .when().post(url).then().statusCode(400).body("errors.field", contains("reason"));
        given().header("Authorization", ADMIN).contentType("application/json").body("{}")
                .when().post(url).then().statusCode(400).body("errors.field", contains("reason"));
        // the field was called note before acknowledging became an admin's exception: an old client is told
        given().header("Authorization", ADMIN).contentType("application/json").body("{\"note\":\"the old field\"}")
                .when().post(url).then().statusCode(400).body("errors.field", contains("note"));
        given().header("Authorization", ADMIN).header("If-Match", "\"7\"").contentType("application/json").body(REASON)
                .when().post(url).then().statusCode(412);
        assertThat(ReadModelProbe.value(ds, "select status from safety_flag where id = ?", UUID.fromString(flagId))).isEqualTo("OPEN");

        String etag = given().header("Authorization", CLINICIAN).when().get("/api/v1/assessments/safety-flags/" + flagId)
                .then().statusCode(200).body("status", equalTo("OPEN")).extract().header("ETag");
        given().header("Authorization", ADMIN).header("If-Match", etag).contentType("application/json").body(REASON)
                .when().post(url).then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", equalTo("test-admin"))
                .body("acknowledgementNote", equalTo("Admitted to inpatient care the same day; screened there."))
                .body("acknowledgedAt", notNullValue())
                .body("riskScreenId", nullValue());
        assertThat(ReadModelProbe.count(ds, "select count(*) from audit_event where resource_type = 'SafetyFlag' and resource_id = ?"
                + " and action = 'UPDATE' and subject = 'test-admin'", flagId)).isEqualTo(1);

        ConsumerRecord<String, String> event = awaitEvent(EventTypes.SAFETY_FLAG_ACKNOWLEDGED);
        assertThat(event.key()).isEqualTo(patient.toString());
        JsonNode payload = EventFixtures.JSON.readTree(event.value());
        assertThat(payload.get("flagId").asText()).isEqualTo(flagId);
        assertThat(payload.get("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(payload.get("acknowledgedBy").asText()).isEqualTo("test-admin");
        assertThat(event.value()).doesNotContain("inpatient");

        given().header("Authorization", CLINICIAN).queryParam("status", "open").queryParam("patientId", patient.toString())
                .when().get("/api/v1/assessments/safety-flags").then().statusCode(200).body("items", empty());
        given().header("Authorization", CLINICIAN).queryParam("status", "acknowledged").queryParam("patientId", patient.toString())
                .when().get("/api/v1/assessments/safety-flags").then().statusCode(200).body("items.id", contains(flagId));

        given().header("Authorization", ADMIN).contentType("application/json").body(REASON)
                .when().post(url).then().statusCode(409).contentType("application/problem+json");
        assertThat(new TopicReader(bootstrap).readByKey(Topics.PLANS, patient).stream()
                .filter(r -> EventTypes.SAFETY_FLAG_ACKNOWLEDGED.equals(header(r, "ce_type")))).hasSize(1);
    }

    @Test
    void onlyAnAdminAcknowledgesWithoutAScreen() {
        String flagId = raiseFlag();
        String url = "/api/v1/assessments/safety-flags/" + flagId + "/acknowledge";
        for (String role : new String[] { "clinician", "scheduler", "integration" }) {
            given().header("Authorization", TestTokens.bearer(role)).contentType("application/json").body(REASON)
                    .when().post(url).then().statusCode(403);
        }
        given().header("Authorization", "Bearer " + TestTokens.patient(patient)).contentType("application/json").body(REASON)
                .when().post(url).then().statusCode(403);
        assertThat(ReadModelProbe.value(ds, "select status from safety_flag where id = ?", UUID.fromString(flagId))).isEqualTo("OPEN");
    }

    @Test
    void unknownFlagAndBadStatusFilter() {
        given().header("Authorization", ADMIN).contentType("application/json").body(REASON)
                .when().post("/api/v1/assessments/safety-flags/" + UUID.randomUUID() + "/acknowledge").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", CLINICIAN).queryParam("status", "closed")
                .when().get("/api/v1/assessments/safety-flags").then().statusCode(400).body("errors.field", contains("status"));
    }

    @Test
    void selfReportedFlagIsRaisedToo() {
        post("Bearer " + TestTokens.patient(patient), body(patient, "PHQ9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 2), TAKEN))
                .statusCode(201).body("safetyFlag", equalTo(true)).body("source", equalTo("SELF_REPORT"));
        awaitEvent(EventTypes.SAFETY_FLAG_RAISED);
    }

    private String raiseFlag() {
        return post(CLINICIAN, body(patient, "PHQ9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 1), TAKEN)).statusCode(201)
                .extract().path("safetyFlagId");
    }

    private ConsumerRecord<String, String> awaitEvent(String type) {
        TopicReader reader = new TopicReader(bootstrap);
        return await().atMost(EVENT_TIMEOUT).until(() -> reader.readByKey(Topics.PLANS, patient).stream()
                .filter(r -> type.equals(header(r, "ce_type"))).findFirst().orElse(null), java.util.Objects::nonNull);
    }
}
