package care.iop.plan.rest;

import static care.iop.plan.rest.PlanRoles.ADMIN;
import static care.iop.plan.rest.PlanRoles.CLINICIAN;
import static care.iop.plan.rest.PlanRoles.INTEGRATION;
import static care.iop.plan.rest.PlanRoles.SCHEDULER;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.plan.service.DoseService;

@Path("/api/v1/plans/dose-alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dose", description = "Planned, scheduled and attended hours per ISO week")
public class DoseAlertResource {

    @Inject
    DoseService dose;

    @GET
    @RolesAllowed({ CLINICIAN, ADMIN, SCHEDULER, INTEGRATION })
    @Operation(operationId = "listDoseAlerts", summary = "Active plans under the minimum in a week",
            description = "Every active plan whose attended hours in the ISO week are below its level-of-care minimum (for a week the plan "
                    + "covers only in part, its share: minimum x plan days / 7), with that week's dose: kind attended-below-minimum (not raised"
                    + " while the week's first plan day lies in the plan's step-down tolerance). And every active plan still planned below the"
                    + " minimum after its step-down tolerance (iop.plan.step-down-tolerance, 14 days, ended by the week's Sunday): kind"
                    + " step-down-tolerance-over, with stepDownSince and a detail naming the plan. For a caller outside the program (integration)"
                    + " the plans of Part 2 patients without a PART2_DISCLOSURE consent for it are left out. Each patient in the answer has an"
                    + " audit row.")
    @APIResponse(responseCode = "200", description = "The alerts")
    @APIResponse(responseCode = "400", description = "week is not an ISO week like 2026-W49")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Patients may not list alerts")
    public List<DoseAlertView> alerts(@Parameter(description = "ISO week; default the last completed week", example = "2026-W49") @QueryParam("week") String week) {
        return dose.alerts(week);
    }
}
