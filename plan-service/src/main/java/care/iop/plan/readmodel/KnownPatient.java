package care.iop.plan.readmodel;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What plan-service knows about a patient, from iop.participants (written only by {@link ReadModelWriter}). */
@Entity
@Table(name = "known_patient")
public class KnownPatient extends PanacheEntityBase {
    public static final String DISCHARGED = "DISCHARGED";
    public static final String ADOLESCENT = "ADOLESCENT";
    /** Age from which a patient is treated as an adult. */
    public static final int ADULT_AGE = 18;

    @Id
    @Column(name = "patient_id")
    public UUID patientId;
    public String status;
    public String track;
    @Column(name = "level_of_care")
    public String levelOfCare;
    @Column(name = "group_comfort")
    public String groupComfort;
    @Column(name = "preferred_modality")
    public String preferredModality;
    /** JSON array of {consentId, kind, expiresOn, recipientId, purposes}; PART2_DISCLOSURE ones also in known_consent. */
    @Column(name = "active_consents")
    public String activeConsents;
    @Column(name = "discharged_on")
    public LocalDate dischargedOn;
    /** 42 CFR Part 2: sticky, from the patient's events and the SUD diagnoses of its plans (docs/security.md). */
    public boolean part2;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    /** Admission date of the current episode (null: not admitted, or only events written before issue 20 seen). */
    @Column(name = "admission_date")
    public LocalDate admissionDate;
    /** {@link care.iop.events.DischargeReason} name, when discharged. */
    @Column(name = "discharge_reason_code")
    public String dischargeReasonCode;
    public long version;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public boolean isDischarged() {
        return DISCHARGED.equals(status);
    }

    /** The track says adolescent (a cross-check of {@link #isAdolescentOn}). */
    public boolean isAdolescent() {
        return ADOLESCENT.equals(track);
    }

    /**
     * Under {@value #ADULT_AGE} on {@code day} by the date of birth; the track decides only when the birth date is not
     * known yet (events written before issue 20).
     */
    public boolean isAdolescentOn(LocalDate day) {
        if (birthDate == null) {
            return isAdolescent();
        }
        return birthDate.plusYears(ADULT_AGE).isAfter(day);
    }
}
