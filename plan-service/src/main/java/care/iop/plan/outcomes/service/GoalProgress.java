package care.iop.plan.outcomes.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.plan.outcomes.domain.Instrument;

/** Progress of a plan's measured goals, computed from the scores recorded since the plan started. */
@Schema(name = "PlanProgress")
public record GoalProgress(UUID planId, UUID patientId, LocalDate planStart, List<Goal> goals) {

    /** One measured goal. Lower scores are better on every instrument, so a goal is achieved at or below its target. */
    @Schema(name = "GoalProgressItem")
    public record Goal(
            @Schema(description = "Position of the goal in the plan, from 0") int index,
            String description, Instrument instrument, double target, LocalDate dueDate,
            @Schema(description = "Scores of the instrument at or after plan start") int scores,
            @Schema(description = "First score at or after plan start") Score baseline,
            @Schema(description = "Most recent score") Score latest,
            @Schema(description = "latest - baseline (negative = improvement)") Integer change,
            @Schema(description = "change / baseline x 100, one decimal; absent when the baseline is 0") Double percentChange,
            @Schema(description = "At least a 50 % drop from baseline") Boolean response,
            @Schema(description = "PHQ-9 or GAD-7 below 5; absent for AUDIT and DAST-10") Boolean remission,
            @Schema(description = "FHIR Goal.achievementStatus", enumeration = { "in-progress", "improving", "worsening",
                    "no-change", "achieved" }) String achievementStatus) {
    }

    public record Score(UUID assessmentId, int total, String band, OffsetDateTime takenAt) {
    }
}
