package care.iop.plan.risk.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.plan.risk.domain.RiskLevel;
import care.iop.plan.risk.domain.RiskScreen;

@Schema(description = "A recorded C-SSRS screener and its risk (HIGH: any of items 3-5, or item 6 within the past three months;"
        + " MODERATE: item 6 longer ago; LOW: items 1-2 only; NONE: all no). urgentFlagId: the URGENT flag a HIGH risk raised"
        + " (only in the answer to the POST).")
public record RiskScreenView(UUID id, UUID patientId, UUID flagId, OffsetDateTime takenAt, List<Boolean> answers,
                             Boolean withinPastThreeMonths, RiskLevel risk, boolean safetyPlanNeeded, UUID urgentFlagId,
                             OffsetDateTime recordedAt, String recordedBy, long version) {

    static RiskScreenView of(RiskScreen s, UUID urgentFlagId) {
        return new RiskScreenView(s.id, s.patientId, s.flagId, s.takenAt, s.answers(), s.item6WithinThreeMonths, s.risk,
                s.risk.needsSafetyPlan(), urgentFlagId, s.recordedAt, s.recordedBy, s.version);
    }

    static RiskScreenView of(RiskScreen s) {
        return of(s, null);
    }
}
