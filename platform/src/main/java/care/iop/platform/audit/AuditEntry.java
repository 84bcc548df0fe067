package care.iop.platform.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of the audit trail, as captured when the access happened: who (subject, roles) and which
 * request, taken from the calling thread, so another thread may write it ({@link AuditLog#write}).
 */
public record AuditEntry(OffsetDateTime occurredAt, String subject, String roles, String action, String resourceType,
                  String resourceId, UUID patientId, String outcome, String requestId) {

    static final String INSERT = """
            insert into audit_event (occurred_at, subject, roles, action, resource_type, resource_id, patient_id, outcome, request_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    Object[] parameters() {
        return new Object[] { occurredAt, subject, roles, action, resourceType, resourceId, patientId, outcome, requestId };
    }
}
