package care.iop.plan.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A measurable, dated objective of a goal. */
@Schema(name = "Objective", description = "Measurable and dated. kind SCORE: instrument total at or below target (\"PHQ-9 below 10 by week 6\":"
        + " PHQ9, target 9); ATTENDANCE: sessionsPerWeek attended sessions a week (of modality, any when absent) for weeks weeks (\"attends"
        + " 3 groups a week for 4 weeks\"); BEHAVIOUR: a described behaviour. The fields of another kind are refused (400).")
public record ObjectiveDto(
        @Pattern(regexp = PlanProblemDto.ID, message = PlanProblemDto.ID_MESSAGE) @Schema(example = "O1", description = PlanProblemDto.ID_DESCRIPTION)
        String id,
        @NotBlank @Size(max = 1000) @Schema(example = "PHQ-9 below 10 by week 6") String description,
        @NotNull @Pattern(regexp = "SCORE|ATTENDANCE|BEHAVIOUR", message = "must be one of SCORE, ATTENDANCE, BEHAVIOUR")
        @Schema(type = SchemaType.STRING, enumeration = { "SCORE", "ATTENDANCE", "BEHAVIOUR" }, example = "SCORE") String kind,
        @Pattern(regexp = "PHQ9|GAD7|AUDIT|DAST10", message = "must be one of PHQ9, GAD7, AUDIT, DAST10")
        @Schema(example = "PHQ9", description = "SCORE: the instrument") String instrument,
        @DecimalMin("0") @Schema(example = "9", description = "SCORE: met when the total is at or below it (lower is better)") Double target,
        @Min(1) @Max(14) @Schema(description = "ATTENDANCE: attended sessions a week") Integer sessionsPerWeek,
        @Min(1) @Max(52) @Schema(description = "ATTENDANCE: for this many weeks (at most the plan's)") Integer weeks,
        @Pattern(regexp = "individual|group|family", message = "must be one of individual, group, family")
        @Schema(description = "ATTENDANCE: which sessions count; absent: any") String modality,
        @Size(max = 1000) @Schema(description = "BEHAVIOUR: the behaviour to observe") String behaviour,
        @NotNull @Schema(example = "2027-01-11", description = "Within the plan (from startDate to endDate)") LocalDate targetDate,
        @Pattern(regexp = "not-started|in-progress|met|not-met|revised", message = "must be one of not-started, in-progress, met, not-met, revised")
        @Schema(type = SchemaType.STRING, enumeration = { "not-started", "in-progress", "met", "not-met", "revised" }, example = "not-started",
                description = "Default not-started; change it with PUT /plans/{id}") String status) {
}
