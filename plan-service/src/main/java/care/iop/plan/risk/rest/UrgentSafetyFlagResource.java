package care.iop.plan.risk.rest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.plan.outcomes.domain.SafetyFlag;
import care.iop.plan.outcomes.rest.SafetyFlagView;
import care.iop.plan.outcomes.service.SafetyFlagService;
import care.iop.platform.security.Roles;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;

/** The open URGENT flags of high-risk screens, for the program's on-call role ({@code iop.risk.on-call-role}) and admins. */
@Path("/api/v1/assessments/safety-flags/urgent")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Safety flags", description = "Same-day review of assessments that signal risk of self-harm")
public class UrgentSafetyFlagResource {

    @Inject
    SafetyFlagService flags;

    @GET
    @RolesAllowed({ "${iop.risk.on-call-role:on-call}", Roles.ADMIN })
    @Operation(operationId = "listUrgentSafetyFlags", summary = "The open urgent flags (on-call)",
            description = "URGENT flags raised by high-risk C-SSRS screens and still open, oldest first, for callers with the on-call"
                    + " role (iop.risk.on-call-role, default on-call) and admins. Each listed flag is audited as read.")
    @APIResponse(responseCode = "200", description = "One page of urgent flags")
    @APIResponse(responseCode = "400", description = "Bad page or size")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not on call and not an admin")
    public Page<SafetyFlagView> list(@Valid @BeanParam PageQuery page) {
        var filter = new SafetyFlagService.Filter(SafetyFlag.Status.OPEN, null, null, SafetyFlag.Kind.URGENT, null,
                OffsetDateTime.now(ZoneOffset.UTC));
        return flags.list(filter, page).map(SafetyFlagView::of);
    }
}
