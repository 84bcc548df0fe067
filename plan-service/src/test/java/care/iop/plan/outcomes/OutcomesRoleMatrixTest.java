package care.iop.plan.outcomes;

import static care.iop.plan.outcomes.OutcomeFixtures.answersWithTotal;
import static care.iop.plan.outcomes.OutcomeFixtures.body;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.support.ReadModelProbe;
import care.iop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Who may do what: clinician and admin everything (acknowledging a flag without a screen is admin-only, see SafetyFlagTest);
 * patient submits and reads only its own assessments (another's: 404) and nothing else; scheduler and
 * integration nothing; no token 401.
 */
@QuarkusTest
class OutcomesRoleMatrixTest {
    private static final OffsetDateTime TAKEN = OffsetDateTime.parse("2026-03-02T10:00:00Z");

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    UUID patient;
    UUID otherPatient;
    String assessmentId;
    String flagId;

    @BeforeEach
    void data() {
        patient = OutcomeFixtures.knownPatient(bootstrap, ds);
        otherPatient = OutcomeFixtures.knownPatient(bootstrap, ds);
        assessmentId = OutcomeFixtures.record(patient, Instrument.PHQ9, answersWithTotal(Instrument.PHQ9, 5), TAKEN);
        flagId = OutcomeFixtures.post(OutcomeFixtures.CLINICIAN, body(otherPatient, "PHQ9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 1), TAKEN))
                .statusCode(201).extract().path("safetyFlagId");
    }

    @Test
    void staffRoles() {
        for (String role : List.of("clinician", "admin")) {
            String token = TestTokens.bearer(role);
            submit(token, patient).then().statusCode(201);
            as(token).queryParam("patientId", patient.toString()).get("/api/v1/assessments").then().statusCode(200);
            as(token).get("/api/v1/assessments/" + assessmentId).then().statusCode(200);
            as(token).queryParam("status", "open").get("/api/v1/assessments/safety-flags").then().statusCode(200);
            as(token).get("/api/v1/assessments/safety-flags/" + flagId).then().statusCode(200);
            as(token).queryParam("instrument", "PHQ9").get("/api/v1/outcomes/modality-comparison").then().statusCode(200);
            as(token).get("/api/v1/outcomes/modality-comparison/chart").then().statusCode(200);
        }
    }

    @Test
    void patientOnlyOwnAssessments() {
        String token = "Bearer " + TestTokens.patient(patient);
        submit(token, patient).then().statusCode(201);
        as(token).get("/api/v1/assessments").then().statusCode(200)
                .body("items.patientId", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo(patient.toString())));
        as(token).queryParam("patientId", patient.toString()).get("/api/v1/assessments").then().statusCode(200);
        as(token).get("/api/v1/assessments/" + assessmentId).then().statusCode(200);

        String foreignId = OutcomeFixtures.record(otherPatient, Instrument.GAD7, answersWithTotal(Instrument.GAD7, 3), TAKEN);
        long before = ReadModelProbe.count(ds, "select count(*) from assessment where patient_id = ?", otherPatient);
        submit(token, otherPatient).then().statusCode(404).contentType("application/problem+json");
        assertThat(ReadModelProbe.count(ds, "select count(*) from assessment where patient_id = ?", otherPatient)).isEqualTo(before);
        as(token).queryParam("patientId", otherPatient.toString()).get("/api/v1/assessments").then().statusCode(404);
        as(token).get("/api/v1/assessments/" + foreignId).then().statusCode(404);

        as(token).get("/api/v1/assessments/safety-flags").then().statusCode(403);
        as(token).get("/api/v1/assessments/safety-flags/" + flagId).then().statusCode(403);
        as(token).queryParam("instrument", "PHQ9").get("/api/v1/outcomes/modality-comparison").then().statusCode(403);
        as(token).get("/api/v1/outcomes/modality-comparison/chart").then().statusCode(403);
    }

    @Test
    void schedulerAndIntegrationAreRefused() {
        for (String role : List.of("scheduler", "integration")) {
            String token = TestTokens.bearer(role);
            submit(token, patient).then().statusCode(403).contentType("application/problem+json");
            as(token).queryParam("patientId", patient.toString()).get("/api/v1/assessments").then().statusCode(403);
            as(token).get("/api/v1/assessments/" + assessmentId).then().statusCode(403);
            as(token).get("/api/v1/assessments/safety-flags").then().statusCode(403);
            as(token).queryParam("instrument", "PHQ9").get("/api/v1/outcomes/modality-comparison").then().statusCode(403);
            as(token).get("/api/v1/outcomes/modality-comparison/chart").then().statusCode(403);
        }
        assertThat(ReadModelProbe.count(ds, "select count(*) from assessment where patient_id = ?", patient)).isEqualTo(1);
    }

    @Test
    void noTokenIsUnauthorized() {
        given().contentType("application/json").body(body(patient, "PHQ9", answersWithTotal(Instrument.PHQ9, 1), TAKEN))
                .post("/api/v1/assessments").then().statusCode(401);
        given().get("/api/v1/assessments/" + assessmentId).then().statusCode(401);
        given().get("/api/v1/assessments/safety-flags").then().statusCode(401);
        given().get("/api/v1/outcomes/modality-comparison?instrument=PHQ9").then().statusCode(401);
    }

    @Test
    void readsAndWritesAreAudited() {
        given().header("Authorization", TestTokens.bearer("admin")).get("/api/v1/assessments/" + assessmentId).then().statusCode(200);
        assertThat(ReadModelProbe.count(ds, "select count(*) from audit_event where action = 'READ' and resource_type = 'Assessment'"
                + " and resource_id = ? and patient_id = ? and subject = 'test-admin' and outcome = 'SUCCESS'", assessmentId, patient)).isEqualTo(1);
        assertThat(ReadModelProbe.count(ds, "select count(*) from audit_event where action = 'CREATE' and resource_type = 'Assessment'"
                + " and resource_id = ? and patient_id = ?", assessmentId, patient)).isEqualTo(1);
        given().header("Authorization", TestTokens.bearer("scheduler")).get("/api/v1/assessments/" + assessmentId).then().statusCode(403);
        assertThat(ReadModelProbe.count(ds, "select count(*) from audit_event where outcome = 'DENIED' and resource_id = ?",
                "/api/v1/assessments/" + assessmentId)).isEqualTo(1);
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", token);
    }

    private static io.restassured.response.Response submit(String token, UUID forPatient) {
        return given().header("Authorization", token).contentType("application/json")
                .body(body(forPatient, "PHQ9", answersWithTotal(Instrument.PHQ9, 2), TAKEN)).post("/api/v1/assessments");
    }
}
