package care.iop.plan.outcomes.rest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.plan.outcomes.domain.SafetyFlag;
import care.iop.plan.outcomes.service.SafetyFlagService;
import care.iop.platform.idempotency.Idempotent;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.Roles;
import care.iop.platform.web.ETags;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;

@Path("/api/v1/assessments/safety-flags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Safety flags", description = "Same-day review of assessments that signal risk of self-harm")
public class SafetyFlagResource {

    @Inject
    SafetyFlagService flags;

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Operation(operationId = "searchSafetyFlags", summary = "The safety-flag queue", description = "Flags oldest first; status=open"
            + " lists those still waiting for a screen. assignedClinicianId lists one clinician's flags, overdue=true the open"
            + " ones past their due time (the end of the program day they were raised on), kind=urgent the URGENT flags of"
            + " high-risk screens. Each listed flag is recorded in the audit trail as read.")
    @APIResponse(responseCode = "200", description = "One page of flags")
    @APIResponse(responseCode = "400", description = "status is not open, acknowledged or resolved; kind is not safety_flag or urgent;"
            + " bad patientId, assignedClinicianId, overdue, page or size")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    public Page<SafetyFlagView> list(
            @Parameter(description = "open, acknowledged or resolved; all when absent", schema = @Schema(type = SchemaType.STRING,
                    enumeration = { "open", "acknowledged", "resolved" })) @QueryParam("status") String status,
            @Parameter(description = "Only this patient's flags") @QueryParam("patientId") UUID patientId,
            @Parameter(description = "Only the flags assigned to this clinician") @QueryParam("assignedClinicianId") UUID assignedClinicianId,
            @Parameter(description = "safety_flag or urgent; both when absent", schema = @Schema(type = SchemaType.STRING,
                    enumeration = { "safety_flag", "urgent" })) @QueryParam("kind") String kind,
            @Parameter(description = "true: only open flags past due; false: only the others") @QueryParam("overdue") Boolean overdue,
            @Valid @BeanParam PageQuery page) {
        var filter = new SafetyFlagService.Filter(parse(SafetyFlag.Status.class, "status", status), patientId, assignedClinicianId,
                parse(SafetyFlag.Kind.class, "kind", kind), overdue, OffsetDateTime.now(ZoneOffset.UTC));
        return flags.list(filter, page).map(SafetyFlagView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Operation(operationId = "getSafetyFlag", summary = "Read one safety flag", description = "The ETag header carries the flag's version.")
    @APIResponse(responseCode = "200", description = "The flag", content = @Content(schema = @Schema(implementation = SafetyFlagView.class)))
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    @APIResponse(responseCode = "404", description = "No such flag")
    public Response get(@PathParam("id") UUID id) {
        SafetyFlag flag = flags.get(id);
        return Response.ok(SafetyFlagView.of(flag)).tag(ETags.of(flag.version).replace("\"", "")).build();
    }

    @POST

    @Idempotent
    @Path("/{id}/acknowledge")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "acknowledgeSafetyFlag", summary = "Close a safety flag without a screen (admin, with a reason)",
            description = "The exception to the pathway: clinicians close a flag with a C-SSRS screen (POST .../resolution). An admin"
                    + " may close it without one, giving the reason; the safety-flag report lists who, when and why. Publishes"
                    + " assessment.safety-flag-acknowledged on iop.plans (without the reason). If-Match is optional; when sent it must"
                    + " carry the flag's current ETag.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AcknowledgeRequest.class), examples = @ExampleObject(name = "reason",
            value = "{\"reason\":\"Patient admitted to inpatient care the same day; screened there.\"}")))
    @APIResponse(responseCode = "200", description = "Acknowledged", content = @Content(schema = @Schema(implementation = SafetyFlagView.class)))
    @APIResponse(responseCode = "400", description = "reason missing or blank, or longer than 4000 characters")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin (a clinician resolves the flag with a screen)")
    @APIResponse(responseCode = "404", description = "No such flag")
    @APIResponse(responseCode = "409", description = "Already closed (acknowledged or resolved)")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response acknowledge(@PathParam("id") UUID id, @Valid @NotNull AcknowledgeRequest request,
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        SafetyFlag flag = flags.acknowledge(id, request.reason(), ifMatch);
        return Response.ok(SafetyFlagView.of(flag)).tag(ETags.of(flag.version).replace("\"", "")).build();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
    }
}
