package care.iop.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A follow-up task of plan-service as its events carry it on {@link Topics#PLANS} (key: the patient id): a
 * no-show follow-up ({@code kind} NO_SHOW_FOLLOW_UP, with the missed {@code sessionId}) or a discharge review
 * (DISCHARGE_REVIEW, no session). {@code status} is OPEN, DONE or CANCELLED; {@code dueAt} is the end of
 * {@code dueOn} in the program's time zone (overdue from then on); {@code assignedClinicianId} is the primary
 * clinician of the patient's current plan (null when the patient has no plan). The outcome note stays in
 * plan-service (clinical content): the event says who closed the task and when. {@code part2}: the patient's
 * 42 CFR Part 2 label in plan-service.
 */
public record FollowUpTaskState(UUID taskId, UUID patientId, String kind, UUID sessionId, UUID assignedClinicianId,
                                LocalDate dueOn, OffsetDateTime dueAt, String status, OffsetDateTime openedAt,
                                String doneBy, OffsetDateTime doneAt, OffsetDateTime cancelledAt, long version,
                                boolean part2) {
}
