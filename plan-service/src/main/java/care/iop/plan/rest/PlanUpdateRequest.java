package care.iop.plan.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Replaces a plan's problems, goals, rationale and dates (status and modality have their own commands). */
@Schema(name = "PlanUpdateRequest")
public record PlanUpdateRequest(
        @NotNull @Schema(example = "2026-11-30") LocalDate startDate,
        @NotNull @Min(1) @Max(52) @Schema(example = "12") Integer durationWeeks,
        @NotNull @Min(14) @Max(30) @Schema(example = "30",
                description = "Days between plan reviews, 14 to 30 (state and level rules)") Integer reviewIntervalDays,
        @NotNull @Size(max = 50) List<@Valid @NotNull PlanProblemDto> problems,
        @NotNull @Size(max = 50) List<@Valid @NotNull GoalDto> goals,
        @Size(max = 4000) @Schema(example = "Adding a sleep-hygiene goal") String rationale) {
}
