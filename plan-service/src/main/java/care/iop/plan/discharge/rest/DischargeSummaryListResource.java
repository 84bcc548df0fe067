package care.iop.plan.discharge.rest;

import static care.iop.platform.security.Roles.ADMIN;
import static care.iop.platform.security.Roles.CLINICIAN;

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

import care.iop.plan.discharge.domain.SummaryStatus;
import care.iop.plan.discharge.service.DischargeSummaryService;
import care.iop.plan.discharge.service.SummaryDocuments;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;

/** Discharge summaries across patients, by assigned clinician and status: the drafts a clinician still has to sign. */
@Path("/api/v1/discharge-summaries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Discharge summaries")
public class DischargeSummaryListResource {

    @Inject
    DischargeSummaryService summaries;

    @Inject
    SummaryDocuments documents;

    @GET
    @RolesAllowed({ CLINICIAN, ADMIN })
    @Operation(operationId = "searchDischargeSummaries", summary = "Search discharge summaries",
            description = "By assigned clinician (the plan's primary clinician) and status (DRAFT, SIGNED), the earliest due first. Each"
                    + " patient in the answer has an audit row.")
    @APIResponse(responseCode = "200", description = "A page of summaries")
    @APIResponse(responseCode = "400", description = "status not DRAFT or SIGNED; assignedClinicianId not a UUID; bad page or size")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a clinician or admin")
    public Page<DischargeSummaryView> search(
            @Parameter(description = "Summaries assigned to this clinician") @QueryParam("assignedClinicianId") UUID assignedClinicianId,
            @Parameter(description = "DRAFT or SIGNED", schema = @Schema(type = SchemaType.STRING, enumeration = { "DRAFT", "SIGNED" }))
            @QueryParam("status") String status,
            @Valid @BeanParam PageQuery page) {
        return summaries.list(assignedClinicianId, status(status), page).map(s -> DischargeSummaryView.of(s, documents));
    }

    private static SummaryStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return SummaryStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "must be DRAFT or SIGNED");
        }
    }
}
