package care.iop.plan.signing.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.plan.signing.domain.SignerRole;
import care.iop.plan.signing.domain.VersionSignatures;

/** A plan version: what changed, why, its signatures and (read alone) its content. */
@Schema(name = "PlanVersion", description = "A version of a plan's clinical content. `changes` names the fields that differ from the"
        + " version before (every field present for version 1). `content` (only in GET /plans/{id}/versions/{n}) is the snapshot.")
public record VersionView(
        @Schema(example = "2") int number,
        @Schema(example = "amended", enumeration = { "created", "amended", "modality-switch", "review", "level-change" }) String cause,
        @Schema(example = "[\"goals\"]") List<String> changes,
        @Schema(description = "The version must be signed before it is in force; false: in force at once on the signatures of the"
                + " version before") boolean signatureRequired,
        @Schema(example = "pending-signatures", enumeration = { "pending-signatures", "signed", "no-signature-needed", "superseded" },
                description = "superseded: replaced before it was fully signed, it can no longer be signed") String state,
        @Schema(description = "The version in force: the latest fully signed one") boolean inForce,
        @Schema(example = "[\"patient\", \"author\"]") List<String> requiredSignatures,
        @Schema(example = "[\"patient\"]") List<String> pendingSignatures,
        List<SignatureView> signatures,
        String createdBy, OffsetDateTime createdAt,
        @Schema(type = SchemaType.OBJECT, description = "The snapshot: levelOfCare, startDate, durationWeeks, endDate, reviewIntervalDays,"
                + " problems, goals, rationale, modality, modalityEffectiveFrom, modalityRationale, belowMinimumJustification")
        Map<String, Object> content) {

    static VersionView of(VersionSignatures v, List<String> changes, Map<String, Object> content) {
        return new VersionView(v.version().number, v.version().causeCode, changes, v.version().signatureRequired, v.state().code(),
                v.inForce(), codes(v.required()), codes(v.pending()), v.signatures().stream().map(SignatureView::of).toList(),
                v.version().createdBy, v.version().createdAt, content);
    }

    private static List<String> codes(List<SignerRole> roles) {
        return roles.stream().map(SignerRole::code).toList();
    }
}
