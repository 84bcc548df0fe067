package care.iop.platform.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of the audit trail, as captured when the access happened: who (subject, roles) and which
 * request, taken from the calling thread, so another thread may write it ({@link AuditLog#write}). For a caller
 * outside the program: the client it was answered to ({@code recipient}) and the Part 2 consent a disclosure
 * relied on; for a refusal, why ({@code reason}).
 */
public record AuditEntry(OffsetDateTime occurredAt, String subject, String roles, String action, String resourceType,
                  String resourceId, UUID patientId, String outcome, String requestId, String reason, String recipient,
                  UUID consentId) {

    static final String INSERT = """
            insert into audit_event (occurred_at, subject, roles, action, resource_type, resource_id, patient_id, outcome, request_id,
                                     reason, recipient, consent_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    Object[] parameters() {
        return new Object[] { occurredAt, subject, roles, action, resourceType, resourceId, patientId, outcome, requestId,
                reason, recipient, consentId };
    }
}
