package care.iop.plan.risk.service;

import java.util.UUID;

import care.iop.plan.risk.domain.SafetyPlanSections;

/** A safety plan to record for a patient, optionally after the screen {@code screenId}. */
public record RecordSafetyPlan(UUID patientId, UUID screenId, SafetyPlanSections sections) {
}
