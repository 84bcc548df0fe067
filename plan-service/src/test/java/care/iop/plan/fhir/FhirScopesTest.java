package care.iop.plan.fhir;

import static care.iop.plan.fhir.FhirApi.bundle;
import static care.iop.plan.fhir.FhirApi.get;
import static care.iop.plan.fhir.FhirApi.issue;
import static care.iop.plan.fhir.FhirApi.matches;
import static care.iop.plan.fhir.FhirApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.CarePlan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import care.iop.plan.support.PlanFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * SMART scopes on every interaction (a missing scope is a 403 OperationOutcome, nothing stored), roles as the JSON API
 * (schedulers and integrations read no assessments), and patient tokens limited to their own records.
 */
@QuarkusTest
class FhirScopesTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    UUID patient;
    String planId;
    String assessmentId;
    String flagId;

    @BeforeEach
    void records() {
        PlanFixtures fixtures = new PlanFixtures(bootstrap, ds);
        UUID[] ids = fixtures.patientAndClinician();
        patient = ids[0];
        planId = FhirApi.structuredPlan(fixtures, patient, ids[1]);
        var assessment = PlanFixtures.post("clinician", "/api/v1/assessments", "{\"patientId\":\"" + patient + "\",\"instrument\":\"PHQ9\","
                + "\"answers\":[0,0,0,0,0,0,0,0,1],\"takenAt\":\"2026-12-01T15:00:00Z\"}").statusCode(201).extract();
        assessmentId = assessment.path("id");
        flagId = assessment.path("safetyFlagId");
    }

    private String[] reads() {
        return new String[] { "/CarePlan/" + planId, "/CarePlan?patient=" + patient, "/Goal/" + planId + ".G1", "/Goal?patient=" + patient,
                "/Observation/" + assessmentId, "/Observation?patient=" + patient, "/QuestionnaireResponse/" + assessmentId,
                "/QuestionnaireResponse?patient=" + patient, "/Flag/" + flagId, "/Flag?patient=" + patient };
    }

    @ParameterizedTest
    @ValueSource(strings = { "user/Patient.rs", "user/*.c", "", "patient/*.rs" })
    void everyInteractionNeedsAScopeGrantingIt(String scopes) {
        String token = FhirApi.token("clinician", scopes.isEmpty() ? null : scopes);
        for (String path : reads()) {
            Response response = get(token, path);
            assertThat(response.statusCode()).as(scopes + " " + path).isEqualTo(403);
            assertThat(issue(response).getCode().toCode()).isEqualTo("forbidden");
        }
    }

    @Test
    void readScopesAreNotSearchScopesNorCreateScopes() {
        String readOnly = FhirApi.token("clinician", "user/CarePlan.r user/QuestionnaireResponse.rs");
        assertThat(get(readOnly, "/CarePlan/" + planId).statusCode()).isEqualTo(200);
        assertThat(get(readOnly, "/CarePlan?patient=" + patient).statusCode()).isEqualTo(403);
        Response create = post(readOnly, "/QuestionnaireResponse", "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\","
                + "\"questionnaire\":\"http://loinc.org/q/69737-5\",\"subject\":{\"reference\":\"Patient/" + patient + "\"},"
                + "\"authored\":\"2026-12-01T10:00:00Z\",\"item\":[]}");
        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(FhirApi.rows(ds, "select count(*) from assessment where patient_id = ?", patient)).isEqualTo(1);
        assertThat(get(FhirApi.token("clinician", "user/CarePlan.read"), "/CarePlan/" + planId).statusCode()).as("SMART v1").isEqualTo(200);
        String include = "/CarePlan?patient=" + patient + "&_include=CarePlan:goal";
        assertThat(get(FhirApi.token("clinician", "user/CarePlan.s"), include).statusCode()).as("include needs Goal.r").isEqualTo(403);
    }

    @Test
    void rolesStillApply() {
        String ehr = FhirApi.ehr("ehr-scopes", "system/*.rs");
        assertThat(get(ehr, "/CarePlan/" + planId).statusCode()).isEqualTo(200);
        assertThat(get(ehr, "/Goal/" + planId + ".G1").statusCode()).isEqualTo(200);
        for (String path : new String[] { "/Observation/" + assessmentId, "/QuestionnaireResponse?patient=" + patient, "/Flag/" + flagId }) {
            assertThat(get(ehr, path).statusCode()).as("integration " + path).isEqualTo(403);
            assertThat(get(FhirApi.token("scheduler", "user/*.rs"), path).statusCode()).as("scheduler " + path).isEqualTo(403);
        }
        assertThat(get(FhirApi.token("clinician", "system/*.rs"), "/CarePlan/" + planId).statusCode()).as("system/ is for backends")
                .isEqualTo(403);
    }

    @Test
    void aPatientTokenReadsItsOwnRecordsOnly() {
        String own = FhirApi.patient(patient, "patient/*.rs");
        assertThat(get(own, "/CarePlan/" + planId).statusCode()).isEqualTo(200);
        assertThat(get(own, "/Goal/" + planId + ".G1").statusCode()).isEqualTo(200);
        assertThat(get(own, "/Observation/" + assessmentId).statusCode()).isEqualTo(200);
        assertThat(get(own, "/QuestionnaireResponse/" + assessmentId).statusCode()).isEqualTo(200);
        assertThat(matches(bundle(get(own, "/CarePlan")), CarePlan.class)).extracting(CarePlan::getIdPart).containsExactly(planId);
        assertThat(bundle(get(own, "/Observation?category=survey")).getTotal()).isEqualTo(1);
        assertThat(bundle(get(own, "/Goal")).getTotal()).isEqualTo(2);

        String other = FhirApi.patient(UUID.randomUUID(), "patient/*.rs");
        for (String path : new String[] { "/CarePlan/" + planId, "/Goal/" + planId + ".G1", "/Observation/" + assessmentId,
                "/QuestionnaireResponse/" + assessmentId }) {
            Response response = get(other, path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(issue(response).getCode().toCode()).isEqualTo("not-found");
        }
        for (String path : new String[] { "/CarePlan?patient=" + patient, "/Goal?patient=" + patient, "/Observation?patient=" + patient,
                "/QuestionnaireResponse?patient=" + patient, "/QuestionnaireResponse?_id=" + assessmentId }) {
            assertThat(bundle(get(other, path)).getTotal()).as(path).isZero();
        }
        assertThat(get(FhirApi.patient(patient, "user/*.rs"), "/CarePlan/" + planId).statusCode()).as("user/ is for staff").isEqualTo(403);
    }
}
