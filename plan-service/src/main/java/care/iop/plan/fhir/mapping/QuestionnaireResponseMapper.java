package care.iop.plan.fhir.mapping;

import java.util.List;

import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;

import care.iop.plan.outcomes.domain.Assessment;

/**
 * An assessment's answers as a US Core QuestionnaireResponse to the instrument's LOINC questionnaire
 * ({@link InstrumentCodes#questionnaire()}): one item per question, {@code linkId} its number on the instrument ("1" to
 * "10"), the answer as the integer the JSON API takes (DAST-10: 1 yes, 0 no). Authored when taken; the patient is the
 * source of the answers, and the author of a self-report (staff who enter answers are no Practitioner we know).
 */
public final class QuestionnaireResponseMapper {
    public static final String PROFILE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-questionnaireresponse";

    private QuestionnaireResponseMapper() {
    }

    public static QuestionnaireResponse toFhir(Assessment assessment) {
        InstrumentCodes codes = InstrumentCodes.of(assessment.instrument);
        QuestionnaireResponse resource = new QuestionnaireResponse();
        resource.setId(assessment.id.toString());
        ResourceMeta.set(resource, assessment.version, assessment.recordedAt, PROFILE);
        resource.setQuestionnaire(codes.questionnaire());
        resource.setStatus(QuestionnaireResponseStatus.COMPLETED);
        resource.setSubject(FhirTypes.patient(assessment.patientId));
        resource.setAuthoredElement(FhirTypes.dateTime(assessment.takenAt));
        resource.setSource(FhirTypes.patient(assessment.patientId));
        if (assessment.source == Assessment.Source.SELF_REPORT) {
            resource.setAuthor(FhirTypes.patient(assessment.patientId));
        }
        List<Integer> answers = assessment.answers;
        for (int i = 0; i < answers.size(); i++) {
            resource.addItem().setLinkId(linkId(i)).addAnswer().setValue(new IntegerType(answers.get(i)));
        }
        resource.setText(Narratives.generated(List.of(assessment.instrument.displayName() + " answers, taken " + assessment.takenAt,
                "Answers: " + answers)));
        return resource;
    }

    /** The linkId of the item at {@code index} (from 0): its number on the instrument. */
    public static String linkId(int index) {
        return Integer.toString(index + 1);
    }
}
