package care.iop.plan.outcomes.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.plan.outcomes.domain.Instrument;

/** Progress of a plan's measured goals and SCORE objectives, computed from the scores recorded since the plan started. */
@Schema(name = "PlanProgress")
public record GoalProgress(UUID planId, UUID patientId, LocalDate planStart, List<Goal> goals, List<Objective> objectives) {

    /** One measured goal. Lower scores are better on every instrument, so a goal is achieved at or below its target. */
    @Schema(name = "GoalProgressItem")
    public record Goal(
            @Schema(description = "Position of the goal in the plan's top-level goals, from 0; absent for a goal of a problem") Integer index,
            @Schema(example = "G1") String id,
            @Schema(example = "goals[0]", description = "Where the goal is in the plan") String path,
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

    /** One SCORE objective: the latest score against the target, and whether it was met by the target date. */
    @Schema(name = "ObjectiveProgressItem")
    public record Objective(
            @Schema(example = "O1") String id,
            @Schema(example = "problems[0].goals[0].objectives[0]", description = "Where the objective is in the plan") String path,
            String description, Instrument instrument,
            @Schema(description = "Met at or below it") double target, LocalDate targetDate,
            @Schema(description = "The status recorded in the plan by the clinicians") String status,
            @Schema(description = "Scores of the instrument in the plan's window (start to end date)") int scores,
            @Schema(description = "First score at or after plan start") Score baseline,
            @Schema(description = "Most recent score") Score latest,
            @Schema(description = "The latest score taken on or before the target date (the one that decides)") Score byTargetDate,
            @Schema(description = "From the scores: met (the latest score on or before the target date is at or below the target),"
                    + " not-met (the target date has passed without that), in-progress (scores, not met yet), not-started (no score yet)",
                    enumeration = { "met", "not-met", "in-progress", "not-started" }) String measuredStatus) {
    }

    public record Score(UUID assessmentId, int total, String band, OffsetDateTime takenAt) {
    }
}
