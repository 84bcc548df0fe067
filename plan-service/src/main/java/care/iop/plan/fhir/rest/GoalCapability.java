package care.iop.plan.fhir.rest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

import care.iop.fhir.FhirResourceCapability;
import care.iop.plan.fhir.mapping.GoalMapper;
import care.iop.plan.fhir.rest.Capabilities.Param;

/** What {@link GoalFhirResource} implements. */
@ApplicationScoped
public class GoalCapability implements FhirResourceCapability {
    @Override
    public CapabilityStatementRestResourceComponent describe() {
        return Capabilities.resource(GoalFhirResource.TYPE, GoalMapper.PROFILE,
                "The goals of treatment plans (id <plan id>.<goal id>); a goal's version is its plan's, vread serves the current one only.",
                List.of(TypeRestfulInteraction.READ, TypeRestfulInteraction.VREAD, TypeRestfulInteraction.SEARCHTYPE),
                List.of(Param.usCore("goal", "patient", SearchParamType.REFERENCE), Param.usCore("goal", "lifecycle-status", SearchParamType.TOKEN),
                        Capabilities.LAST_UPDATED),
                List.of());
    }
}
