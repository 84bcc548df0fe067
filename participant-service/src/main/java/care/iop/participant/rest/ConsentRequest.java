package care.iop.participant.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.participant.domain.ConsentKind;

@Schema(name = "ConsentRequest", description = "A consent the patient signed. PART2_DISCLOSURE needs recipient, purpose and expiresOn; the other kinds take neither recipient nor purpose.")
public record ConsentRequest(
        @Schema(example = "GROUP_PARTICIPATION") @NotNull ConsentKind kind,
        @Schema(example = "2026-11-20", description = "Not in the future") @NotNull @PastOrPresent LocalDate signedOn,
        @Schema(example = "2027-11-20", description = "Last valid day (inclusive); not before signedOn nor before today; null: no expiry")
        LocalDate expiresOn,
        @Schema(example = "Riverside County Probation", description = "PART2_DISCLOSURE: who may receive the records")
        @Size(max = 200) String recipient,
        @Schema(example = "Treatment coordination and compliance reporting", description = "PART2_DISCLOSURE: why")
        @Size(max = 500) String purpose) {
}
