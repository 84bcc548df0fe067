package care.iop.plan.followup.domain;

import java.time.OffsetDateTime;

/** A task as the service answered it at {@code now}: whether it was overdue then is part of the answer. */
public record TaskAsOf(FollowUpTask task, boolean overdue) {
    public static TaskAsOf at(FollowUpTask task, OffsetDateTime now) {
        return new TaskAsOf(task, task.overdueAt(now));
    }
}
