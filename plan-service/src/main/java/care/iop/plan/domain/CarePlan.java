package care.iop.plan.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import care.iop.events.ModalityMix;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A treatment plan (FHIR CarePlan) with the modality mix in force. Problems, goals and interventions are JSON documents. */
@Entity
@Table(name = "care_plan")
public class CarePlan extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "patient_id")
    public UUID patientId;
    @Column(name = "primary_clinician_id")
    public UUID primaryClinicianId;
    @Convert(converter = PlanStatusConverter.class)
    public PlanStatus status;
    @Column(name = "level_of_care")
    public String levelOfCare;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "duration_weeks")
    public int durationWeeks;
    @Column(name = "end_date")
    public LocalDate endDate;
    @Column(name = "review_interval_days")
    public int reviewIntervalDays;
    @Column(name = "next_review_due")
    public LocalDate nextReviewDue;
    public String problems;
    public String goals;
    /** JSON interventions (care.iop.plan.content); the modality mix follows from them. */
    public String interventions;
    /** JSON proposal offered on the active plan after a comfort or preference change, not applied; null when none. */
    @Column(name = "offered_proposal")
    public String offeredProposal;
    public String rationale;
    @Column(name = "individual_sessions_per_week")
    public int individualSessionsPerWeek;
    @Column(name = "individual_session_minutes")
    public int individualSessionMinutes;
    @Column(name = "group_hours_per_week")
    public double groupHoursPerWeek;
    @Column(name = "family_sessions_per_week")
    public int familySessionsPerWeek;
    @Column(name = "modality_effective_from")
    public LocalDate modalityEffectiveFrom;
    @Column(name = "modality_proposed")
    public boolean modalityProposed;
    @Column(name = "modality_rationale")
    public String modalityRationale;
    @Column(name = "below_minimum_justification")
    public String belowMinimumJustification;
    /** The episode of care (admission) the plan belongs to. */
    @Column(name = "episode_id")
    public UUID episodeId;
    /** First day of the step-down below the level's minimum the plan is in (null: it meets the minimum). */
    @Column(name = "step_down_since")
    public LocalDate stepDownSince;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    /** The latest version of the clinical content ({@code plan_version.number}); 0 before the first. */
    @Column(name = "current_version")
    public int currentVersion;
    /** The latest fully signed version: the version in force; null while none is (signing package). */
    @Column(name = "signed_version")
    public Integer signedVersion;
    @Version
    public long version;

    public ModalityMix modality() {
        return new ModalityMix(individualSessionsPerWeek, individualSessionMinutes, groupHoursPerWeek, familySessionsPerWeek);
    }

    public void applyModality(ModalityMix mix) {
        individualSessionsPerWeek = mix.individualSessionsPerWeek();
        individualSessionMinutes = mix.individualSessionMinutes();
        groupHoursPerWeek = mix.groupHoursPerWeek();
        familySessionsPerWeek = mix.familySessionsPerWeek();
    }
}
