package care.iop.plan.fhir;

import static care.iop.plan.fhir.FhirApi.bundle;
import static care.iop.plan.fhir.FhirApi.clinician;
import static care.iop.plan.fhir.FhirApi.get;
import static care.iop.plan.fhir.FhirApi.included;
import static care.iop.plan.fhir.FhirApi.issue;
import static care.iop.plan.fhir.FhirApi.matches;
import static care.iop.plan.fhir.FhirApi.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.plan.support.PlanFixtures;
import care.iop.plan.support.ValidFhir;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The Observation searches US Core requires (patient+category, patient+code, patient+category+date) and the
 * QuestionnaireResponse ones (_id, patient, questionnaire, authored), with status, _lastUpdated, paging, vread and
 * _include=Observation:derived-from, over a PHQ-9 on 1 November and a GAD-7 on 15 November.
 */
@QuarkusTest
class SearchAssessmentsFhirTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    UUID patient;
    String phq9;
    String gad7;

    @BeforeEach
    void assessments() {
        patient = new PlanFixtures(bootstrap, ds).patientAndClinician()[0];
        phq9 = record("PHQ9", List.of(1, 1, 1, 1, 1, 1, 1, 1, 0), "2026-11-01T15:00:00Z");
        gad7 = record("GAD7", List.of(2, 2, 2, 2, 2, 2, 2), "2026-11-15T15:00:00Z");
    }

    private String record(String instrument, List<Integer> answers, String takenAt) {
        return PlanFixtures.post("clinician", "/api/v1/assessments", "{\"patientId\":\"" + patient + "\",\"instrument\":\"" + instrument
                + "\",\"answers\":" + answers + ",\"takenAt\":\"" + takenAt + "\"}").statusCode(201).extract().path("id");
    }

    private List<String> observations(String query) {
        Bundle bundle = bundle(get(clinician(), "/Observation?" + query));
        return matches(bundle, Observation.class).stream().map(Observation::getIdPart).toList();
    }

    private List<String> responses(String query) {
        return matches(bundle(get(clinician(), "/QuestionnaireResponse?" + query)), QuestionnaireResponse.class).stream()
                .map(QuestionnaireResponse::getIdPart).toList();
    }

    @Test
    void observationsByPatientAndCategory() {
        Bundle bundle = bundle(get(clinician(), "/Observation?patient=Patient/" + patient + "&category=survey"));

        assertThat(bundle.getTotal()).isEqualTo(2);
        assertThat(matches(bundle, Observation.class)).extracting(Observation::getIdPart).containsExactly(phq9, gad7);
        matches(bundle, Observation.class).forEach(ValidFhir::assertValid);
        assertThat(observations("patient=" + patient + "&category=http://terminology.hl7.org/CodeSystem/observation-category|survey"))
                .hasSize(2);
        assertThat(observations("patient=" + patient + "&category=laboratory")).isEmpty();
        assertThat(observations("patient=" + patient + "&category=survey&status=final")).hasSize(2);
        assertThat(observations("patient=" + patient + "&status=preliminary")).isEmpty();
    }

    @Test
    void observationsByPatientAndCode() {
        assertThat(observations("patient=" + patient + "&code=http://loinc.org|44261-6")).containsExactly(phq9);
        assertThat(observations("patient=" + patient + "&code=70274-6")).containsExactly(gad7);
        assertThat(observations("patient=" + patient + "&code=44261-6,70274-6")).containsExactly(phq9, gad7);
        assertThat(observations("patient=" + patient + "&code=http://snomed.info/sct|44261-6")).isEmpty();
        assertThat(observations("patient=" + patient + "&code=75624-7")).isEmpty();
    }

    @Test
    void observationsByPatientCategoryAndDate() {
        String query = "patient=" + patient + "&category=survey&date=";
        assertThat(observations(query + "ge2026-11-10")).containsExactly(gad7);
        assertThat(observations(query + "lt2026-11-10")).containsExactly(phq9);
        assertThat(observations(query + "2026-11")).containsExactly(phq9, gad7);
        assertThat(observations(query + "2026-11-01")).containsExactly(phq9);
        assertThat(observations(query + "ge2026-11-02&date=le2026-11-14")).isEmpty();
        assertThat(observations(query + "ge2026-11-01T15:00:00Z&date=lt2026-11-15T15:00:00Z")).containsExactly(phq9);
    }

    @Test
    void lastUpdatedIsWhenRecorded() {
        String hourAgo = Instant.now().minusSeconds(3600).toString();
        assertThat(observations("patient=" + patient + "&_lastUpdated=ge" + hourAgo)).hasSize(2);
        assertThat(observations("patient=" + patient + "&_lastUpdated=lt" + hourAgo)).isEmpty();
        assertThat(responses("patient=" + patient + "&_lastUpdated=ge" + hourAgo)).hasSize(2);
    }

    @Test
    void includeDerivedFromBringsTheResponses() {
        Bundle bundle = bundle(get(clinician(), "/Observation?patient=" + patient + "&code=44261-6&_include=Observation:derived-from"));

        assertThat(matches(bundle, Observation.class)).hasSize(1);
        assertThat(included(bundle)).singleElement().satisfies(r -> {
            assertThat(r).isInstanceOf(QuestionnaireResponse.class);
            assertThat(r.getIdPart()).isEqualTo(phq9);
        });
        ValidFhir.assertValid(included(bundle).get(0));
    }

    @Test
    void responsesByIdPatientQuestionnaireAndAuthored() {
        assertThat(responses("_id=" + gad7)).containsExactly(gad7);
        assertThat(responses("_id=not-ours")).isEmpty();
        assertThat(responses("patient=" + patient)).containsExactly(phq9, gad7);
        assertThat(responses("patient=" + patient + "&questionnaire=http://loinc.org/q/69737-5")).containsExactly(gad7);
        assertThat(responses("patient=" + patient + "&questionnaire=http://loinc.org/q/44249-1|2.74")).containsExactly(phq9);
        assertThat(responses("patient=" + patient + "&authored=ge2026-11-10")).containsExactly(gad7);
        assertThat(responses("patient=" + patient + "&status=completed")).hasSize(2);
        assertThat(responses("patient=" + patient + "&status=in-progress")).isEmpty();
        Bundle page = bundle(get(clinician(), "/QuestionnaireResponse?patient=" + patient + "&_count=1"));
        assertThat(page.getTotal()).isEqualTo(2);
        assertThat(FhirApi.link(page, "next")).contains("_offset=1");
        matches(page, QuestionnaireResponse.class).forEach(ValidFhir::assertValid);
    }

    @Test
    void assessmentSearchesNeedThePatient() {
        for (String path : new String[] { "/Observation?code=44261-6", "/QuestionnaireResponse?status=completed" }) {
            Response response = get(clinician(), path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(issue(response).getExpression().get(0).getValue()).isEqualTo("patient");
        }
    }

    @Test
    void vreadOfAnAssessmentsOneVersion() {
        assertThat(get(clinician(), "/Observation/" + phq9 + "/_history/0").statusCode()).isEqualTo(200);
        assertThat(get(clinician(), "/Observation/" + phq9 + "/_history/1").statusCode()).isEqualTo(404);
        assertThat(resource(get(clinician(), "/QuestionnaireResponse/" + phq9 + "/_history/0"), QuestionnaireResponse.class).getIdPart())
                .isEqualTo(phq9);
        assertThat(get(clinician(), "/QuestionnaireResponse/" + phq9 + "/_history/2").statusCode()).isEqualTo(404);
        assertThat(get(clinician(), "/Observation/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }
}
