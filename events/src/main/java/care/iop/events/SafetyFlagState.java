package care.iop.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Carried by safety-flag events on {@link Topics#PLANS} (key: the patient id). {@code kind} is SAFETY_FLAG (raised by an
 * assessment, {@code assessmentId} and {@code instrument} set) or URGENT (raised by a high-risk screen,
 * {@code sourceScreenId} set, for the role {@code assignedRole}). {@code status} is OPEN, ACKNOWLEDGED (by an admin,
 * without a screen) or RESOLVED (with the screen {@code riskScreenId} and, for moderate or high risk, the safety plan
 * {@code safetyPlanId}). {@code dueAt} is the first instant after the program day the flag was raised on;
 * {@code overdueAt} is set once it was found past due. The acknowledgement reason stays in plan-service (it is
 * clinical content).
 */
public record SafetyFlagState(UUID flagId, UUID patientId, UUID assessmentId, String instrument, String reason,
                              String status, OffsetDateTime raisedAt, OffsetDateTime acknowledgedAt,
                              String acknowledgedBy, String kind, UUID assignedClinicianId, String assignedRole,
                              OffsetDateTime dueAt, OffsetDateTime overdueAt, OffsetDateTime resolvedAt, String resolvedBy,
                              UUID riskScreenId, UUID safetyPlanId, UUID sourceScreenId) {
}
