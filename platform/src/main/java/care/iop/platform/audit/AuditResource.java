package care.iop.platform.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.Roles;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who read or changed patient data")
public class AuditResource {

    @Inject
    AuditLog audit;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Read this service's audit trail",
            description = "Every read or write of patient data in this service, in time order, optionally for one patient and a time window [from, to). Admins only.")
    @APIResponse(responseCode = "200", description = "A page of audit entries")
    @APIResponse(responseCode = "400", description = "Bad parameter")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public Page<AuditRecord> search(
            @Parameter(description = "Only entries about this patient") @QueryParam("patientId") UUID patientId,
            @Parameter(description = "From this instant (inclusive), ISO-8601 with offset", example = "2026-12-01T00:00:00Z") @QueryParam("from") String from,
            @Parameter(description = "Until this instant (exclusive)", example = "2026-12-31T00:00:00Z") @QueryParam("to") String to,
            @Valid @BeanParam PageQuery page) {
        return audit.search(patientId, instant("from", from), instant("to", to), page);
    }

    private static java.time.Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be an ISO-8601 date-time with offset, like 2026-12-01T00:00:00Z");
        }
    }
}
