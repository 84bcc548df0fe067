package care.iop.plan.fhir.mapping;

import java.time.OffsetDateTime;
import java.util.List;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Period;

import care.iop.plan.outcomes.domain.SafetyFlag;

/**
 * A safety flag as a base R4 Flag (category safety): active while open, inactive once acknowledged or resolved; its
 * reason as the code's text; the period from raised to closed; for a flag an assessment raised, the standard
 * {@code flag-detail} extension pointing at that assessment's Observation.
 */
public final class SafetyFlagMapper {
    public static final String CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/flag-category";
    public static final String CATEGORY = "safety";
    static final String DETAIL_EXTENSION = "http://hl7.org/fhir/StructureDefinition/flag-detail";

    private SafetyFlagMapper() {
    }

    public static Flag toFhir(SafetyFlag flag) {
        Flag resource = new Flag();
        resource.setId(flag.id.toString());
        ResourceMeta.set(resource, flag.version, flag.lastChange(), null);
        resource.setStatus(flag.status == SafetyFlag.Status.OPEN ? Flag.FlagStatus.ACTIVE : Flag.FlagStatus.INACTIVE);
        resource.addCategory(new CodeableConcept(new Coding(CATEGORY_SYSTEM, CATEGORY, "Safety")));
        resource.setCode(new CodeableConcept().setText(flag.reason));
        resource.setSubject(FhirTypes.patient(flag.patientId));
        OffsetDateTime closed = flag.resolvedAt != null ? flag.resolvedAt : flag.acknowledgedAt;
        resource.setPeriod(new Period().setStartElement(FhirTypes.dateTime(flag.raisedAt)).setEndElement(FhirTypes.dateTime(closed)));
        if (flag.assessmentId != null) {
            resource.addExtension(DETAIL_EXTENSION, FhirTypes.reference("Observation", flag.assessmentId.toString()));
        }
        resource.setText(Narratives.generated(List.of("Safety flag (" + flag.status.name().toLowerCase(java.util.Locale.ROOT) + "): "
                + flag.reason)));
        return resource;
    }
}
