package care.iop.platform.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The verification of a service's audit hash chain ({@link AuditChainVerifier}). */
@Schema(description = "The verification of this service's audit hash chain")
public record AuditChainReport(
        @Schema(description = "True when every sealed link matches its row and follows the link before it (and the anchor, if given, matches)")
        boolean valid,
        @Schema(description = "Rows sealed into the chain")
        long sealedRows,
        @Schema(description = "Rows written but not sealed yet (the sealer runs every second); not covered by this verification")
        long unsealedRows,
        @Schema(description = "chain_seq of the last link; absent when nothing is sealed yet")
        Long headSeq,
        @Schema(description = "Hash of the last link (64 hex digits). Record (headSeq, headHash) outside the database to anchor the chain")
        String headHash,
        @Schema(description = "The first broken link; absent when valid")
        BrokenLink firstBrokenLink) {

    /** Where the chain breaks first, and why. */
    @Schema(description = "The first broken link of the chain")
    public record BrokenLink(
            @Schema(description = "chain_seq of the broken (or missing) link")
            long chainSeq,
            @Schema(description = "id of the audit row at that link; absent when the link itself is gone")
            Long auditId,
            @Schema(description = "LINK_MISSING (a link was deleted), ROW_MISSING (the audit row of a link was deleted), PREV_HASH_MISMATCH, CONTENT_CHANGED, ANCHOR_MISMATCH or ANCHOR_MISSING")
            String problem,
            @Schema(description = "What is wrong, in words")
            String detail) {
    }
}
