package care.iop.fhir;

import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;

/**
 * What a service really implements for one resource type (profile, interactions, search parameters, includes), one
 * bean per type; the service's {@code /fhir/R4/metadata} lists them all and the gateway merges the three services'.
 */
public interface FhirResourceCapability {
    CapabilityStatementRestResourceComponent describe();
}
