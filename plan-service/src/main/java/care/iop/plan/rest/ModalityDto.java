package care.iop.plan.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.events.ModalityMix;

/** A weekly mix of individual, group and family therapy. */
@Schema(name = "Modality", description = "Weekly mix of therapy. Planned hours = individual minutes x sessions + group hours + 50 min x family sessions.")
public record ModalityDto(
        @NotNull @Min(0) @Max(14) @Schema(example = "1", description = "Individual sessions a week") Integer individualSessionsPerWeek,
        @NotNull @Min(0) @Max(180) @Schema(example = "50", description = "Minutes per individual session (16 or more when sessions are planned)") Integer individualSessionMinutes,
        @NotNull @DecimalMin("0") @DecimalMax("40") @Schema(example = "8.5", description = "Group therapy hours a week") Double groupHoursPerWeek,
        @NotNull @Min(0) @Max(7) @Schema(example = "0", description = "Family sessions (50 min) a week") Integer familySessionsPerWeek,
        @Schema(readOnly = true, description = "Planned structured hours a week", example = "9.33") Double weeklyHours) {

    public ModalityMix toMix() {
        return new ModalityMix(individualSessionsPerWeek, individualSessionMinutes, groupHoursPerWeek, familySessionsPerWeek);
    }

    public static ModalityDto of(ModalityMix mix) {
        return new ModalityDto(mix.individualSessionsPerWeek(), mix.individualSessionMinutes(), mix.groupHoursPerWeek(),
                mix.familySessionsPerWeek(), Math.round(mix.weeklyHours() * 100) / 100.0);
    }
}
