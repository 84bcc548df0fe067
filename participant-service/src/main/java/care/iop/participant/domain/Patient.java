package care.iop.participant.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import care.iop.events.Part2;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A patient of the program: demographics, identifiers, status and current preferences. */
@Entity
@Table(name = "patient")
public class Patient extends PanacheEntityBase {
    @Id
    @GeneratedValue
    public UUID id;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "patient_identifier", joinColumns = @JoinColumn(name = "patient_id"))
    public List<Identifier> identifiers = new ArrayList<>();

    @Column(name = "given_name", nullable = false)
    public String givenName;

    @Column(name = "family_name", nullable = false)
    public String familyName;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    public Gender gender;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Track track;

    /** 42 CFR Part 2: every record of this patient is a Part 2 record; follows the track ({@link #deriveStatusAndLabel}). */
    @Column(nullable = false)
    public boolean part2;

    /** ASAM level: 1, 2.1 or 2.5. */
    @Column(name = "level_of_care", nullable = false)
    public String levelOfCare;

    public String phone;

    public String email;

    @Column(name = "admission_date")
    public LocalDate admissionDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PatientStatus status;

    @Column(name = "discharged_on")
    public LocalDate dischargedOn;

    @Column(name = "discharge_reason")
    public String dischargeReason;

    /** {@link care.iop.events.DischargeReason} name; null unless discharged. */
    @Column(name = "discharge_reason_code")
    public String dischargeReasonCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "group_comfort")
    public GroupComfort groupComfort;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_modality")
    public Modality preferredModality;

    /** Free text; never leaves the service in an event. */
    public String considerations;

    /** Comma-separated days of the week, e.g. MONDAY,WEDNESDAY. */
    @Column(name = "preferred_days")
    public String preferredDays;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /**
     * New patients are ACTIVE when admitted, else REFERRED; a discharge is final. The Part 2 label is what the
     * track implies ({@link Part2#track}).
     */
    public void deriveStatusAndLabel() {
        if (status != PatientStatus.DISCHARGED) {
            status = admissionDate != null ? PatientStatus.ACTIVE : PatientStatus.REFERRED;
        }
        part2 = track != null && Part2.track(track.name());
    }
}
