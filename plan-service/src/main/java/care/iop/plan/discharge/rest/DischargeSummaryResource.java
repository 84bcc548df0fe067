package care.iop.plan.discharge.rest;

import static care.iop.platform.security.Roles.ADMIN;
import static care.iop.platform.security.Roles.CLINICIAN;
import static care.iop.platform.security.Roles.PATIENT;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.plan.discharge.domain.DischargeSummary;
import care.iop.plan.discharge.service.DischargeSummaryService;
import care.iop.plan.discharge.service.SummaryDocuments;
import care.iop.platform.idempotency.Idempotent;
import care.iop.platform.web.ETags;

/**
 * A patient's discharge summary: read, start before the discharge, edit while a draft, sign. Clinical data: clinicians and
 * admins; schedulers and integrations are refused (403); a patient reads its own signed summary (its aftercare plan and
 * referrals are for it), never a draft.
 */
@Path("/api/v1/patients/{patientId}/discharge-summary")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Discharge summaries", description = "Reason, level of care, scores at admission and discharge, objectives met and not met,"
        + " aftercare plan and referrals of a patient's discharge, signed by a clinician")
public class DischargeSummaryResource {
    private static final String ETAG_HEADER = "Version (an entity tag: send it in If-Match)";

    @Inject
    DischargeSummaryService summaries;

    @Inject
    SummaryDocuments documents;

    @Context
    UriInfo uriInfo;

    @GET
    @RolesAllowed({ CLINICIAN, ADMIN, PATIENT })
    @Operation(operationId = "getDischargeSummary", summary = "Read a patient's discharge summary",
            description = "The patient's draft, else its latest signed summary, with its ETag. A patient reads only its own and only once"
                    + " signed (a draft answers 404). Schedulers and integrations are refused. Audited.")
    @APIResponse(responseCode = "200", description = "The summary",
            headers = @Header(name = "ETag", description = ETAG_HEADER, schema = @Schema(type = SchemaType.STRING, example = "\"0\"")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DischargeSummaryView.class)))
    @APIResponse(responseCode = "400", description = "patientId is not a UUID")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Scheduler or integration")
    @APIResponse(responseCode = "404", description = "No summary (or, for a patient, not its own or not signed yet)")
    public Response get(@PathParam("patientId") UUID patientId) {
        return answer(summaries.get(patientId), Response.ok());
    }

    @POST
    @Idempotent
    @RolesAllowed({ CLINICIAN, ADMIN })
    @Operation(operationId = "createDischargeSummary", summary = "Start a discharge summary before the discharge",
            description = "A DRAFT pre-filled from the records (episode, level of care, scores, the plan's objectives), assigned to the plan's"
                    + " primary clinician. When participant-service's patient.discharged event arrives, its reason, date and level"
                    + " overwrite the draft's. Without a discharge event the summary cannot be signed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DischargeSummaryRequest.class),
            examples = @ExampleObject(name = "planned discharge", value = DischargeApiExamples.START)))
    @APIResponse(responseCode = "201", description = "Started; Location and ETag headers",
            headers = { @Header(name = "Location", description = "URI of the summary", schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = ETAG_HEADER, schema = @Schema(type = SchemaType.STRING, example = "\"0\"")) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DischargeSummaryView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (reason not a DischargeReason, a referral without organisation, too long)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a clinician or admin")
    @APIResponse(responseCode = "409", description = "The patient already has a draft, or this discharge a signed summary")
    public Response start(@PathParam("patientId") UUID patientId, @Valid @NotNull DischargeSummaryRequest request) {
        DischargeSummary summary = summaries.start(patientId, request.draft());
        return answer(summary, Response.created(uriInfo.getBaseUriBuilder().path("api/v1/patients").path(patientId.toString())
                .path("discharge-summary").build()));
    }

    @PUT
    @RolesAllowed({ CLINICIAN, ADMIN })
    @Operation(operationId = "replaceDischargeSummary", summary = "Edit the draft discharge summary",
            description = "Replaces the aftercare plan and referrals; reason and dischargedOn when given (else they stay, e.g. the"
                    + " discharge event's). Refills the scores and objectives from the records. Send If-Match with the ETag of your last"
                    + " read. A signed summary is locked (409).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DischargeSummaryRequest.class),
            examples = @ExampleObject(name = "aftercare", value = DischargeApiExamples.EDIT)))
    @APIResponse(responseCode = "200", description = "Edited; new ETag",
            headers = @Header(name = "ETag", description = ETAG_HEADER, schema = @Schema(type = SchemaType.STRING, example = "\"1\"")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DischargeSummaryView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a clinician or admin")
    @APIResponse(responseCode = "404", description = "No summary")
    @APIResponse(responseCode = "409", description = "Signed: locked",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "locked", value = DischargeApiExamples.LOCKED)))
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response edit(@PathParam("patientId") UUID patientId, @HeaderParam("If-Match") String ifMatch,
                         @Valid @NotNull DischargeSummaryRequest request) {
        return answer(summaries.update(patientId, ifMatch, request.draft()), Response.ok());
    }

    @POST
    @Path("/signature")
    @Consumes(MediaType.WILDCARD) // no body: a POST without Content-Type is fine
    @Idempotent
    @RolesAllowed(CLINICIAN)
    @Operation(operationId = "recordDischargeSummarySignature", summary = "Sign the discharge summary",
            description = "The signer is the token's subject (and its clinician_id, when it has one). The patient must be discharged in"
                    + " plan-service's read model with the summary's reason and date (422 naming dischargedOn or reason otherwise)."
                    + " Locks the summary and publishes care.iop.discharge-summary.signed.v1 on iop.plans. If-Match is optional.")
    @APIResponse(responseCode = "201", description = "Signed; Location and ETag headers",
            headers = { @Header(name = "Location", description = "URI of the summary", schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = ETAG_HEADER, schema = @Schema(type = SchemaType.STRING, example = "\"2\"")) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DischargeSummaryView.class)))
    @APIResponse(responseCode = "400", description = "patientId is not a UUID")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a clinician")
    @APIResponse(responseCode = "404", description = "No summary")
    @APIResponse(responseCode = "409", description = "Already signed",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "locked", value = DischargeApiExamples.LOCKED)))
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "422", description = "The patient is not discharged (dischargedOn), or reason / dischargedOn differ from the"
            + " discharge's", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "reason", value = DischargeApiExamples.REASON_MISMATCH)))
    public Response sign(@PathParam("patientId") UUID patientId, @HeaderParam("If-Match") String ifMatch) {
        DischargeSummary summary = summaries.sign(patientId, ifMatch);
        return answer(summary, Response.created(uriInfo.getBaseUriBuilder().path("api/v1/patients").path(patientId.toString())
                .path("discharge-summary").build()));
    }

    private Response answer(DischargeSummary summary, Response.ResponseBuilder builder) {
        return builder.header("ETag", ETags.of(summary.version)).entity(DischargeSummaryView.of(summary, documents)).build();
    }
}
