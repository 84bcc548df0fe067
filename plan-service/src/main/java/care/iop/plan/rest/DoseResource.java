package care.iop.plan.rest;

import static care.iop.plan.rest.PlanRoles.ADMIN;
import static care.iop.plan.rest.PlanRoles.CLINICIAN;
import static care.iop.plan.rest.PlanRoles.INTEGRATION;
import static care.iop.plan.rest.PlanRoles.PATIENT;
import static care.iop.plan.rest.PlanRoles.SCHEDULER;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.plan.service.DoseService;

@Path("/api/v1/plans/{id}/dose")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dose", description = "Planned, scheduled and attended hours per ISO week")
public class DoseResource {

    @Inject
    DoseService dose;

    @GET
    @RolesAllowed({ CLINICIAN, ADMIN, SCHEDULER, INTEGRATION, PATIENT })
    @Operation(operationId = "getPlanDose", summary = "The plan's weekly dose",
            description = "One row per ISO week overlapping [from, to] (default: plan start to today or plan end): planned hours (mix in force), "
                    + "scheduled and attended hours by modality (from session-service attendance events), whether the week meets the "
                    + "level-of-care minimum and the H0015 pattern (at least 3 hours on at least 3 days). A caller outside the program (integration)"
                    + " gets a Part 2 patient's dose only with that patient's PART2_DISCLOSURE consent (else 404), with the Part2-Notice header.")
    @APIResponse(responseCode = "200", description = "Weeks, oldest first")
    @APIResponse(responseCode = "400", description = "Bad date, to before from, or more than 104 weeks")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "404", description = "No such plan (or not yours)")
    public List<DoseWeekView> dose(@PathParam("id") UUID id,
                                   @Parameter(description = "First day", example = "2026-11-30") @QueryParam("from") LocalDate from,
                                   @Parameter(description = "Last day", example = "2026-12-27") @QueryParam("to") LocalDate to) {
        return dose.dose(id, from, to);
    }
}
