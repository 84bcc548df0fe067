package care.iop.plan.fhir.rest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

import care.iop.fhir.FhirResourceCapability;
import care.iop.plan.fhir.mapping.ScreeningObservationMapper;
import care.iop.plan.fhir.rest.Capabilities.Param;

/** What {@link ObservationFhirResource} implements. */
@ApplicationScoped
public class ObservationCapability implements FhirResourceCapability {
    @Override
    public CapabilityStatementRestResourceComponent describe() {
        return Capabilities.resource(ObservationFhirResource.TYPE, ScreeningObservationMapper.PROFILE,
                "Assessment total scores (category survey; LOINC 44261-6 PHQ-9, 70274-6 GAD-7, 75624-7 AUDIT, 82667-7 DAST-10),"
                        + " derivedFrom the QuestionnaireResponse of the same id. Assessments never change.",
                List.of(TypeRestfulInteraction.READ, TypeRestfulInteraction.VREAD, TypeRestfulInteraction.SEARCHTYPE),
                List.of(Param.usCore("observation", "patient", SearchParamType.REFERENCE),
                        Param.usCore("observation", "category", SearchParamType.TOKEN), Param.usCore("observation", "code", SearchParamType.TOKEN),
                        Param.usCore("observation", "date", SearchParamType.DATE), Param.usCore("observation", "status", SearchParamType.TOKEN),
                        Capabilities.LAST_UPDATED),
                List.of(ObservationFhirResource.INCLUDE_RESPONSE));
    }
}
