package care.iop.plan.worklist.rest;

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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.plan.worklist.service.PlanWorklist;
import care.iop.platform.security.Roles;
import care.iop.platform.worklist.ClinicianWorklist;
import care.iop.platform.worklist.Worklists;

/** plan-service's worklist face: the items of a clinician's worklist that plan-service owns; the gateway merges them. */
@Path("/api/v1/worklists/clinicians/{clinicianId}/plan-items")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Worklist", description = "What a clinician has to do today and tomorrow, each item with the call that acts on it")
public class PlanWorklistResource {
    static final String EXAMPLE = "{\"clinicianId\":\"3f2b8c1e-5d4a-4f6b-9c8d-7e6f5a4b3c2d\",\"generatedAt\":\"2026-12-07T09:15:00-05:00\","
            + "\"items\":[{\"kind\":\"REVIEW_DUE\",\"summary\":\"Plan review due on 2026-12-06\","
            + "\"patientId\":\"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\",\"resourceType\":\"CarePlan\","
            + "\"resourceId\":\"0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e\",\"dueAt\":\"2026-12-07T00:00:00-05:00\",\"overdue\":true,"
            + "\"action\":{\"method\":\"POST\",\"href\":\"/api/v1/plans/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e/reviews\"}},"
            + "{\"kind\":\"PLAN_SIGNATURE\",\"summary\":\"Plan version 2 awaits signatures: patient, author\","
            + "\"patientId\":\"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\",\"resourceType\":\"CarePlanVersion\","
            + "\"resourceId\":\"0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e\",\"dueAt\":null,\"overdue\":false,"
            + "\"action\":{\"method\":\"POST\",\"href\":\"/api/v1/plans/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e/versions/2/signatures\"}}]}";

    @Inject
    PlanWorklist worklist;

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Operation(operationId = "listPlanWorklistItems", summary = "A clinician's worklist items owned by plan-service",
            description = "Open items of plan-service for the clinician, due up to the end of tomorrow (program time zone,"
                    + " iop.program.time-zone) or already overdue, overdue first, then by due time (items without one last), kind and"
                    + " resource id. Kinds: REVIEW_DUE (active or on-hold plans the clinician is primary for whose next review falls"
                    + " by tomorrow; due at the end of the review day, overdue after it), PLAN_SIGNATURE (the latest version of a plan"
                    + " the clinician authors still lacks signatures: the summary names them, the action signs when the author's is"
                    + " missing, else reads the version; a licensed clinician also sees other authors' versions awaiting a co-signer),"
                    + " and the kinds of plan-service's other capabilities (safety flags, assessments due, no-show follow-ups,"
                    + " discharge reviews and summaries). Summaries never name a patient; patientId links to the chart. A clinician"
                    + " reads its own (the token's clinician_id claim must be clinicianId); admins read anyone's; a supervisor reads"
                    + " a supervisee's through an admin (no supervision relation is recorded). Front ends read the merged worklist"
                    + " GET /api/v1/worklists/me of the gateway. Each patient in the answer is audited (one row each).")
    @APIResponse(responseCode = "200", description = "The items",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClinicianWorklist.class),
                    examples = @ExampleObject(name = "review overdue, plan to sign", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "clinicianId is not a UUID")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Another clinician's worklist, or a scheduler, integration or patient token",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "another clinician", value = Worklists.FORBIDDEN_EXAMPLE)))
    public ClinicianWorklist items(@Parameter(description = "The clinician (participant-service id)", example = "3f2b8c1e-5d4a-4f6b-9c8d-7e6f5a4b3c2d")
                                   @PathParam("clinicianId") UUID clinicianId) {
        return worklist.of(clinicianId);
    }
}
