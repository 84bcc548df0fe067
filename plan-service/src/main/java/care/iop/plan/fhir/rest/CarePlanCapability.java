package care.iop.plan.fhir.rest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

import care.iop.fhir.FhirResourceCapability;
import care.iop.plan.fhir.mapping.CarePlanMapper;
import care.iop.plan.fhir.rest.Capabilities.Param;

/** What {@link CarePlanFhirResource} implements. */
@ApplicationScoped
public class CarePlanCapability implements FhirResourceCapability {
    @Override
    public CapabilityStatementRestResourceComponent describe() {
        return Capabilities.resource(CarePlanFhirResource.TYPE, CarePlanMapper.PROFILE,
                "Treatment plans (category assess-plan). vread serves the current version only.",
                List.of(TypeRestfulInteraction.READ, TypeRestfulInteraction.VREAD, TypeRestfulInteraction.SEARCHTYPE),
                List.of(Param.usCore("careplan", "patient", SearchParamType.REFERENCE), Param.usCore("careplan", "category", SearchParamType.TOKEN),
                        Param.usCore("careplan", "status", SearchParamType.TOKEN), Capabilities.LAST_UPDATED),
                List.of(CarePlanFhirResource.INCLUDE_GOAL));
    }
}
