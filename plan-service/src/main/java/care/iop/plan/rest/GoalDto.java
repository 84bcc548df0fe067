package care.iop.plan.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A plan goal (FHIR Goal) with an optional instrument target and its measurable, dated objectives. */
@Schema(name = "Goal")
public record GoalDto(
        @Pattern(regexp = PlanProblemDto.ID, message = PlanProblemDto.ID_MESSAGE) @Schema(example = "G1", description = PlanProblemDto.ID_DESCRIPTION)
        String id,
        @NotBlank @Size(max = 1000) @Schema(example = "Reduce depressive symptoms") String description,
        @Valid Measure measure,
        @Size(max = 20) List<@Valid @NotNull ObjectiveDto> objectives) {

    @Schema(name = "GoalMeasure")
    public record Measure(
            @NotNull @Pattern(regexp = "PHQ9|GAD7|AUDIT|DAST10", message = "must be one of PHQ9, GAD7, AUDIT, DAST10")
            @Schema(example = "PHQ9") String instrument,
            @NotNull @DecimalMin("0") @Schema(example = "9") Double target,
            @Schema(example = "2027-02-20") LocalDate dueDate) {
    }
}
