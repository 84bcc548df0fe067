package care.iop.plan.episode.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An open episode whose first plan is overdue: no plan of it has been in force by {@code dueOn}; {@code draftPlanId} is its
 * latest draft, if any; {@code notifiedOn} the day FirstPlanOverdue was published (null: not yet).
 */
public record OverdueFirstPlan(UUID episodeId, UUID patientId, LocalDate admittedOn, String levelOfCare, LocalDate dueOn,
                               long daysOverdue, UUID draftPlanId, LocalDate notifiedOn) {
}
