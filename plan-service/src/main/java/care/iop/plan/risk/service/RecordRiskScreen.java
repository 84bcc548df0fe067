package care.iop.plan.risk.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A C-SSRS screener to record: six yes/no answers, and for a yes to item 6 whether it was within the past three months. */
public record RecordRiskScreen(UUID patientId, UUID flagId, OffsetDateTime takenAt, List<Boolean> answers,
                               Boolean withinPastThreeMonths) {
}
