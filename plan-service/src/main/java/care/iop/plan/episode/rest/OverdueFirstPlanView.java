package care.iop.plan.episode.rest;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.plan.episode.domain.OverdueFirstPlan;

/** An admitted patient (open episode) without a plan in force after the first-plan deadline. */
@Schema(name = "OverdueFirstPlan")
public record OverdueFirstPlanView(UUID episodeId, UUID patientId, @Schema(example = "2026-11-30") LocalDate admittedOn,
                                   @Schema(example = "2.1") String levelOfCare,
                                   @Schema(example = "2026-12-07", description = "Last day on which the first plan was on time") LocalDate dueOn,
                                   @Schema(example = "1", description = "Days since dueOn (1 on the first overdue day)") long daysOverdue,
                                   @Schema(description = "The episode's latest draft plan, if any") UUID draftPlanId,
                                   @Schema(description = "Day FirstPlanOverdue was published; absent until the check ran") LocalDate notifiedOn) {

    static OverdueFirstPlanView of(OverdueFirstPlan o) {
        return new OverdueFirstPlanView(o.episodeId(), o.patientId(), o.admittedOn(), o.levelOfCare(), o.dueOn(), o.daysOverdue(),
                o.draftPlanId(), o.notifiedOn());
    }
}
