package care.iop.plan.episode.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An episode as a service answers it: the episode, when its first plan is due, its level changes (oldest first) and its
 * plans; {@code clinicalContent} false for a caller who may not see the reasons and assessments of the level changes
 * (a scheduler, minimum necessary).
 */
public record EpisodeDetails(EpisodeOfCare episode, LocalDate firstPlanDueOn, List<LevelOfCareTransition> transitions,
                             List<PlanRef> plans, boolean clinicalContent) {

    /** A plan of the episode. */
    public record PlanRef(UUID id, String status, String levelOfCare, LocalDate startDate, LocalDate endDate) {
    }
}
