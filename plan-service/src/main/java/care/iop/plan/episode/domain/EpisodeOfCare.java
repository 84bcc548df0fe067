package care.iop.plan.episode.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One episode of care: one admission of a patient, from its admission date (and level of care) to its discharge (date
 * and coded reason), with its dated level-of-care transitions ({@link LevelOfCareTransition}). At most one is open per
 * patient (unique partial index {@code episode_of_care_one_open}).
 */
@Entity
@Table(name = "episode_of_care")
public class EpisodeOfCare extends PanacheEntityBase {
    public static final String OPEN = "open";
    public static final String CLOSED = "closed";
    /** Opened from the admission date of the patient events. */
    public static final String FROM_ADMISSION = "admission";
    /** Opened by the first plan of a patient without an admission date (admitted on the plan's start). */
    public static final String FROM_FIRST_PLAN = "first-plan";

    @Id
    public UUID id;
    @Column(name = "patient_id")
    public UUID patientId;
    public String status;
    @Column(name = "admitted_on")
    public LocalDate admittedOn;
    @Column(name = "admission_source")
    public String admissionSource;
    @Column(name = "level_of_care")
    public String levelOfCare;
    @Column(name = "discharged_on")
    public LocalDate dischargedOn;
    @Column(name = "discharge_reason_code")
    public String dischargeReasonCode;
    @Column(name = "first_plan_overdue_on")
    public LocalDate firstPlanOverdueOn;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    public boolean isOpen() {
        return OPEN.equals(status);
    }

    /** The patient's open episode, locked for a change. */
    public static Optional<EpisodeOfCare> openOf(UUID patientId) {
        return find("patientId = ?1 and status = ?2", patientId, OPEN).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The patient's episodes, the latest admission first. */
    public static List<EpisodeOfCare> ofPatient(UUID patientId) {
        return list("patientId = ?1 order by admittedOn desc, createdAt desc", patientId);
    }
}
