package care.iop.plan.outcomes.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.plan.outcomes.service.GoalProgress;
import care.iop.plan.outcomes.service.PlanProgressService;
import care.iop.platform.security.Roles;

@Path("/api/v1/plans/{id}/progress")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Outcomes")
public class PlanProgressResource {

    @Inject
    PlanProgressService progress;

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT })
    @Operation(operationId = "getPlanProgress", summary = "Progress of a plan's measured goals and SCORE objectives",
            description = "For each goal with a measure (the plan's goals, then its problems' goals): baseline (first score at or after"
                    + " plan start), latest, change, percent change, response (at least 50 % drop), remission (PHQ-9/GAD-7 below 5) and"
                    + " the FHIR Goal achievementStatus (in-progress, improving, worsening, no-change, achieved). For each SCORE"
                    + " objective: baseline, latest, the latest score on or before its target date (`byTargetDate`) and"
                    + " `measuredStatus`: met (that score is at or below the target), not-met (the target date passed without it),"
                    + " in-progress or not-started (no score yet); `status` is the one the clinicians recorded. Computed from the"
                    + " scores recorded so far in the plan's window. A patient reads only its own plan.")
    @APIResponse(responseCode = "200", description = "Goal and objective progress", content = @Content(schema = @Schema(implementation = GoalProgress.class)))
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    @APIResponse(responseCode = "404", description = "No such plan, or another patient's")
    public GoalProgress get(@PathParam("id") UUID id) {
        return progress.progress(id);
    }
}
