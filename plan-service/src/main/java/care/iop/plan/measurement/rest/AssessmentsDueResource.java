package care.iop.plan.measurement.rest;

import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.plan.measurement.domain.DueStatus;
import care.iop.plan.measurement.service.AssessmentsDueService;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.Roles;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;

/** Assessments due across patients: one clinician's caseload, or the whole program. */
@Path("/api/v1/assessments-due")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments due")
public class AssessmentsDueResource {

    @Inject
    AssessmentsDueService due;

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Operation(operationId = "listAssessmentsDue", summary = "Assessments due and overdue, per clinician or program-wide",
            description = "The current (active or on-hold) plans of the primary clinician clinicianId, or of the whole program when it is"
                    + " absent; each instrument due today or by tomorrow (iop.measurement.horizon-days) and not yet taken in its window,"
                    + " or overdue; overdue first, then by due day. status=due keeps those still on time, status=overdue the overdue"
                    + " ones. Rules in docs/outcomes.md. Audited as a SEARCH naming every patient in the answer.")
    @APIResponse(responseCode = "200", description = "One page of assessments due")
    @APIResponse(responseCode = "400", description = "clinicianId not a UUID, status not due or overdue, bad page or size")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a clinician or admin")
    public Page<AssessmentDueView> list(
            @Parameter(description = "The plans' primary clinician; the whole program when absent") @QueryParam("clinicianId") UUID clinicianId,
            @Parameter(description = "due (still on time) or overdue; both when absent", schema = @Schema(type = SchemaType.STRING,
                    enumeration = { "due", "overdue" })) @QueryParam("status") String status,
            @Valid @BeanParam PageQuery page) {
        return due.list(clinicianId, parseStatus(status), page).map(AssessmentDueView::of);
    }

    private static DueStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return DueStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "must be due or overdue");
        }
    }
}
