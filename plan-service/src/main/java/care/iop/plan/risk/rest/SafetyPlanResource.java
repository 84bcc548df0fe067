package care.iop.plan.risk.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.plan.risk.service.SafetyPlanService;
import care.iop.platform.idempotency.Idempotent;
import care.iop.platform.security.Roles;

/** Safety plans: staff record them; the patient reads its own with its own token (another patient's answers 404). */
@Path("/api/v1/safety-plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Safety plans", description = "The Stanley-Brown safety plan made with a patient at moderate or high suicide risk")
public class SafetyPlanResource {

    @Inject
    SafetyPlanService plans;

    @POST

    @Idempotent
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Operation(operationId = "recordSafetyPlan", summary = "Record a patient's safety plan",
            description = "The seven Stanley-Brown sections. The plan must name a crisis line: when no professional or crisis line is"
                    + " marked crisisLine, the configured default (988 Suicide & Crisis Lifeline) is added. A new plan supersedes the"
                    + " patient's previous one (planVersion + 1). Publishes safety-plan.recorded on iop.plans (ids only).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SafetyPlanRequest.class), examples = @ExampleObject(name = "plan", value = RiskApiExamples.SAFETY_PLAN)))
    @APIResponse(responseCode = "201", description = "Recorded; Location names it", content = @Content(schema = @Schema(implementation = SafetyPlanView.class)))
    @APIResponse(responseCode = "400", description = "A section missing, an entry blank or too long, more than 20 entries in a section")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a clinician or admin")
    @APIResponse(responseCode = "422", description = "screenId is not a screen of this patient, or the patient is not known to the plan service")
    public Response record(@Valid @NotNull SafetyPlanRequest request, @Context UriInfo uri) {
        SafetyPlanView plan = SafetyPlanView.of(plans.record(request.command()));
        URI location = uri.getAbsolutePathBuilder().path(plan.id().toString()).build();
        return Response.created(location).entity(plan).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT })
    @Operation(operationId = "getSafetyPlan", summary = "Read one version of a safety plan",
            description = "A patient reads only its own (another patient's answers 404). Audited as read.")
    @APIResponse(responseCode = "200", description = "The plan", content = @Content(schema = @Schema(implementation = SafetyPlanView.class)))
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role not allowed (schedulers and integrations)")
    @APIResponse(responseCode = "404", description = "No such plan, or another patient's")
    public SafetyPlanView get(@PathParam("id") UUID id) {
        return SafetyPlanView.of(plans.get(id));
    }
}
