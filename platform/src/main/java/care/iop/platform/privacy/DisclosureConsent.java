package care.iop.platform.privacy;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * An active PART2_DISCLOSURE consent as a service knows it: the client it names, the purposes it covers and
 * its last valid day (inclusive).
 */
public record DisclosureConsent(UUID consentId, String recipientId, Set<Purpose> purposes, LocalDate expiresOn) {

    /** True when this consent lets {@code recipient} receive the records for {@code purpose} on {@code day}. */
    public boolean covers(String recipient, Purpose purpose, LocalDate day) {
        return recipientId != null && recipientId.equals(recipient) && purposes != null && purposes.contains(purpose)
                && expiresOn != null && !day.isAfter(expiresOn);
    }
}
