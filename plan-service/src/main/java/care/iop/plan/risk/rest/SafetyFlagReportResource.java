package care.iop.plan.risk.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.plan.risk.domain.SafetyFlagReport;
import care.iop.plan.risk.service.SafetyFlagReports;
import care.iop.platform.security.Roles;

/** The admin's view of how the suicide-risk pathway is kept: counts, and every flag closed without a screen. */
@Path("/api/v1/assessments/safety-flags/report")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Safety flags", description = "Same-day review of assessments that signal risk of self-harm")
public class SafetyFlagReportResource {

    @Inject
    SafetyFlagReports reports;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getSafetyFlagReport", summary = "Safety-flag report of a window of days",
            description = "For the flags raised from `from` to `to` (program days, both included): how many were raised (urgent among"
                    + " them), resolved with a screen, acknowledged without a screen (each listed with who, when and the reason),"
                    + " overdue (closed after their due time or still open past it) and still open.")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(implementation = SafetyFlagReport.class)))
    @APIResponse(responseCode = "400", description = "from or to missing or not a date; to before from")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public SafetyFlagReport report(
            @Parameter(description = "First program day included", required = true, example = "2026-12-01") @QueryParam("from") LocalDate from,
            @Parameter(description = "Last program day included", required = true, example = "2026-12-31") @QueryParam("to") LocalDate to) {
        return reports.report(from, to, OffsetDateTime.now(ZoneOffset.UTC));
    }
}
