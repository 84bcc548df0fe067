package care.iop.participant.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One change of a patient's preferences, kept forever: who, when, the values before and after. */
@Entity
@Table(name = "preference_change")
public class PreferenceChange extends PanacheEntityBase {
    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "changed_by")
    public String changedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "before_group_comfort")
    public GroupComfort beforeGroupComfort;

    @Enumerated(EnumType.STRING)
    @Column(name = "before_preferred_modality")
    public Modality beforePreferredModality;

    @Column(name = "before_considerations")
    public String beforeConsiderations;

    @Column(name = "before_preferred_days")
    public String beforePreferredDays;

    @Enumerated(EnumType.STRING)
    @Column(name = "after_group_comfort", nullable = false)
    public GroupComfort afterGroupComfort;

    @Enumerated(EnumType.STRING)
    @Column(name = "after_preferred_modality", nullable = false)
    public Modality afterPreferredModality;

    @Column(name = "after_considerations")
    public String afterConsiderations;

    @Column(name = "after_preferred_days")
    public String afterPreferredDays;
}
