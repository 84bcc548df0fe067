package care.iop.participant.fhir;

import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hl7.fhir.r4.model.Resource;

import care.iop.fhir.FhirAccess;
import care.iop.fhir.FhirAnswers;
import care.iop.fhir.FhirMedia;
import care.iop.fhir.Interaction;
import care.iop.participant.domain.Clinician;
import care.iop.participant.service.ClinicianService;
import care.iop.platform.security.Roles;

/**
 * FHIR R4 Practitioner (US Core Practitioner: NPI, name, credentials) and PractitionerRole (what the clinician does in
 * the program, one role per clinician with its id): read, vread of the current version and search, for the roles that
 * read clinicians in the JSON API. Both are views of one clinician record, so they share its version.
 */
@Path(FhirMedia.BASE_PATH)
@Produces({ FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON })
public class ClinicianFhirResource {
    static final String PRACTITIONER = "Practitioner";
    static final String ROLE = "PractitionerRole";

    @Inject
    FhirAccess access;

    @Inject
    ClinicianService clinicians;

    @Inject
    PractitionerFhirSearch search;

    @Inject
    PractitionerMapper practitioners;

    @Inject
    PractitionerRoleMapper roles;

    /** The clinician as a US Core Practitioner (NPI, name, credentials). */
    @GET
    @Path("/Practitioner/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN })
    public Response readPractitioner(@PathParam("id") String id) {
        return read(PRACTITIONER, id, null, practitioners::toFhir);
    }

    /** The registry keeps the current version only: its versionId answers as read does, any other is 404. */
    @GET
    @Path("/Practitioner/{id}/_history/{vid}")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN })
    public Response vreadPractitioner(@PathParam("id") String id, @PathParam("vid") String vid) {
        return read(PRACTITIONER, id, vid, practitioners::toFhir);
    }

    /** Parameters _id, identifier (the NPI), name, family, given, active, _lastUpdated, _count, _offset; ordered by name. */
    @GET
    @Path("/Practitioner")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN })
    public Response searchPractitioners() {
        access.require(PRACTITIONER, Interaction.SEARCH);
        return Response.ok(search.practitioners(), FhirMedia.FHIR_JSON).build();
    }

    /** What the clinician does in the program (the clinician's id): codes clinician and group leader, max-caseload. */
    @GET
    @Path("/PractitionerRole/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN })
    public Response readRole(@PathParam("id") String id) {
        return read(ROLE, id, null, roles::toFhir);
    }

    /** The version of the clinician record: the current one answers as read does, any other is 404. */
    @GET
    @Path("/PractitionerRole/{id}/_history/{vid}")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN })
    public Response vreadRole(@PathParam("id") String id, @PathParam("vid") String vid) {
        return read(ROLE, id, vid, roles::toFhir);
    }

    /**
     * Parameters _id, practitioner, specialty (a NUCC taxonomy code), active, _lastUpdated, _count, _offset;
     * {@code _include=PractitionerRole:practitioner} adds each role's Practitioner. Ordered by name.
     */
    @GET
    @Path("/PractitionerRole")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN })
    public Response searchRoles() {
        access.require(ROLE, Interaction.SEARCH);
        return Response.ok(search.roles(), FhirMedia.FHIR_JSON).build();
    }

    /** Read ({@code vid} null) or vread of the clinician as {@code type}. */
    private Response read(String type, String id, String vid, Function<Clinician, Resource> toFhir) {
        access.require(type, Interaction.READ);
        Clinician clinician = clinicians.get(FhirAnswers.id(type, id.strip()));
        if (vid != null) {
            FhirAnswers.requireCurrent(type, id, vid, clinician.version);
        }
        return FhirAnswers.ok(toFhir.apply(clinician), FhirMedia.FHIR_JSON);
    }
}
