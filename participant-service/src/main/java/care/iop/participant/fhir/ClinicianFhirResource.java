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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Resource;

import care.iop.fhir.FhirAccess;
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
@Tag(name = "FHIR")
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

    @GET
    @Path("/Practitioner/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN })
    @Operation(operationId = "readFhirPractitioner", summary = "Read a Practitioner (FHIR)",
            description = "The clinician as a US Core Practitioner, with ETag W/\"<version>\". Needs a scope granting read on Practitioner.")
    @APIResponse(responseCode = "200", description = "The Practitioner",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "clinician", value = FhirExamples.PRACTITIONER)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "403", description = "Role or scope does not allow reading Practitioner",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "scope", value = FhirExamples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "No such clinician", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    public Response readPractitioner(@PathParam("id") String id) {
        return read(PRACTITIONER, id, null, practitioners::toFhir);
    }

    @GET
    @Path("/Practitioner/{id}/_history/{vid}")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN })
    @Operation(operationId = "vreadFhirPractitioner", summary = "Read a version of a Practitioner (FHIR vread)",
            description = "The registry keeps the current version only: its versionId answers as read does, any other is 404.")
    @APIResponse(responseCode = "200", description = "The Practitioner at that version",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "clinician", value = FhirExamples.PRACTITIONER)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "403", description = "Role or scope does not allow reading Practitioner", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "404", description = "No such clinician or version", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    public Response vreadPractitioner(@PathParam("id") String id, @PathParam("vid") String vid) {
        return read(PRACTITIONER, id, vid, practitioners::toFhir);
    }

    @GET
    @Path("/Practitioner")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN })
    @Operation(operationId = "searchFhirPractitioners", summary = "Search Practitioners (FHIR)",
            description = "Parameters: _id, identifier (the NPI: " + ParticipantFhirUrls.NPI_SYSTEM + "|<npi> or <npi>), name, family, "
                    + "given (start of a word; :exact, :contains), active, _lastUpdated, _count (default 20, at most 100), _offset. "
                    + "Ordered by family and given name.")
    @APIResponse(responseCode = "200", description = "A searchset Bundle with paging links",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "bundle", value = FhirExamples.SEARCHSET)))
    @APIResponse(responseCode = "400", description = "Unknown parameter or modifier, bad value (expression names the parameter)",
            content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "403", description = "Role or scope does not allow searching Practitioner", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    public Response searchPractitioners() {
        access.require(PRACTITIONER, Interaction.SEARCH);
        return Response.ok(search.practitioners(), FhirMedia.FHIR_JSON).build();
    }

    @GET
    @Path("/PractitionerRole/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN })
    @Operation(operationId = "readFhirPractitionerRole", summary = "Read a PractitionerRole (FHIR)",
            description = "What the clinician does in the program (the clinician's id): codes clinician and group leader, "
                    + "max-caseload, with ETag W/\"<version>\". Needs a scope granting read on PractitionerRole.")
    @APIResponse(responseCode = "200", description = "The PractitionerRole",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "role", value = FhirExamples.PRACTITIONER_ROLE)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "403", description = "Role or scope does not allow reading PractitionerRole", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "404", description = "No such clinician", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    public Response readRole(@PathParam("id") String id) {
        return read(ROLE, id, null, roles::toFhir);
    }

    @GET
    @Path("/PractitionerRole/{id}/_history/{vid}")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN })
    @Operation(operationId = "vreadFhirPractitionerRole", summary = "Read a version of a PractitionerRole (FHIR vread)",
            description = "The version of the clinician record: the current one answers as read does, any other is 404.")
    @APIResponse(responseCode = "200", description = "The PractitionerRole at that version",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "role", value = FhirExamples.PRACTITIONER_ROLE)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "403", description = "Role or scope does not allow reading PractitionerRole", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "404", description = "No such clinician or version", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    public Response vreadRole(@PathParam("id") String id, @PathParam("vid") String vid) {
        return read(ROLE, id, vid, roles::toFhir);
    }

    @GET
    @Path("/PractitionerRole")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN })
    @Operation(operationId = "searchFhirPractitionerRoles", summary = "Search PractitionerRoles (FHIR)",
            description = "Parameters: _id, practitioner, specialty (a NUCC taxonomy code: system|code, code or system|; the roles whose clinician's credentials map to it), active, _lastUpdated, _count, _offset; "
                    + "_include=PractitionerRole:practitioner adds each role's Practitioner. Ordered by family and given name.")
    @APIResponse(responseCode = "200", description = "A searchset Bundle with paging links",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "bundle", value = FhirExamples.SEARCHSET)))
    @APIResponse(responseCode = "400", description = "Unknown parameter or _include, bad value (expression names the parameter)",
            content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "403", description = "Role or scope does not allow searching PractitionerRole", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    public Response searchRoles() {
        access.require(ROLE, Interaction.SEARCH);
        return Response.ok(search.roles(), FhirMedia.FHIR_JSON).build();
    }

    /** Read ({@code vid} null) or vread of the clinician as {@code type}. */
    private Response read(String type, String id, String vid, Function<Clinician, Resource> toFhir) {
        access.require(type, Interaction.READ);
        Clinician clinician = clinicians.get(FhirAnswers.id(type, id));
        if (vid != null) {
            FhirAnswers.requireCurrent(type, id, vid, clinician.version);
        }
        return FhirAnswers.ok(toFhir.apply(clinician), clinician.version, clinician.updatedAt);
    }
}
