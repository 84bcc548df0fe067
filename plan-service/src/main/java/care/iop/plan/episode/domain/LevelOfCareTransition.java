package care.iop.plan.episode.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A dated change of an episode's level of care (2.5 -> 2.1 -> 1 and back up), with its reason and assessment. */
@Entity
@Table(name = "level_of_care_transition")
public class LevelOfCareTransition extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "episode_id")
    public UUID episodeId;
    @Column(name = "from_level")
    public String fromLevel;
    @Column(name = "to_level")
    public String toLevel;
    @Column(name = "effective_on")
    public LocalDate effectiveOn;
    public String reason;
    @Column(name = "assessment_id")
    public UUID assessmentId;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    public boolean downward() {
        return LevelsOfCare.isDownward(fromLevel, toLevel);
    }

    /** Oldest first (by effective date, then as recorded). */
    public static List<LevelOfCareTransition> ofEpisode(UUID episodeId) {
        return list("episodeId = ?1 order by effectiveOn, recordedAt, id", episodeId);
    }

    /** The transitions that changed this plan's level, oldest first. */
    public static List<LevelOfCareTransition> ofPlan(UUID planId) {
        return list("planId = ?1 order by effectiveOn, recordedAt, id", planId);
    }
}
