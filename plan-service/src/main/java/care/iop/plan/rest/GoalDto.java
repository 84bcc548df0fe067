package care.iop.plan.rest;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A plan goal (FHIR Goal) with an optional measurable target. */
@Schema(name = "Goal")
public record GoalDto(
        @NotBlank @Size(max = 1000) @Schema(example = "Reduce depressive symptoms") String description,
        @Valid Measure measure) {

    @Schema(name = "GoalMeasure")
    public record Measure(
            @NotNull @Pattern(regexp = "PHQ9|GAD7|AUDIT|DAST10", message = "must be one of PHQ9, GAD7, AUDIT, DAST10")
            @Schema(example = "PHQ9") String instrument,
            @NotNull @DecimalMin("0") @Schema(example = "9") Double target,
            @Schema(example = "2027-02-20") LocalDate dueDate) {
    }
}
