package care.iop.plan.followup.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.plan.followup.domain.FollowUpTask;
import care.iop.plan.worklist.service.WorklistSource;
import care.iop.platform.time.ProgramTime;
import care.iop.platform.worklist.WorklistAction;
import care.iop.platform.worklist.WorklistItem;
import care.iop.platform.worklist.WorklistItemKind;

/**
 * The follow-ups' part of a clinician's worklist: the open no-show follow-ups and discharge reviews assigned to the
 * clinician that are due by the horizon (or overdue), each acted on by recording its outcome. One indexed query
 * ({@code follow_up_task_assigned_open}); the worklist audits what it returns.
 */
@ApplicationScoped
public class FollowUpWorklistSource implements WorklistSource {
    static final String COMPLETION = "/api/v1/follow-ups/%s/completion";

    @Inject
    ProgramTime time;

    @Override
    public List<WorklistItem> itemsFor(UUID clinicianId, OffsetDateTime now, OffsetDateTime horizon) {
        return FollowUpTask.<FollowUpTask>list("assignedClinicianId = ?1 and status = ?2 and dueAt <= ?3 order by dueAt, id",
                clinicianId, FollowUpTask.Status.OPEN, horizon).stream().map(task -> item(task, now, time)).toList();
    }

    private static WorklistItem item(FollowUpTask task, OffsetDateTime now, ProgramTime time) {
        boolean review = task.kind == FollowUpTask.Kind.DISCHARGE_REVIEW;
        String summary = review
                ? "Discharge review: " + task.missedCount + " sessions missed from " + task.windowFrom + " to " + task.windowTo
                : "Follow up the no-show of the session on " + time.dayOf(task.sessionStart);
        return new WorklistItem(review ? WorklistItemKind.DISCHARGE_REVIEW : WorklistItemKind.NO_SHOW_FOLLOW_UP, summary,
                task.patientId, FollowUpService.RESOURCE, task.id, task.dueAt, task.overdueAt(now),
                WorklistAction.post(COMPLETION.formatted(task.id)));
    }
}
