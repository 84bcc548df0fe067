package care.iop.plan.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import care.iop.events.ModalityMix;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A switch of a plan's modality mix: from, to, from which date, who, when and why. */
@Entity
@Table(name = "plan_modality_change")
public class ModalityChange extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "from_individual_sessions_per_week")
    public int fromIndividualSessionsPerWeek;
    @Column(name = "from_individual_session_minutes")
    public int fromIndividualSessionMinutes;
    @Column(name = "from_group_hours_per_week")
    public double fromGroupHoursPerWeek;
    @Column(name = "from_family_sessions_per_week")
    public int fromFamilySessionsPerWeek;
    @Column(name = "to_individual_sessions_per_week")
    public int toIndividualSessionsPerWeek;
    @Column(name = "to_individual_session_minutes")
    public int toIndividualSessionMinutes;
    @Column(name = "to_group_hours_per_week")
    public double toGroupHoursPerWeek;
    @Column(name = "to_family_sessions_per_week")
    public int toFamilySessionsPerWeek;
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;
    public String reason;
    @Column(name = "below_minimum_justification")
    public String belowMinimumJustification;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    public ModalityMix from() {
        return new ModalityMix(fromIndividualSessionsPerWeek, fromIndividualSessionMinutes, fromGroupHoursPerWeek, fromFamilySessionsPerWeek);
    }

    public ModalityMix to() {
        return new ModalityMix(toIndividualSessionsPerWeek, toIndividualSessionMinutes, toGroupHoursPerWeek, toFamilySessionsPerWeek);
    }

    public void setFrom(ModalityMix mix) {
        fromIndividualSessionsPerWeek = mix.individualSessionsPerWeek();
        fromIndividualSessionMinutes = mix.individualSessionMinutes();
        fromGroupHoursPerWeek = mix.groupHoursPerWeek();
        fromFamilySessionsPerWeek = mix.familySessionsPerWeek();
    }

    public void setTo(ModalityMix mix) {
        toIndividualSessionsPerWeek = mix.individualSessionsPerWeek();
        toIndividualSessionMinutes = mix.individualSessionMinutes();
        toGroupHoursPerWeek = mix.groupHoursPerWeek();
        toFamilySessionsPerWeek = mix.familySessionsPerWeek();
    }

    /** In the order they were recorded. */
    public static List<ModalityChange> ofPlan(UUID planId) {
        return list("planId = ?1 order by changedAt, id", planId);
    }
}
