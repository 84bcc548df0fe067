package care.iop.plan.followup.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import care.iop.events.DischargeReviewOpened;
import care.iop.events.EventTypes;
import care.iop.events.FollowUpTaskState;
import care.iop.events.Topics;
import care.iop.plan.followup.domain.FollowUpTask;
import care.iop.plan.privacy.Part2Labels;
import care.iop.platform.outbox.Outbox;

/**
 * Publishes the follow-up events on iop.plans (key = the patient id) through the outbox, in the caller's transaction, and
 * tells {@link FollowUpMetrics} about an opened task (counted once the transaction commits). The outcome note never
 * travels.
 */
@ApplicationScoped
public class FollowUpEvents {

    @Inject
    Outbox outbox;

    @Inject
    Part2Labels labels;

    @Inject
    Event<FollowUpTaskOpened> opened;

    /** NoShowFollowUpOpened or DischargeReviewOpened, as the task's kind says. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(FollowUpTask task) {
        FollowUpTask.flush();
        if (task.kind == FollowUpTask.Kind.DISCHARGE_REVIEW) {
            outbox.publish(Topics.PLANS, task.patientId, EventTypes.DISCHARGE_REVIEW_OPENED,
                    new DischargeReviewOpened(task.id, task.patientId, task.missedCount, task.windowFrom, task.windowTo,
                            task.assignedClinicianId, task.dueOn, task.dueAt, labels.patientLabel(task.patientId)));
        } else {
            outbox.publish(Topics.PLANS, task.patientId, EventTypes.NO_SHOW_FOLLOW_UP_OPENED, state(task));
        }
        opened.fire(new FollowUpTaskOpened(task.kind));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void completed(FollowUpTask task) {
        FollowUpTask.flush();
        outbox.publish(Topics.PLANS, task.patientId, EventTypes.FOLLOW_UP_COMPLETED, state(task));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelled(FollowUpTask task) {
        FollowUpTask.flush();
        outbox.publish(Topics.PLANS, task.patientId, EventTypes.FOLLOW_UP_CANCELLED, state(task));
    }

    private FollowUpTaskState state(FollowUpTask t) {
        return new FollowUpTaskState(t.id, t.patientId, t.kind.name(), t.sessionId, t.assignedClinicianId, t.dueOn, t.dueAt,
                t.status.name(), t.openedAt, t.doneBy, t.doneAt, t.cancelledAt, t.version, labels.patientLabel(t.patientId));
    }
}
