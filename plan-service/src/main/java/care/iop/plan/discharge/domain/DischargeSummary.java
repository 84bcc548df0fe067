package care.iop.plan.discharge.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The discharge summary of one discharge (one per episode of care): why and when the patient left, at which level of care,
 * the outcome scores at admission and at discharge, the plan's objectives met and not met, the aftercare plan and
 * referrals. Drafted from the patient.discharged event (or started by a clinician before it), signed by a clinician, then
 * locked. The computed parts ({@code scores}, {@code objectives}) and the referrals are JSON documents
 * ({@link care.iop.plan.discharge.service.SummaryDocuments}).
 */
@Entity
@Table(name = "discharge_summary")
public class DischargeSummary extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "patient_id")
    public UUID patientId;
    @Column(name = "episode_id")
    public UUID episodeId;
    @Column(name = "plan_id")
    public UUID planId;
    @Enumerated(EnumType.STRING)
    public SummaryStatus status;
    @Column(name = "reason_code")
    public String reasonCode;
    @Column(name = "discharged_on")
    public LocalDate dischargedOn;
    @Column(name = "level_of_care")
    public String levelOfCare;
    @Column(name = "admitted_on")
    public LocalDate admittedOn;
    public String scores;
    public String objectives;
    @Column(name = "aftercare_plan")
    public String aftercarePlan;
    public String referrals;
    @Column(name = "assigned_clinician_id")
    public UUID assignedClinicianId;
    @Column(name = "due_at")
    public OffsetDateTime dueAt;
    /** What the patient.discharged event said; null until it arrived. */
    @Column(name = "event_reason_code")
    public String eventReasonCode;
    @Column(name = "event_discharged_on")
    public LocalDate eventDischargedOn;
    /** A discharge event that arrived after signing and disagreed with the summary (recorded, nothing published). */
    @Column(name = "mismatch_reason_code")
    public String mismatchReasonCode;
    @Column(name = "mismatch_discharged_on")
    public LocalDate mismatchDischargedOn;
    @Column(name = "mismatch_at")
    public OffsetDateTime mismatchAt;
    @Column(name = "signed_by")
    public String signedBy;
    @Column(name = "signer_clinician_id")
    public UUID signerClinicianId;
    @Column(name = "signed_at")
    public OffsetDateTime signedAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    public boolean isSigned() {
        return status == SummaryStatus.SIGNED;
    }

    /** The discharge event has arrived: reason and date are the event's (until a clinician edits the draft). */
    public boolean dischargeKnown() {
        return eventDischargedOn != null;
    }

    /** The patient's draft, locked for a change. */
    public static Optional<DischargeSummary> draftOf(UUID patientId) {
        return find("patientId = ?1 and status = ?2", patientId, SummaryStatus.DRAFT).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** The patient's current summary: its draft, else its latest signed one. */
    public static Optional<DischargeSummary> currentOf(UUID patientId) {
        return find("patientId = ?1 order by case when status = ?2 then 0 else 1 end, createdAt desc, id", patientId, SummaryStatus.DRAFT)
                .firstResultOptional();
    }
}
