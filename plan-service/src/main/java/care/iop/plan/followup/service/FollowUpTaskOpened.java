package care.iop.plan.followup.service;

import care.iop.plan.followup.domain.FollowUpTask;

/** Fired (CDI) when a task is opened, so that the metric counts it only once its transaction commits. */
public record FollowUpTaskOpened(FollowUpTask.Kind kind) {
}
