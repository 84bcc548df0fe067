package care.iop.plan.risk.rest;

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

import care.iop.plan.risk.service.SafetyPlanService;
import care.iop.platform.security.Roles;

/** The safety plan in force for one patient: what the patient's app shows it (with its own token). */
@Path("/api/v1/patients/{patientId}/safety-plan")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Safety plans", description = "The Stanley-Brown safety plan made with a patient at moderate or high suicide risk")
public class PatientSafetyPlanResource {

    @Inject
    SafetyPlanService plans;

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT })
    @Operation(operationId = "getCurrentSafetyPlan", summary = "The patient's safety plan in force",
            description = "The latest version. A patient reads only its own (another patient's answers 404). Audited as read.")
    @APIResponse(responseCode = "200", description = "The plan", content = @Content(schema = @Schema(implementation = SafetyPlanView.class)))
    @APIResponse(responseCode = "400", description = "patientId is not a UUID")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role not allowed (schedulers and integrations)")
    @APIResponse(responseCode = "404", description = "The patient has no safety plan, or it is another patient's")
    public SafetyPlanView current(@PathParam("patientId") UUID patientId) {
        return SafetyPlanView.of(plans.current(patientId));
    }
}
