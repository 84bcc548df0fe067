package care.iop.platform.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One entry of the audit trail. {@code outcome} is SUCCESS or DENIED; {@code reason} says why a denial was made,
 * {@code recipient} names the client outside the program an answer went to, {@code consentId} the Part 2
 * consent a disclosure relied on.
 */
public record AuditRecord(long id, OffsetDateTime occurredAt, String service, String subject, String roles, String action,
                          String resourceType, String resourceId, UUID patientId, String outcome, String requestId,
                          String reason, String recipient, UUID consentId) {
}
