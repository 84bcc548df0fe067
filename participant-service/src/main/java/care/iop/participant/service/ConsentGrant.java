package care.iop.participant.service;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import care.iop.participant.domain.ConsentKind;
import care.iop.platform.privacy.Purpose;

/**
 * The command to record a consent the patient signed, whatever face it came through. PART2_DISCLOSURE needs
 * recipient, recipientId, purposes and expiresOn; the other kinds take none of recipient, recipientId, purposes.
 */
public record ConsentGrant(@NotNull ConsentKind kind, @NotNull LocalDate signedOn, LocalDate expiresOn, String recipient,
                           String recipientId, List<Purpose> purposes) {
}
