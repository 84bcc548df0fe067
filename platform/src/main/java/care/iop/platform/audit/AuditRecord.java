package care.iop.platform.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of the audit trail. {@code outcome} is SUCCESS or DENIED. */
public record AuditRecord(long id, OffsetDateTime occurredAt, String service, String subject, String roles, String action,
                          String resourceType, String resourceId, UUID patientId, String outcome, String requestId) {
}
