package care.iop.plan.risk;

import static care.iop.plan.risk.RiskFixtures.ADMIN;
import static care.iop.plan.risk.RiskFixtures.CLINICIAN;
import static care.iop.plan.risk.RiskFixtures.resolution;
import static care.iop.plan.risk.RiskFixtures.resolve;
import static care.iop.plan.support.ReadModelProbe.count;
import static care.iop.plan.support.ReadModelProbe.value;
import static care.iop.testing.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.plan.support.EventFixtures;
import care.iop.testing.TestTokens;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Closing a flag: with a screen of the flag's patient, and a safety plan of that patient when the risk is moderate or
 * high; 422 naming the field otherwise, 409 once closed; RESOLVED with the links and an event.
 */
@QuarkusTest
class SafetyFlagResolutionTest {
    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    UUID patient;
    String flagId;

    @BeforeEach
    void flag() {
        patient = RiskFixtures.knownPatient(bootstrap, ds);
        flagId = RiskFixtures.raiseFlag(patient);
    }

    @Test
    void moderateRiskNeedsASafetyPlan() throws Exception {
        String screen = RiskFixtures.screen(patient, flagId, RiskFixtures.BEHAVIOUR, false);
        resolve(CLINICIAN, flagId, resolution(screen, null)).statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("safetyPlanId"));
        assertThat(status()).isEqualTo("OPEN");

        String plan = RiskFixtures.safetyPlan(patient, screen);
        resolve(CLINICIAN, flagId, resolution(screen, plan)).statusCode(200).body("status", equalTo("RESOLVED"))
                .body("riskScreenId", equalTo(screen)).body("safetyPlanId", equalTo(plan)).body("resolvedBy", equalTo("test-clinician"))
                .body("resolvedAt", notNullValue()).body("overdue", equalTo(false)).body("acknowledgedAt", nullValue());
        assertThat(value(ds, "select risk_screen_id::text || ' ' || safety_plan_id::text from safety_flag where id = ? and status = 'RESOLVED'",
                UUID.fromString(flagId))).isEqualTo(screen + " " + plan);
        assertThat(RiskFixtures.audited(ds, "SafetyFlag", flagId, "UPDATE")).isEqualTo(1);

        JsonNode payload = EventFixtures.JSON.readTree(RiskFixtures.awaitEvent(bootstrap, patient, EventTypes.SAFETY_FLAG_RESOLVED).value());
        assertThat(payload.get("flagId").asText()).isEqualTo(flagId);
        assertThat(payload.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(payload.get("riskScreenId").asText()).isEqualTo(screen);
        assertThat(payload.get("safetyPlanId").asText()).isEqualTo(plan);

        resolve(CLINICIAN, flagId, resolution(screen, plan)).statusCode(409).contentType("application/problem+json");
        RiskFixtures.acknowledge(ADMIN, flagId).statusCode(409);
        assertThat(new TopicReader(bootstrap).readByKey(Topics.PLANS, patient).stream()
                .filter(r -> EventTypes.SAFETY_FLAG_RESOLVED.equals(header(r, "ce_type")))).hasSize(1);
    }

    @Test
    void highRiskNeedsASafetyPlanToo() {
        String screen = RiskFixtures.screen(patient, flagId, RiskFixtures.INTENT, null);
        resolve(CLINICIAN, flagId, resolution(screen, null)).statusCode(422).body("errors.field", contains("safetyPlanId"));
        assertThat(status()).isEqualTo("OPEN");
    }

    @Test
    void lowRiskResolvesWithTheScreenAlone() {
        String screen = RiskFixtures.screen(patient, flagId, RiskFixtures.LOW, null);
        resolve(ADMIN, flagId, resolution(screen, null)).statusCode(200).body("status", equalTo("RESOLVED"))
                .body("safetyPlanId", nullValue()).body("resolvedBy", equalTo("test-admin"));
    }

    @Test
    void aScreenOrPlanOfAnotherPatientIsRefusedNamingTheField() {
        UUID other = RiskFixtures.knownPatient(bootstrap, ds);
        String othersScreen = RiskFixtures.screen(other, null, RiskFixtures.LOW, null);
        resolve(CLINICIAN, flagId, resolution(othersScreen, null)).statusCode(422).body("errors.field", contains("screenId"));
        resolve(CLINICIAN, flagId, resolution(UUID.randomUUID().toString(), null)).statusCode(422).body("errors.field", contains("screenId"));

        String screen = RiskFixtures.screen(patient, flagId, RiskFixtures.BEHAVIOUR, true);
        String othersPlan = RiskFixtures.safetyPlan(other, null);
        resolve(CLINICIAN, flagId, resolution(screen, othersPlan)).statusCode(422).body("errors.field", contains("safetyPlanId"));
        resolve(CLINICIAN, flagId, "{}").statusCode(400).body("errors.field", contains("screenId"));
        assertThat(status()).isEqualTo("OPEN");
        assertThat(count(ds, "select count(*) from safety_flag where id = ? and risk_screen_id is not null", UUID.fromString(flagId))).isZero();
    }

    @Test
    void onlyClinicalStaffResolve() {
        String screen = RiskFixtures.screen(patient, flagId, RiskFixtures.LOW, null);
        for (String token : new String[] { TestTokens.bearer("scheduler"), TestTokens.bearer("integration"),
                "Bearer " + TestTokens.patient(patient) }) {
            resolve(token, flagId, resolution(screen, null)).statusCode(403);
        }
        resolve(CLINICIAN, UUID.randomUUID().toString(), resolution(screen, null)).statusCode(404);
        assertThat(status()).isEqualTo("OPEN");
    }

    private Object status() {
        return value(ds, "select status from safety_flag where id = ?", UUID.fromString(flagId));
    }
}
