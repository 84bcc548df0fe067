package care.iop.plan.outcomes.rest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.outcomes.domain.SafetyFlag;

@Schema(description = "A safety concern (an assessment's, or an URGENT one of a high-risk screen), due the same program day: open"
        + " until resolved with a screen (and a safety plan for moderate or high risk) or acknowledged by an admin with a reason."
        + " overdue is computed at the time of the request.")
public record SafetyFlagView(UUID id, SafetyFlag.Kind kind, UUID patientId, UUID assessmentId, Instrument instrument, UUID sourceScreenId,
                             String reason, SafetyFlag.Status status, OffsetDateTime raisedAt, UUID assignedClinicianId,
                             String assignedRole, OffsetDateTime dueAt, boolean overdue, OffsetDateTime overdueAt,
                             OffsetDateTime acknowledgedAt, String acknowledgedBy,
                             @Schema(description = "The admin's reason for closing the flag without a screen") String acknowledgementNote,
                             OffsetDateTime resolvedAt, String resolvedBy, UUID riskScreenId, UUID safetyPlanId, long version) {

    public static SafetyFlagView of(SafetyFlag f) {
        return new SafetyFlagView(f.id, f.kind, f.patientId, f.assessmentId, f.instrument, f.sourceScreenId, f.reason, f.status,
                f.raisedAt, f.assignedClinicianId, f.assignedRole, f.dueAt, f.isOverdue(OffsetDateTime.now(ZoneOffset.UTC)),
                f.overdueAt, f.acknowledgedAt, f.acknowledgedBy, f.acknowledgementNote, f.resolvedAt, f.resolvedBy, f.riskScreenId,
                f.safetyPlanId, f.version);
    }
}
