package care.iop.plan.followup.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Something a clinician has to do after a patient missed care: call after a no-show, or review the discharge after
 * too many missed sessions. Open until the clinician records the outcome (DONE), or cancelled when an attendance
 * correction takes the no-show back. It exists so that a missed session is never silently forgotten.
 */
@Entity
@Table(name = "follow_up_task")
public class FollowUpTask extends PanacheEntityBase {
    /** What the task asks for. */
    public enum Kind { NO_SHOW_FOLLOW_UP, DISCHARGE_REVIEW }

    /** OPEN until done or cancelled; only an open task can be completed. */
    public enum Status { OPEN, DONE, CANCELLED }

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    /** The missed session (no-show follow-ups only). */
    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "session_start")
    public OffsetDateTime sessionStart;

    /** The primary clinician of the patient's current plan when the task was opened; null without a plan. */
    @Column(name = "assigned_clinician_id")
    public UUID assignedClinicianId;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    /** The end of {@link #dueOn} in the program's time zone: overdue from this instant on. */
    @Column(name = "due_at", nullable = false)
    public OffsetDateTime dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** Discharge reviews: the missed sessions counted, on program days {@link #windowFrom} to {@link #windowTo}. */
    @Column(name = "missed_count")
    public Integer missedCount;

    @Column(name = "window_from")
    public LocalDate windowFrom;

    @Column(name = "window_to")
    public LocalDate windowTo;

    @Column(name = "opened_at", nullable = false)
    public OffsetDateTime openedAt;

    @Column(name = "outcome_note")
    public String outcomeNote;

    @Column(name = "done_by")
    public String doneBy;

    @Column(name = "done_at")
    public OffsetDateTime doneAt;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Version
    public long version;

    /** True while open and {@code now} is at or past the due instant. */
    public boolean overdueAt(OffsetDateTime now) {
        return status == Status.OPEN && !now.isBefore(dueAt);
    }
}
