package care.iop.plan.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the program does: modality, frequency, duration, who is responsible, and the objectives it serves. */
@Schema(name = "Intervention", description = "The plan's weekly modality mix follows from its interventions: individual sessions = the sum"
        + " of the individual interventions' sessions (they share one length, else 422), group hours = group minutes a week / 60, family"
        + " sessions = the sum of the family interventions' sessions (50 min each).")
public record InterventionDto(
        @Pattern(regexp = PlanProblemDto.ID, message = PlanProblemDto.ID_MESSAGE) @Schema(example = "I1", description = PlanProblemDto.ID_DESCRIPTION)
        String id,
        @NotNull @Pattern(regexp = "individual|group|family", message = "must be one of individual, group, family")
        @Schema(type = SchemaType.STRING, enumeration = { "individual", "group", "family" }, example = "group") String modality,
        @Size(max = 1000) @Schema(example = "CBT skills group") String description,
        @NotNull @Min(1) @Max(14) @Schema(example = "3") Integer sessionsPerWeek,
        @NotNull @Min(1) @Max(240) @Schema(example = "180", description = "Individual 16 to 180; family 50") Integer minutesPerSession,
        @Min(1) @Max(52) @Schema(example = "12", description = "Weeks from the plan's start, at most the plan's; absent: the whole plan") Integer durationWeeks,
        @Schema(example = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", description = "A known, active clinician; absent: the primary clinician")
        UUID responsibleClinicianId,
        @Size(max = 50) @Schema(description = "Ids of the plan's objectives it serves")
        List<@NotBlank String> objectiveIds) {
}
