package care.iop.session.worklist.rest;

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

import care.iop.platform.security.Roles;
import care.iop.platform.worklist.ClinicianWorklist;
import care.iop.platform.worklist.Worklists;
import care.iop.session.worklist.service.SessionWorklist;

/** session-service's worklist face: the items of a clinician's worklist that session-service owns; the gateway merges them. */
@Path("/api/v1/worklists/clinicians/{clinicianId}/session-items")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Worklist", description = "What a clinician has to do today and tomorrow, each item with the call that acts on it")
public class SessionWorklistResource {
    static final String EXAMPLE = "{\"clinicianId\":\"3f2b8c1e-5d4a-4f6b-9c8d-7e6f5a4b3c2d\",\"generatedAt\":\"2026-12-07T09:15:00-05:00\","
            + "\"items\":[{\"kind\":\"NOTE_TO_SIGN\",\"summary\":\"Sign the drafted progress note of a group session\","
            + "\"patientId\":\"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\",\"resourceType\":\"ProgressNote\","
            + "\"resourceId\":\"5c4d3e2f-1a0b-4c9d-8e7f-6a5b4c3d2e1f\",\"dueAt\":\"2026-12-07T08:30:00-05:00\",\"overdue\":true,"
            + "\"action\":{\"method\":\"POST\",\"href\":\"/api/v1/notes/5c4d3e2f-1a0b-4c9d-8e7f-6a5b4c3d2e1f/signatures\"}},"
            + "{\"kind\":\"SESSION\",\"summary\":\"Group session 2026-12-07 10:00-11:30\",\"patientId\":null,\"resourceType\":\"Session\","
            + "\"resourceId\":\"7e6f5a4b-3c2d-4e1f-9a8b-7c6d5e4f3a2b\",\"dueAt\":\"2026-12-07T10:00:00-05:00\",\"overdue\":false,"
            + "\"action\":{\"method\":\"GET\",\"href\":\"/api/v1/sessions/7e6f5a4b-3c2d-4e1f-9a8b-7c6d5e4f3a2b\"}}]}";

    @Inject
    SessionWorklist worklist;

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Operation(operationId = "listSessionWorklistItems", summary = "A clinician's worklist items owned by session-service",
            description = "Open items of session-service for the clinician, overdue first, then by due time, kind and resource id."
                    + " Kinds: SESSION (the sessions the clinician facilitates from the start of today to the end of tomorrow, program"
                    + " time zone iop.program.time-zone, not cancelled; due at the start, never overdue; the action reads the session),"
                    + " NOTE_TO_WRITE (an ended session with attendance recorded whose attending member, or group narrative, has no note;"
                    + " the action writes it), NOTE_TO_SIGN (a draft of the clinician's session; the action signs it), NOTE_TO_COSIGN"
                    + " (a note signed by a supervised clinician awaiting a co-signature, listed to every active clinician whose"
                    + " credentials need no supervision: nobody is assigned to co-sign). Notes are listed from their session's end,"
                    + " due at the end plus iop.notes.due-after (72 h by default) and overdue after that instant, not at it."
                    + " Summaries never name a patient; patientId links to the chart. A clinician reads its own (the token's"
                    + " clinician_id claim must be clinicianId); admins read anyone's; a supervisor reads a supervisee's through an"
                    + " admin (no supervision relation is recorded). Front ends read the merged worklist GET /api/v1/worklists/me of"
                    + " the gateway. Each patient in the answer is audited (one row each).")
    @APIResponse(responseCode = "200", description = "The items",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClinicianWorklist.class),
                    examples = @ExampleObject(name = "note overdue, group today", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "clinicianId is not a UUID")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Another clinician's worklist, or a scheduler, integration or patient token",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "another clinician", value = Worklists.FORBIDDEN_EXAMPLE)))
    public ClinicianWorklist items(@Parameter(description = "The clinician (participant-service id)", example = "3f2b8c1e-5d4a-4f6b-9c8d-7e6f5a4b3c2d")
                                   @PathParam("clinicianId") UUID clinicianId) {
        return worklist.of(clinicianId);
    }
}
