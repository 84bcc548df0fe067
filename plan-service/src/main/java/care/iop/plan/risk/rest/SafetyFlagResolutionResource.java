package care.iop.plan.risk.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.plan.outcomes.domain.SafetyFlag;
import care.iop.plan.outcomes.rest.SafetyFlagView;
import care.iop.plan.risk.service.SafetyFlagResolution;
import care.iop.platform.idempotency.Idempotent;
import care.iop.platform.security.Roles;
import care.iop.platform.web.ETags;

/** Closing a safety flag the way the pathway requires: with a C-SSRS screen, and a safety plan where the risk calls for one. */
@Path("/api/v1/assessments/safety-flags/{id}/resolution")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Safety flags", description = "Same-day review of assessments that signal risk of self-harm")
public class SafetyFlagResolutionResource {

    @Inject
    SafetyFlagResolution resolution;

    @POST

    @Idempotent
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Operation(operationId = "recordSafetyFlagResolution", summary = "Resolve a safety flag with a screen (and a safety plan)",
            description = "Closes an open flag (status RESOLVED) with a C-SSRS screen of the flag's patient taken on or after the day"
                    + " the flag was raised; when the screen's risk is MODERATE or HIGH, safetyPlanId (a plan of that patient) is"
                    + " required. Publishes assessment.safety-flag-resolved on iop.plans. If-Match is optional; when sent it must"
                    + " carry the flag's current ETag.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ResolutionRequest.class), examples = {
            @ExampleObject(name = "with a safety plan", value = RiskApiExamples.RESOLUTION),
            @ExampleObject(name = "low risk", value = RiskApiExamples.RESOLUTION_LOW) }))
    @APIResponse(responseCode = "200", description = "Resolved", content = @Content(schema = @Schema(implementation = SafetyFlagView.class)))
    @APIResponse(responseCode = "400", description = "screenId missing; an id is not a UUID")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a clinician or admin")
    @APIResponse(responseCode = "404", description = "No such flag")
    @APIResponse(responseCode = "409", description = "The flag is already closed (acknowledged or resolved)")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "422", description = "safetyPlanId missing although the risk is moderate or high; screenId or safetyPlanId"
            + " unknown or of another patient; the screen was taken before the flag's day (the problem names the field)")
    public Response resolve(@PathParam("id") UUID id, @Valid @NotNull ResolutionRequest request,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        SafetyFlag flag = resolution.resolve(id, request.screenId(), request.safetyPlanId(), ifMatch);
        return Response.ok(SafetyFlagView.of(flag)).tag(ETags.of(flag.version).replace("\"", "")).build();
    }
}
