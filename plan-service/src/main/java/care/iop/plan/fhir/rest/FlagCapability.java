package care.iop.plan.fhir.rest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

import care.iop.fhir.FhirResourceCapability;
import care.iop.plan.fhir.rest.Capabilities.Param;

/** What {@link FlagFhirResource} implements; R4 defines no status or category parameter for Flag, so those two are ours. */
@ApplicationScoped
public class FlagCapability implements FhirResourceCapability {
    @Override
    public CapabilityStatementRestResourceComponent describe() {
        return Capabilities.resource(FlagFhirResource.TYPE, null,
                "Safety flags (category safety): active while open, inactive once acknowledged or resolved. Clinicians and admins.",
                List.of(TypeRestfulInteraction.READ, TypeRestfulInteraction.VREAD, TypeRestfulInteraction.SEARCHTYPE),
                List.of(new Param("_id", SearchParamType.TOKEN, Capabilities.BASE_PARAMETER + "Resource-id"),
                        new Param("patient", SearchParamType.REFERENCE, Capabilities.BASE_PARAMETER + "clinical-patient"),
                        new Param("status", SearchParamType.TOKEN, null), new Param("category", SearchParamType.TOKEN, null),
                        Capabilities.LAST_UPDATED),
                List.of());
    }
}
