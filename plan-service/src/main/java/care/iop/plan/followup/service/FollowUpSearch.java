package care.iop.plan.followup.service;

import java.util.UUID;

import care.iop.plan.followup.domain.FollowUpTask;

/** The filters of the follow-up list; each null means "any". {@code overdue} true: open and past due; false: not so. */
public record FollowUpSearch(UUID assignedClinicianId, FollowUpTask.Kind kind, FollowUpTask.Status status, Boolean overdue,
                             UUID patientId) {
}
