package care.iop.plan.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new treatment plan: its structure and interventions; omit both {@code modality} and {@code interventions} to get a proposal. */
@Schema(name = "PlanRequest")
public record PlanRequest(
        @NotNull @Schema(example = "6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f") UUID patientId,
        @NotNull @Schema(example = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d") UUID primaryClinicianId,
        @NotNull @Pattern(regexp = "1|2\\.1|2\\.5", message = "must be one of 1, 2.1, 2.5") @Schema(example = "2.1") String levelOfCare,
        @NotNull @Schema(example = "2026-11-30") LocalDate startDate,
        @NotNull @Min(1) @Max(52) @Schema(example = "12") Integer durationWeeks,
        @Min(14) @Max(30) @Schema(example = "30",
                description = "Days between plan reviews, 14 to 30 (state and level rules); default 30 (iop.plan.default-review-interval-days)")
        Integer reviewIntervalDays,
        @Size(max = 50) List<@Valid @NotNull PlanProblemDto> problems,
        @Size(max = 50) List<@Valid @NotNull GoalDto> goals,
        @Valid @Schema(description = "Omit to derive it from the interventions, or (without interventions too) to let the service propose"
                + " both. Given with interventions, it must agree with them (else 422)") ModalityDto modality,
        @Size(max = 50) @Schema(description = "Omit to derive them from modality (one per modality, the primary clinician responsible), or"
                + " to get a proposal") List<@Valid @NotNull InterventionDto> interventions,
        @Size(max = 4000) @Schema(example = "Comfortable in groups; weekly individual session for trauma work") String rationale,
        @Size(max = 4000) @Schema(deprecated = true, description = "Deprecated (issue 20): accepted and stored, but no longer exempts"
                + " weekly hours under the level-of-care minimum; a new plan must meet the minimum unless it starts within the step-down"
                + " tolerance of a level change down (plan-service README, \"Step-down tolerance\")") String belowMinimumJustification) {
}
