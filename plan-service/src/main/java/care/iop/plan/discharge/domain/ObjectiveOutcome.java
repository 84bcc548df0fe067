package care.iop.plan.discharge.domain;

import java.time.LocalDate;

/**
 * An objective of the plan at discharge with its status ({@code care.iop.plan.content.Objective#STATUSES}): met when its
 * status is {@value #MET}; not met when it is not-met, in-progress or not-started (it was not reached by discharge); a
 * {@value #REVISED} objective was replaced by another and counts as neither.
 */
public record ObjectiveOutcome(String goalId, String goalDescription, String objectiveId, String description, String status,
                               LocalDate targetDate) {
    public static final String MET = "met";
    public static final String REVISED = "revised";

    public boolean met() {
        return MET.equals(status);
    }

    public boolean notMet() {
        return !met() && !REVISED.equals(status);
    }
}
