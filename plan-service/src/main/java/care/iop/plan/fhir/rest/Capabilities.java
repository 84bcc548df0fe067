package care.iop.plan.fhir.rest;

import java.util.List;

import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceVersionPolicy;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/** Builds one resource type's entry of the capability statement from what its face implements. */
final class Capabilities {
    static final String US_CORE_PARAMETER = "http://hl7.org/fhir/us/core/SearchParameter/";
    static final String BASE_PARAMETER = "http://hl7.org/fhir/SearchParameter/";

    /** One search parameter: its name, type and definition (null for one of ours that no specification defines). */
    record Param(String name, SearchParamType type, String definition) {
        static Param usCore(String resource, String name, SearchParamType type) {
            return new Param(name, type, US_CORE_PARAMETER + "us-core-" + resource + "-" + name);
        }
    }

    /** {@code _lastUpdated}, which every search here takes. */
    static final Param LAST_UPDATED = new Param("_lastUpdated", SearchParamType.DATE, BASE_PARAMETER + "Resource-lastUpdated");

    private Capabilities() {
    }

    static CapabilityStatementRestResourceComponent resource(String type, String profile, String documentation,
                                                             List<TypeRestfulInteraction> interactions, List<Param> params,
                                                             List<String> includes) {
        CapabilityStatementRestResourceComponent resource = new CapabilityStatementRestResourceComponent().setType(type);
        if (profile != null) {
            resource.addSupportedProfile(profile);
        }
        resource.setDocumentation(documentation);
        resource.setVersioning(ResourceVersionPolicy.VERSIONED);
        resource.setReadHistory(false);
        interactions.forEach(i -> resource.addInteraction().setCode(i));
        params.forEach(p -> resource.addSearchParam().setName(p.name()).setType(p.type()).setDefinition(p.definition()));
        includes.forEach(resource::addSearchInclude);
        return resource;
    }
}
