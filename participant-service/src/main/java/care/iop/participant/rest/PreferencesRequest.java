package care.iop.participant.rest;

import java.time.DayOfWeek;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.participant.domain.GroupComfort;
import care.iop.participant.domain.Modality;

@Schema(name = "PreferencesRequest", description = "A patient's comfort with groups and preferred modality (replaces the current preferences)")
public record PreferencesRequest(
        @Schema(example = "HESITANT") @NotNull GroupComfort groupComfort,
        @Schema(example = "INDIVIDUAL") @NotNull Modality preferredModality,
        @Schema(example = "anxious in large groups", description = "Free text for the care team; never published in events")
        @Size(max = 2000) String considerations,
        @Schema(example = "[\"MONDAY\",\"WEDNESDAY\"]") @Size(max = 7) List<@NotNull DayOfWeek> preferredDays) {
}
