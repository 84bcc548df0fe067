package care.iop.plan.fhir.mapping;

import java.util.List;
import java.util.Locale;

import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.IntegerType;

import care.iop.plan.outcomes.domain.Assessment;

/**
 * An assessment's total score as a US Core screening assessment Observation (category survey): the instrument's LOINC
 * total code, the total as an integer, the severity band in a note (no code system names our bands), effective when taken,
 * issued when recorded, performed by the patient (who answers these self-report
 * questionnaires, also when staff enter the answers), and {@code derivedFrom} the QuestionnaireResponse of the same id that holds the answers.
 */
public final class ScreeningObservationMapper {
    public static final String PROFILE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-screening-assessment";
    public static final String CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category";
    public static final String CATEGORY = "survey";

    private ScreeningObservationMapper() {
    }

    public static Observation toFhir(Assessment assessment) {
        InstrumentCodes codes = InstrumentCodes.of(assessment.instrument);
        Observation resource = new Observation();
        resource.setId(assessment.id.toString());
        ResourceMeta.set(resource, assessment.version, assessment.recordedAt, PROFILE);
        resource.setStatus(Observation.ObservationStatus.FINAL);
        resource.addCategory(new CodeableConcept(new Coding(CATEGORY_SYSTEM, CATEGORY, "Survey")));
        resource.setCode(codes.totalConcept());
        resource.setSubject(FhirTypes.patient(assessment.patientId));
        resource.setEffective(FhirTypes.dateTime(assessment.takenAt));
        resource.setIssued(FhirTypes.instant(assessment.recordedAt));
        resource.addPerformer(FhirTypes.patient(assessment.patientId));
        resource.setValue(new IntegerType(assessment.total));
        resource.addNote(new Annotation().setText("Severity: " + band(assessment.band)));
        resource.addDerivedFrom(FhirTypes.reference("QuestionnaireResponse", assessment.id.toString()));
        resource.setText(Narratives.generated(List.of(assessment.instrument.displayName() + " total " + assessment.total + " ("
                + band(assessment.band) + "), taken " + assessment.takenAt)));
        return resource;
    }

    /** MODERATELY_SEVERE → "Moderately severe". */
    static String band(String band) {
        String words = band.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
