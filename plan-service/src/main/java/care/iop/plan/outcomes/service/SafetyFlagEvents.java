package care.iop.plan.outcomes.service;

import care.iop.events.SafetyFlagState;
import care.iop.plan.outcomes.domain.SafetyFlag;

/** Maps a flag to its event payload. */
final class SafetyFlagEvents {
    private SafetyFlagEvents() {
    }

    static SafetyFlagState state(SafetyFlag flag) {
        return new SafetyFlagState(flag.id, flag.patientId, flag.assessmentId, flag.instrument.name(), flag.reason,
                flag.status.name(), flag.raisedAt, flag.acknowledgedAt, flag.acknowledgedBy);
    }
}
