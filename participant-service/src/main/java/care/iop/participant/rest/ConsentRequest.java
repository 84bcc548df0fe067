package care.iop.participant.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.participant.domain.ConsentKind;
import care.iop.participant.service.ConsentGrant;
import care.iop.platform.privacy.Purpose;

@Schema(name = "ConsentRequest", description = "A consent the patient signed. PART2_DISCLOSURE needs recipient, recipientId, purposes and "
        + "expiresOn; the other kinds take none of recipient, recipientId and purposes.")
public record ConsentRequest(
        @Schema(example = "GROUP_PARTICIPATION") @NotNull ConsentKind kind,
        @Schema(example = "2026-11-20", description = "Not in the future") @NotNull @PastOrPresent @Years LocalDate signedOn,
        @Schema(example = "2027-11-20", description = "Last valid day (inclusive); not before signedOn nor before today; null: no expiry. "
                + "Required for PART2_DISCLOSURE")
        @Years LocalDate expiresOn,
        @Schema(example = "Riverside County Probation", description = "PART2_DISCLOSURE: who may receive the records, as people name them")
        @Size(max = 200) String recipient,
        @Schema(example = "riverside-probation-ehr", maxLength = 200, description = "PART2_DISCLOSURE: the recipient's client identity, as its "
                + "tokens carry it (claim azp, else client_id, else sub); a caller is answered Part 2 records only when it equals this")
        @Size(max = 200) @Pattern(regexp = "\\S+", message = "must be a client identity without whitespace") String recipientId,
        @Schema(description = "PART2_DISCLOSURE: what the recipient may use the records for, at least one of TREATMENT, PAYMENT, "
                + "HEALTH_CARE_OPERATIONS (a caller states its purpose in the token claim purpose_of_use)",
                example = "[\"TREATMENT\",\"PAYMENT\"]", maxItems = 3)
        @Size(max = 3) List<@NotNull Purpose> purposes) {

    /** The service's command. */
    public ConsentGrant toGrant() {
        return new ConsentGrant(kind, signedOn, expiresOn, recipient, recipientId, purposes);
    }
}
