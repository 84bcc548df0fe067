package care.iop.participant.fhir;

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

import care.iop.fhir.FhirAccess;
import care.iop.fhir.FhirMedia;
import care.iop.fhir.Interaction;
import care.iop.participant.domain.Consent;
import care.iop.participant.service.ConsentService;
import care.iop.platform.security.Roles;

/**
 * FHIR R4 Consent (scope patient-privacy; a PART2_DISCLOSURE names the 42 CFR Part 2 policy and carries its security
 * labels): read, vread of the current version and search by patient, for the roles that list consents in the JSON API
 * (not callers outside the program); a patient token sees its own only.
 */
@Path(FhirMedia.BASE_PATH + "/Consent")
@Produces({ FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON })
@Tag(name = "FHIR")
public class ConsentFhirResource {
    static final String TYPE = "Consent";

    @Inject
    FhirAccess access;

    @Inject
    ConsentService consents;

    @Inject
    ConsentFhirSearch search;

    @Inject
    ConsentMapper mapper;

    @Inject
    DisclosureLabels labels;

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN, Roles.PATIENT })
    @Operation(operationId = "readFhirConsent", summary = "Read a Consent (FHIR)",
            description = "One consent, with its status evaluated today and ETag W/\"<version>\" (a revocation makes a new version). "
                    + "Needs a scope granting read on Consent; a patient token reads only its own (another's is 404).")
    @APIResponse(responseCode = "200", description = "The Consent",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "part2", value = FhirExamples.CONSENT)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "403", description = "Role or scope does not allow reading Consent",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "scope", value = FhirExamples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "No such consent, or not the caller's own", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    public Response read(@PathParam("id") String id) {
        return read(id, null);
    }

    @GET
    @Path("/{id}/_history/{vid}")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN, Roles.PATIENT })
    @Operation(operationId = "vreadFhirConsent", summary = "Read a version of a Consent (FHIR vread)",
            description = "The registry keeps the current version only: its versionId answers as read does, any other is 404.")
    @APIResponse(responseCode = "200", description = "The Consent at that version",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "part2", value = FhirExamples.CONSENT)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "403", description = "Role or scope does not allow reading Consent", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "404", description = "No such consent or version, or not the caller's own", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    public Response vread(@PathParam("id") String id, @PathParam("vid") String vid) {
        return read(id, vid);
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN, Roles.PATIENT })
    @Operation(operationId = "searchFhirConsents", summary = "Search a patient's Consents (FHIR)",
            description = "Parameters: patient (required, except for a patient token: its own), status (active, inactive), _id, "
                    + "_lastUpdated, _count, _offset; _include=Consent:patient adds the Patient. Oldest first. Another patient than "
                    + "a patient token's own is 404, as in the JSON API.")
    @APIResponse(responseCode = "200", description = "A searchset Bundle with paging links",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "bundle", value = FhirExamples.SEARCHSET)))
    @APIResponse(responseCode = "400", description = "No patient, unknown parameter or _include, bad value (expression names the parameter)",
            content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "403", description = "Role or scope does not allow searching Consent", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "404", description = "No such patient, or not the caller's own", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    public Response search() {
        access.require(TYPE, Interaction.SEARCH);
        return Response.ok(search.search(), FhirMedia.FHIR_JSON).build();
    }

    private Response read(String id, String vid) {
        access.require(TYPE, Interaction.READ);
        Consent consent = consents.get(FhirAnswers.id(TYPE, id));
        if (vid != null) {
            FhirAnswers.requireCurrent(TYPE, id, vid, consent.version);
        }
        return FhirAnswers.ok(labels.ofConsent(mapper.toFhir(consent, consents.today()), consent), consent.version,
                ConsentMapper.lastUpdated(consent));
    }
}
