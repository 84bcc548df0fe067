package care.iop.plan.outcomes.service;

import care.iop.events.SafetyFlagState;
import care.iop.plan.outcomes.domain.SafetyFlag;

/** Maps a flag to its event payload (every safety-flag event carries the same state, whichever capability publishes it). */
public final class SafetyFlagEvents {
    private SafetyFlagEvents() {
    }

    public static SafetyFlagState state(SafetyFlag flag) {
        return new SafetyFlagState(flag.id, flag.patientId, flag.assessmentId, flag.instrument == null ? null : flag.instrument.name(),
                flag.reason, flag.status.name(), flag.raisedAt, flag.acknowledgedAt, flag.acknowledgedBy, flag.kind.name(),
                flag.assignedClinicianId, flag.assignedRole, flag.dueAt, flag.overdueAt, flag.resolvedAt, flag.resolvedBy,
                flag.riskScreenId, flag.safetyPlanId, flag.sourceScreenId);
    }
}
