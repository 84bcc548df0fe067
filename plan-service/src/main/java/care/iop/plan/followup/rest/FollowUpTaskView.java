package care.iop.plan.followup.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.plan.followup.domain.FollowUpTask;
import care.iop.plan.followup.domain.TaskAsOf;

/** A follow-up task as the API returns it; {@code overdue} as of the answer. */
@Schema(name = "FollowUpTask", description = "A no-show follow-up or a discharge review for the patient's primary clinician")
public record FollowUpTaskView(
        UUID id,
        UUID patientId,
        @Schema(description = "NO_SHOW_FOLLOW_UP or DISCHARGE_REVIEW") FollowUpTask.Kind kind,
        @Schema(description = "The missed session (no-show follow-ups)") UUID sessionId,
        OffsetDateTime sessionStart,
        @Schema(description = "Primary clinician of the patient's current plan when the task opened; absent without a plan") UUID assignedClinicianId,
        @Schema(description = "The next business day after the program day of the missed session") LocalDate dueOn,
        @Schema(description = "The end of dueOn in the program's time zone: overdue from this instant on") OffsetDateTime dueAt,
        @Schema(description = "Open and at or past dueAt at the time of the answer") boolean overdue,
        @Schema(description = "OPEN, DONE or CANCELLED (an attendance correction took the no-show back)") FollowUpTask.Status status,
        @Schema(description = "Discharge reviews: the missed sessions (NO_SHOW, ABSENT) counted in the window") Integer missedCount,
        @Schema(description = "Discharge reviews: first program day of the window") LocalDate windowFrom,
        @Schema(description = "Discharge reviews: last program day of the window") LocalDate windowTo,
        OffsetDateTime openedAt,
        String outcomeNote,
        String doneBy,
        OffsetDateTime doneAt,
        OffsetDateTime cancelledAt,
        long version) {

    static FollowUpTaskView of(TaskAsOf asOf) {
        FollowUpTask t = asOf.task();
        return new FollowUpTaskView(t.id, t.patientId, t.kind, t.sessionId, t.sessionStart, t.assignedClinicianId, t.dueOn, t.dueAt,
                asOf.overdue(), t.status, t.missedCount, t.windowFrom, t.windowTo, t.openedAt, t.outcomeNote, t.doneBy, t.doneAt,
                t.cancelledAt, t.version);
    }
}
