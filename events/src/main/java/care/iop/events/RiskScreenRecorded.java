package care.iop.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Carried by {@link EventTypes#RISK_SCREEN_RECORDED} on {@link Topics#PLANS} (key: the patient id): a C-SSRS screener was
 * recorded. {@code risk} is NONE, LOW, MODERATE or HIGH; {@code flagId} is the safety flag the screen was taken for (may
 * be null); {@code urgentFlagId} is the URGENT flag a HIGH risk raised (else null). The answers stay in plan-service.
 */
public record RiskScreenRecorded(UUID screenId, UUID patientId, UUID flagId, String risk, UUID urgentFlagId,
                                 OffsetDateTime takenAt, OffsetDateTime recordedAt, String recordedBy) {
}
