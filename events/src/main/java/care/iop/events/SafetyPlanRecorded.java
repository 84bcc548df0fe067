package care.iop.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Carried by {@link EventTypes#SAFETY_PLAN_RECORDED} on {@link Topics#PLANS} (key: the patient id): a patient's
 * Stanley-Brown safety plan was recorded as version {@code planVersion}, superseding {@code supersedesId} (null for the
 * first). Ids only: the plan's content stays in plan-service.
 */
public record SafetyPlanRecorded(UUID safetyPlanId, UUID patientId, int planVersion, UUID supersedesId, UUID screenId,
                                 OffsetDateTime recordedAt, String recordedBy) {
}
