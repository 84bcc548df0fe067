package care.iop.plan.outcomes.domain;

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
 * A safety concern: raised by an assessment (PHQ-9 item 9 above 0, kind SAFETY_FLAG) or by a high-risk C-SSRS screen
 * (kind URGENT, for the on-call role). Due the same program day ({@code dueAt}, the first instant after it); open until a
 * clinician resolves it with a screen (and a safety plan where the risk calls for one), or an admin acknowledges it
 * without a screen, with a reason.
 */
@Entity
@Table(name = "safety_flag")
public class SafetyFlag extends PanacheEntityBase {
    public enum Status { OPEN, ACKNOWLEDGED, RESOLVED }

    /** SAFETY_FLAG: raised by an assessment, for the patient's primary clinician; URGENT: by a high-risk screen, for the on-call role. */
    public enum Kind { SAFETY_FLAG, URGENT }

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind = Kind.SAFETY_FLAG;

    /** The assessment that raised it (kind SAFETY_FLAG); null for an URGENT flag. */
    @Column(name = "assessment_id")
    public UUID assessmentId;

    /** The assessment's instrument; null for an URGENT flag. */
    @Enumerated(EnumType.STRING)
    public Instrument instrument;

    /** The screen that raised an URGENT flag. */
    @Column(name = "source_screen_id")
    public UUID sourceScreenId;

    /** The primary clinician of the patient's current plan when it was raised (null without a plan, and for URGENT flags). */
    @Column(name = "assigned_clinician_id")
    public UUID assignedClinicianId;

    /** The role an URGENT flag is for (the on-call role). */
    @Column(name = "assigned_role")
    public String assignedRole;

    /** The first instant after the program day it was raised on: overdue from then on while still open. */
    @Column(name = "due_at", nullable = false)
    public OffsetDateTime dueAt;

    /** When the overdue check found it past due (once). */
    @Column(name = "overdue_at")
    public OffsetDateTime overdueAt;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    /** The screen that closed it. */
    @Column(name = "risk_screen_id")
    public UUID riskScreenId;

    /** The safety plan that closed it with the screen (moderate or high risk). */
    @Column(name = "safety_plan_id")
    public UUID safetyPlanId;

    @Column(nullable = false)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "raised_at", nullable = false)
    public OffsetDateTime raisedAt;

    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "acknowledgement_note")
    public String acknowledgementNote;

    @Version
    public long version;

    /** Its last change: raised, found overdue, acknowledged or resolved, whichever is latest (FHIR's {@code meta.lastUpdated}). */
    public OffsetDateTime lastChange() {
        return java.util.stream.Stream.of(raisedAt, overdueAt, acknowledgedAt, resolvedAt).filter(java.util.Objects::nonNull)
                .max(OffsetDateTime::compareTo).orElseThrow();
    }

    /** Still open at {@code now} although due: {@code now} is at or after {@code dueAt}. */
    public boolean isOverdue(OffsetDateTime now) {
        return status == Status.OPEN && !now.isBefore(dueAt);
    }
}
