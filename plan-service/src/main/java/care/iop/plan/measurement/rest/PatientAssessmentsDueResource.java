package care.iop.plan.measurement.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.plan.measurement.service.AssessmentsDueService;
import care.iop.platform.security.Roles;

/** What one patient has to fill in: for its clinicians, and for the patient's own app. */
@Path("/api/v1/patients/{patientId}/assessments-due")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments due", description = "Measurement on schedule: assessments due and overdue by the plans' schedules")
public class PatientAssessmentsDueResource {

    @Inject
    AssessmentsDueService due;

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT })
    @Operation(operationId = "listPatientAssessmentsDue", summary = "The assessments a patient has to fill in",
            description = "By the schedule of the patient's current (active or on-hold) plan, as of today in the program's time zone:"
                    + " each instrument due today or by tomorrow (iop.measurement.horizon-days) and not yet taken in its window, or"
                    + " overdue; overdue first. Rules in docs/outcomes.md. A patient token reads its own list (the mobile app asks the"
                    + " patient to fill them in with POST /api/v1/assessments); another patient's answers 404. Audited as a SEARCH.")
    @APIResponse(responseCode = "200", description = "The assessments due (empty without a current plan)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = AssessmentDueView.class),
                    examples = @ExampleObject(name = "due", value = MeasurementApiExamples.DUE_LIST)))
    @APIResponse(responseCode = "400", description = "patientId is not a UUID")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Scheduler or integration: assessments are clinical")
    @APIResponse(responseCode = "404", description = "A patient asking for another patient's list")
    public List<AssessmentDueView> list(@PathParam("patientId") UUID patientId) {
        return due.forPatient(patientId).stream().map(AssessmentDueView::of).toList();
    }
}
