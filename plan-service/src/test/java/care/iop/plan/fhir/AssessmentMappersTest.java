package care.iop.plan.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;

import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import care.iop.plan.fhir.mapping.QuestionnaireResponseMapper;
import care.iop.plan.fhir.mapping.ScreeningObservationMapper;
import care.iop.plan.outcomes.domain.Assessment;
import care.iop.plan.outcomes.domain.Instrument;

/** An assessment as a US Core QuestionnaireResponse (the answers) and a screening Observation (the total) derived from it. */
class AssessmentMappersTest {

    @ParameterizedTest
    @CsvSource({ "PHQ9,44261-6,http://loinc.org/q/44249-1", "GAD7,70274-6,http://loinc.org/q/69737-5",
            "AUDIT,75624-7,http://loinc.org/q/72110-0", "DAST10,82667-7,http://loinc.org/q/82666-9" })
    void eachInstrumentHasItsLoincCodes(Instrument instrument, String total, String questionnaire) {
        Assessment assessment = FhirSamples.assessments().stream().filter(a -> a.instrument == instrument).findFirst().orElseThrow();

        Observation observation = ScreeningObservationMapper.toFhir(assessment);
        QuestionnaireResponse response = QuestionnaireResponseMapper.toFhir(assessment);

        assertThat(observation.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
        assertThat(observation.getCode().getCodingFirstRep().getCode()).isEqualTo(total);
        assertThat(observation.getValueIntegerType().getValue()).isEqualTo(assessment.total);
        assertThat(response.getQuestionnaire()).isEqualTo(questionnaire);
        assertThat(response.getItem()).hasSize(instrument.items());
    }

    @Test
    void theObservationIsASurveyDerivedFromTheResponse() {
        Assessment assessment = FhirSamples.assessments().get(0);

        Observation observation = ScreeningObservationMapper.toFhir(assessment);

        assertThat(observation.getIdElement().getIdPart()).isEqualTo(assessment.id.toString());
        assertThat(observation.getMeta().getVersionId()).isEqualTo("0");
        assertThat(observation.getMeta().getLastUpdated()).isEqualTo(Date.from(assessment.recordedAt.toInstant()));
        assertThat(observation.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(ScreeningObservationMapper.PROFILE);
        assertThat(observation.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
        assertThat(observation.getCategoryFirstRep().getCodingFirstRep().getSystem())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/observation-category");
        assertThat(observation.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("survey");
        assertThat(observation.getSubject().getReference()).isEqualTo("Patient/" + FhirSamples.PATIENT);
        assertThat(observation.getEffectiveDateTimeType().getValue()).isEqualTo(Date.from(FhirSamples.TAKEN.toInstant()));
        assertThat(observation.getIssued()).isEqualTo(Date.from(assessment.recordedAt.toInstant()));
        assertThat(observation.getDerivedFromFirstRep().getReference()).isEqualTo("QuestionnaireResponse/" + assessment.id);
        assertThat(observation.getNoteFirstRep().getText()).isEqualTo("Severity: Mild");
        assertThat(observation.getPerformerFirstRep().getReference()).isEqualTo("Patient/" + FhirSamples.PATIENT);
    }

    @Test
    void theResponseHoldsEachAnswerUnderItsItemNumber() {
        Assessment assessment = FhirSamples.assessments().get(0);

        QuestionnaireResponse response = QuestionnaireResponseMapper.toFhir(assessment);

        assertThat(response.getIdElement().getIdPart()).isEqualTo(assessment.id.toString());
        assertThat(response.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(QuestionnaireResponseMapper.PROFILE);
        assertThat(response.getStatus()).isEqualTo(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        assertThat(response.getSubject().getReference()).isEqualTo("Patient/" + FhirSamples.PATIENT);
        assertThat(response.getAuthored()).isEqualTo(Date.from(FhirSamples.TAKEN.toInstant()));
        assertThat(response.hasAuthor()).isFalse();
        assertThat(response.getSource().getReference()).isEqualTo("Patient/" + FhirSamples.PATIENT);
        assertThat(response.getItem()).extracting(QuestionnaireResponse.QuestionnaireResponseItemComponent::getLinkId)
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(response.getItem()).extracting(i -> i.getAnswerFirstRep().getValueIntegerType().getValue())
                .containsExactlyElementsOf(assessment.answers);
    }

    @Test
    void aSelfReportIsAuthoredAndPerformedByThePatient() {
        Assessment selfReport = FhirSamples.assessments().stream().filter(a -> a.source == Assessment.Source.SELF_REPORT).findFirst().orElseThrow();

        assertThat(QuestionnaireResponseMapper.toFhir(selfReport).getAuthor().getReference()).isEqualTo("Patient/" + FhirSamples.PATIENT);
        assertThat(QuestionnaireResponseMapper.toFhir(selfReport).getSource().getReference()).isEqualTo("Patient/" + FhirSamples.PATIENT);
        assertThat(ScreeningObservationMapper.toFhir(selfReport).getPerformer()).extracting(r -> r.getReference())
                .isEqualTo(List.of("Patient/" + FhirSamples.PATIENT));
    }
}
