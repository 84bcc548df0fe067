package care.iop.plan.risk.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.plan.risk.service.RiskScreenService;
import care.iop.platform.idempotency.Idempotent;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.Roles;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;

/** The C-SSRS screener as an API: clinical data, so clinicians and admins only (schedulers and integrations are refused). */
@Path("/api/v1/risk-screens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Risk screens", description = "The C-SSRS screener that follows a safety flag: six yes/no items and the risk they make")
public class RiskScreenResource {

    @Inject
    RiskScreenService screens;

    @POST

    @Idempotent
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Operation(operationId = "recordRiskScreen", summary = "Record a C-SSRS screener",
            description = "Scores the six answers: HIGH when any of items 3-5 is yes or item 6 is yes within the past three months,"
                    + " MODERATE when item 6 is yes longer ago, LOW when only items 1-2 are yes, NONE when all are no. Publishes"
                    + " risk-screen.recorded on iop.plans; a HIGH risk also raises an URGENT safety flag for the on-call role"
                    + " (assessment.safety-flag-raised, kind URGENT).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RiskScreenRequest.class), examples = {
            @ExampleObject(name = "low", value = RiskApiExamples.SCREEN_LOW),
            @ExampleObject(name = "behaviour longer ago", value = RiskApiExamples.SCREEN_BEHAVIOUR_LONG_AGO) }))
    @APIResponse(responseCode = "201", description = "Recorded and scored; Location names it",
            content = @Content(schema = @Schema(implementation = RiskScreenView.class)))
    @APIResponse(responseCode = "400", description = "Missing field; answers not exactly six (field answers) or one missing (answers[i]);"
            + " withinPastThreeMonths missing although item 6 is yes, or given although it is no; takenAt in the future")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a clinician or admin")
    @APIResponse(responseCode = "422", description = "flagId is not a flag of this patient, or the patient is not known to the plan service")
    public Response record(@Valid @NotNull RiskScreenRequest request, @Context UriInfo uri) {
        RiskScreenService.Recorded recorded = screens.record(request.command());
        URI location = uri.getAbsolutePathBuilder().path(recorded.screen().id.toString()).build();
        return Response.created(location).entity(RiskScreenView.of(recorded.screen(),
                recorded.urgentFlag() == null ? null : recorded.urgentFlag().id)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Operation(operationId = "getRiskScreen", summary = "Read one risk screen", description = "Audited as read.")
    @APIResponse(responseCode = "200", description = "The screen", content = @Content(schema = @Schema(implementation = RiskScreenView.class)))
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a clinician or admin")
    @APIResponse(responseCode = "404", description = "No such screen")
    public RiskScreenView get(@PathParam("id") UUID id) {
        return RiskScreenView.of(screens.get(id));
    }

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Operation(operationId = "searchRiskScreens", summary = "A patient's risk screens", description = "Newest first; each audited as read.")
    @APIResponse(responseCode = "200", description = "One page of screens")
    @APIResponse(responseCode = "400", description = "patientId missing or not a UUID; bad page or size")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a clinician or admin")
    public Page<RiskScreenView> list(
            @Parameter(description = "The patient", required = true, example = "7d0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a11") @QueryParam("patientId") UUID patientId,
            @Valid @BeanParam PageQuery page) {
        if (patientId == null) {
            throw ProblemException.invalidField("patientId", "must not be null");
        }
        return screens.list(patientId, page).map(RiskScreenView::of);
    }
}
