package care.iop.session.fhir.rest;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceVersionPolicy;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.StringType;

import care.iop.fhir.FhirResourceCapability;

/**
 * What session-service implements of each FHIR type it serves (one {@link FhirResourceCapability} bean per type): the
 * interactions, search parameters, includes and profiles of the resources in this package, nothing more.
 */
public final class SessionCapabilities {
    static final String BASE_PARAMETER = "http://hl7.org/fhir/SearchParameter/";
    static final String US_CORE_PARAMETER = "http://hl7.org/fhir/us/core/SearchParameter/";
    static final String COMBINATION = "http://hl7.org/fhir/StructureDefinition/capabilitystatement-search-parameter-combination";

    private SessionCapabilities() {
    }

    @ApplicationScoped
    public static class AppointmentCapability implements FhirResourceCapability {
        @Override
        public CapabilityStatementRestResourceComponent describe() {
            var resource = resource(AppointmentFhirResource.TYPE, TypeRestfulInteraction.CREATE, TypeRestfulInteraction.UPDATE)
                    .setDocumentation("One Appointment per seat (a patient's booking in a session): status waitlist, booked, fulfilled, "
                            + "noshow or cancelled; participants the Patient and the Practitioner; a group session's Slot. Create books "
                            + "a group seat (waitlist when full); update only cancels (status cancelled). Extensions "
                            + SessionFhir.WAITLIST_POSITION + " and " + SessionFhir.LATE_CANCELLATION + ". docs/fhir-session.md.");
            resource.setUpdateCreate(false).setConditionalCreate(false);
            search(resource, "_id", SearchParamType.TOKEN, BASE_PARAMETER + "Resource-id");
            search(resource, "_lastUpdated", SearchParamType.DATE, BASE_PARAMETER + "Resource-lastUpdated");
            search(resource, "patient", SearchParamType.REFERENCE, BASE_PARAMETER + "Appointment-patient");
            search(resource, "practitioner", SearchParamType.REFERENCE, BASE_PARAMETER + "Appointment-practitioner");
            search(resource, "date", SearchParamType.DATE, BASE_PARAMETER + "Appointment-date");
            search(resource, "status", SearchParamType.TOKEN, BASE_PARAMETER + "Appointment-status");
            search(resource, "slot", SearchParamType.REFERENCE, BASE_PARAMETER + "Appointment-slot");
            combination(resource, "patient", "date");
            combination(resource, "practitioner", "date");
            resource.addSearchInclude(AppointmentFhirResource.INCLUDE_SLOT);
            return resource;
        }
    }

    @ApplicationScoped
    public static class SlotCapability implements FhirResourceCapability {
        @Override
        public CapabilityStatementRestResourceComponent describe() {
            var resource = resource(SlotFhirResource.TYPE)
                    .setDocumentation("One Slot per group session: free, busy (full: a booking joins the waitlist) or busy-unavailable; "
                            + "R4 Slot has no capacity, so extensions " + SessionFhir.SLOT_CAPACITY + " (positiveInt), "
                            + SessionFhir.SLOT_BOOKED + " and " + SessionFhir.SLOT_WAITLISTED + " (unsignedInt). docs/fhir-session.md.");
            search(resource, "_id", SearchParamType.TOKEN, BASE_PARAMETER + "Resource-id");
            search(resource, "_lastUpdated", SearchParamType.DATE, BASE_PARAMETER + "Resource-lastUpdated");
            search(resource, "schedule", SearchParamType.REFERENCE, BASE_PARAMETER + "Slot-schedule");
            search(resource, "start", SearchParamType.DATE, BASE_PARAMETER + "Slot-start");
            search(resource, "status", SearchParamType.TOKEN, BASE_PARAMETER + "Slot-status");
            resource.addSearchInclude(SlotFhirResource.INCLUDE_SCHEDULE);
            return resource;
        }
    }

    @ApplicationScoped
    public static class ScheduleCapability implements FhirResourceCapability {
        @Override
        public CapabilityStatementRestResourceComponent describe() {
            var resource = resource(ScheduleFhirResource.TYPE)
                    .setDocumentation("One Schedule per clinician who leads group sessions (id = the Practitioner's id): the Schedule of "
                            + "their Slots.");
            search(resource, "_id", SearchParamType.TOKEN, BASE_PARAMETER + "Resource-id");
            search(resource, "_lastUpdated", SearchParamType.DATE, BASE_PARAMETER + "Resource-lastUpdated");
            search(resource, "actor", SearchParamType.REFERENCE, BASE_PARAMETER + "Schedule-actor");
            return resource;
        }
    }

    @ApplicationScoped
    public static class GroupCapability implements FhirResourceCapability {
        @Override
        public CapabilityStatementRestResourceComponent describe() {
            var resource = resource(GroupFhirResource.TYPE)
                    .setDocumentation("One Group per group session: its roster (actual, members with periods; inactive after a "
                            + "cancellation; the waitlist is not a member). quantity counts the seats taken.");
            search(resource, "_id", SearchParamType.TOKEN, BASE_PARAMETER + "Resource-id");
            search(resource, "_lastUpdated", SearchParamType.DATE, BASE_PARAMETER + "Resource-lastUpdated");
            search(resource, "member", SearchParamType.REFERENCE, BASE_PARAMETER + "Group-member");
            return resource;
        }
    }

    @ApplicationScoped
    public static class EncounterCapability implements FhirResourceCapability {
        @Override
        public CapabilityStatementRestResourceComponent describe() {
            var resource = resource(EncounterFhirResource.TYPE)
                    .setDocumentation("One US Core Encounter per patient who attended a session: finished, class AMB (VR for telehealth), "
                            + "type the suggested CPT code, appointment the patient's Appointment.");
            resource.addSupportedProfile(EncounterFhirResource.PROFILE);
            search(resource, "_id", SearchParamType.TOKEN, US_CORE_PARAMETER + "us-core-encounter-id");
            search(resource, "_lastUpdated", SearchParamType.DATE, BASE_PARAMETER + "Resource-lastUpdated");
            search(resource, "patient", SearchParamType.REFERENCE, US_CORE_PARAMETER + "us-core-encounter-patient");
            search(resource, "subject", SearchParamType.REFERENCE, BASE_PARAMETER + "Encounter-subject");
            search(resource, "date", SearchParamType.DATE, US_CORE_PARAMETER + "us-core-encounter-date");
            search(resource, "identifier", SearchParamType.TOKEN, US_CORE_PARAMETER + "us-core-encounter-identifier");
            search(resource, "status", SearchParamType.TOKEN, US_CORE_PARAMETER + "us-core-encounter-status");
            search(resource, "appointment", SearchParamType.REFERENCE, BASE_PARAMETER + "Encounter-appointment");
            combination(resource, "date", "patient");
            combination(resource, "patient", "status");
            resource.addSearchInclude(EncounterFhirResource.INCLUDE_APPOINTMENT);
            return resource;
        }
    }

    /** A type read, vread and searched (plus {@code more}), versioned (only the current version is kept: no history). */
    static CapabilityStatementRestResourceComponent resource(String type, TypeRestfulInteraction... more) {
        var resource = new CapabilityStatementRestResourceComponent().setType(type)
                .setProfile("http://hl7.org/fhir/StructureDefinition/" + type)
                .setVersioning(ResourceVersionPolicy.VERSIONED).setReadHistory(false);
        resource.addInteraction().setCode(TypeRestfulInteraction.READ);
        resource.addInteraction().setCode(TypeRestfulInteraction.VREAD);
        resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        for (TypeRestfulInteraction interaction : more) {
            resource.addInteraction().setCode(interaction);
        }
        return resource;
    }

    static void search(CapabilityStatementRestResourceComponent resource, String name, SearchParamType type, String definition) {
        resource.addSearchParam().setName(name).setType(type).setDefinition(definition);
    }

    /** A combination of parameters searched together (as US Core's CapabilityStatement states them). */
    static void combination(CapabilityStatementRestResourceComponent resource, String... required) {
        Extension combination = resource.addExtension().setUrl(COMBINATION);
        for (String name : required) {
            combination.addExtension("required", new StringType(name));
        }
    }
}
