package care.iop.participant.rest;

import java.time.DayOfWeek;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.participant.domain.GroupComfort;
import care.iop.participant.domain.Modality;

@Schema(name = "PreferencesRequest", description = "A patient's comfort with groups and preferred modality (replaces the current preferences). "
        + "Accepts the body GET returned: read-only fields are accepted when they equal the current values (version: else 412), "
        + "refused with 400 naming the field when they differ.")
public record PreferencesRequest(
        @Schema(example = "HESITANT") @NotNull GroupComfort groupComfort,
        @Schema(example = "INDIVIDUAL") @NotNull Modality preferredModality,
        @Schema(example = "anxious in large groups", description = "Free text for the care team; never published in events")
        @Size(max = 2000) String considerations,
        @Schema(example = "[\"MONDAY\",\"WEDNESDAY\"]") @Size(max = 7) List<@NotNull DayOfWeek> preferredDays,
        @Schema(readOnly = true, description = "Read-only: the patient of the path") UUID patientId,
        @Schema(readOnly = true, description = "Read-only: the patient's version read; when sent it must be the current one (else 412, as If-Match)")
        Long version) {
}
