package care.iop.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Carried by safety-flag events on {@link Topics#PLANS} (key: the patient id). {@code status} is OPEN
 * or ACKNOWLEDGED; {@code acknowledgedAt} and {@code acknowledgedBy} (the clinician's subject) are
 * set once acknowledged. The acknowledgement note stays in plan-service (it is clinical content).
 */
public record SafetyFlagState(UUID flagId, UUID patientId, UUID assessmentId, String instrument, String reason,
                              String status, OffsetDateTime raisedAt, OffsetDateTime acknowledgedAt,
                              String acknowledgedBy) {
}
