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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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

    @Inject
    AuditChainVerifier chain;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(operationId = "searchAuditEntries", summary = "Read this service's audit trail",
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

    @GET
    @Path("/verify")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "verifyAuditChain", summary = "Verify this service's audit hash chain",
            description = "Walks every sealed audit row in chain order, recomputes its hash (sha256 of the previous link's hash and the"
                    + " row) and names the first broken link: a row changed after sealing, a row deleted, links rechained. Rows written"
                    + " in the last second or so are not sealed yet (unsealedRows) and not covered. Record headSeq and headHash outside"
                    + " the database (anchoring) and pass them back later as anchorSeq and anchorHash: a chain rewritten or cut short"
                    + " since then fails too. Admins only.")
    @APIResponse(responseCode = "200", description = "The verification; valid is false when the chain is broken",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditChainReport.class)))
    @APIResponse(responseCode = "400", description = "Bad anchor")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public AuditChainReport verify(
            @Parameter(description = "chain_seq of a link anchored earlier (a headSeq of a previous verification)", example = "1024") @QueryParam("anchorSeq") String anchorSeq,
            @Parameter(description = "Its hash then (headHash, 64 hex digits); required with anchorSeq") @QueryParam("anchorHash") String anchorHash) {
        if (anchorSeq == null && anchorHash == null) {
            return chain.verify(null, null);
        }
        long seq;
        try {
            seq = Long.parseLong(anchorSeq == null ? "" : anchorSeq.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("anchorSeq", "must be a chain_seq (a whole number of at least 1) when anchorHash is given");
        }
        if (seq < 1) {
            throw ProblemException.invalidField("anchorSeq", "must be at least 1");
        }
        if (anchorHash == null || !anchorHash.matches("[0-9a-fA-F]{64}")) {
            throw ProblemException.invalidField("anchorHash", "must be the anchored link's hash, 64 hex digits, when anchorSeq is given");
        }
        return chain.verify(seq, java.util.HexFormat.of().parseHex(anchorHash));
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
