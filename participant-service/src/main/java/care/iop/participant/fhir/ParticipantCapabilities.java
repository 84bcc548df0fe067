package care.iop.participant.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceVersionPolicy;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

import care.iop.fhir.FhirResourceCapability;

/**
 * What this service implements for each FHIR type it serves, for {@code /fhir/R4/metadata}: exactly the interactions,
 * search parameters and includes of {@link PatientFhirResource}, {@link ClinicianFhirResource} and
 * {@link ConsentFhirResource}. Versions: only the current one is kept (vread of it), and an update needs If-Match.
 */
@ApplicationScoped
public class ParticipantCapabilities {
    private static final String US_CORE_SP = "http://hl7.org/fhir/us/core/SearchParameter/";
    private static final String SP = "http://hl7.org/fhir/SearchParameter/";
    private static final String WORD_START = "Start of a word of the given or family name, case-insensitive; :exact, :contains";

    @Produces
    @Singleton
    FhirResourceCapability patient() {
        return () -> {
            CapabilityStatementRestResourceComponent r = resource("Patient", ParticipantFhirUrls.US_CORE_PATIENT,
                    TypeRestfulInteraction.CREATE, TypeRestfulInteraction.UPDATE);
            r.setVersioning(ResourceVersionPolicy.VERSIONEDUPDATE);
            r.addSearchParam().setName("_id").setDefinition(US_CORE_SP + "us-core-patient-id").setType(SearchParamType.TOKEN);
            r.addSearchParam().setName("identifier").setDefinition(US_CORE_SP + "us-core-patient-identifier").setType(SearchParamType.TOKEN)
                    .setDocumentation("system|value, value or system|; the registry id is " + ParticipantFhirUrls.PATIENT_ID_SYSTEM + "|<id>");
            r.addSearchParam().setName("name").setDefinition(US_CORE_SP + "us-core-patient-name").setType(SearchParamType.STRING)
                    .setDocumentation(WORD_START);
            r.addSearchParam().setName("family").setDefinition(US_CORE_SP + "us-core-patient-family").setType(SearchParamType.STRING);
            r.addSearchParam().setName("given").setDefinition(US_CORE_SP + "us-core-patient-given").setType(SearchParamType.STRING);
            r.addSearchParam().setName("birthdate").setDefinition(US_CORE_SP + "us-core-patient-birthdate").setType(SearchParamType.DATE);
            r.addSearchParam().setName("gender").setDefinition(US_CORE_SP + "us-core-patient-gender").setType(SearchParamType.TOKEN)
                    .setDocumentation("unknown also finds patients whose gender is not recorded");
            return lastUpdated(r);
        };
    }

    @Produces
    @Singleton
    FhirResourceCapability practitioner() {
        return () -> {
            CapabilityStatementRestResourceComponent r = resource("Practitioner", ParticipantFhirUrls.US_CORE_PRACTITIONER);
            r.addSearchParam().setName("_id").setDefinition(US_CORE_SP + "us-core-practitioner-id").setType(SearchParamType.TOKEN);
            r.addSearchParam().setName("identifier").setDefinition(US_CORE_SP + "us-core-practitioner-identifier").setType(SearchParamType.TOKEN)
                    .setDocumentation("The NPI: " + ParticipantFhirUrls.NPI_SYSTEM + "|<npi> or <npi>");
            r.addSearchParam().setName("name").setDefinition(US_CORE_SP + "us-core-practitioner-name").setType(SearchParamType.STRING)
                    .setDocumentation(WORD_START);
            r.addSearchParam().setName("family").setDefinition(SP + "individual-family").setType(SearchParamType.STRING);
            r.addSearchParam().setName("given").setDefinition(SP + "individual-given").setType(SearchParamType.STRING);
            r.addSearchParam().setName("active").setDefinition(SP + "Practitioner-active").setType(SearchParamType.TOKEN);
            return lastUpdated(r);
        };
    }

    @Produces
    @Singleton
    FhirResourceCapability practitionerRole() {
        return () -> {
            CapabilityStatementRestResourceComponent r = resource("PractitionerRole", ParticipantFhirUrls.PRACTITIONER_ROLE);
            r.addSearchParam().setName("_id").setDefinition(SP + "Resource-id").setType(SearchParamType.TOKEN);
            r.addSearchParam().setName("practitioner").setDefinition(SP + "PractitionerRole-practitioner").setType(SearchParamType.REFERENCE);
            r.addSearchParam().setName("specialty").setDefinition(US_CORE_SP + "us-core-practitionerrole-specialty").setType(SearchParamType.TOKEN)
                    .setDocumentation("NUCC Health Care Provider Taxonomy (" + ParticipantFhirUrls.NUCC_TAXONOMY
                            + "): system|code, code or system|; a role's specialties follow from its clinician's credentials "
                            + "(LCSW: 1041C0700X, LPC: 101YP2500X, LMFT: 106H00000X, LAC/LCDC: 101YA0400X, ...; docs/fhir-participant.md)");
            r.addSearchParam().setName("active").setDefinition(SP + "PractitionerRole-active").setType(SearchParamType.TOKEN);
            r.addSearchInclude(PractitionerFhirSearch.INCLUDE_PRACTITIONER);
            return lastUpdated(r);
        };
    }

    @Produces
    @Singleton
    FhirResourceCapability consent() {
        return () -> {
            CapabilityStatementRestResourceComponent r = resource("Consent", ParticipantFhirUrls.CONSENT);
            r.addSearchParam().setName("patient").setDefinition(SP + "clinical-patient").setType(SearchParamType.REFERENCE)
                    .setDocumentation("Required (a patient token searches its own)");
            r.addSearchParam().setName("status").setDefinition(SP + "Consent-status").setType(SearchParamType.TOKEN)
                    .setDocumentation("active, or inactive (revoked or expired)");
            r.addSearchParam().setName("_id").setDefinition(SP + "Resource-id").setType(SearchParamType.TOKEN);
            r.addSearchInclude(ConsentFhirSearch.INCLUDE_PATIENT);
            return lastUpdated(r);
        };
    }

    /** Read, vread (of the current version) and search, plus {@code writes}; the profile claimed. */
    private static CapabilityStatementRestResourceComponent resource(String type, String profile, TypeRestfulInteraction... writes) {
        CapabilityStatementRestResourceComponent r = new CapabilityStatementRestResourceComponent().setType(type);
        if (profile.startsWith("http://hl7.org/fhir/StructureDefinition/")) {
            r.setProfile(profile);
        } else {
            r.setProfile("http://hl7.org/fhir/StructureDefinition/" + type).addSupportedProfile(profile);
        }
        r.addInteraction().setCode(TypeRestfulInteraction.READ);
        r.addInteraction().setCode(TypeRestfulInteraction.VREAD);
        r.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        for (TypeRestfulInteraction write : writes) {
            r.addInteraction().setCode(write);
        }
        r.setVersioning(ResourceVersionPolicy.VERSIONED).setReadHistory(false).setUpdateCreate(false);
        return r;
    }

    private static CapabilityStatementRestResourceComponent lastUpdated(CapabilityStatementRestResourceComponent r) {
        r.addSearchParam().setName("_lastUpdated").setDefinition(SP + "Resource-lastUpdated").setType(SearchParamType.DATE);
        return r;
    }
}
