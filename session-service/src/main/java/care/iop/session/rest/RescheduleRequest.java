package care.iop.session.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.session.domain.ChangeScope;

@Schema(description = "New time and place of a session. For a series occurrence, scope THIS_AND_FOLLOWING moves every later "
        + "occurrence to the same local time (and weekday shift) too.")
public record RescheduleRequest(
        @NotNull @Schema(example = "2026-12-01T10:00:00-05:00") OffsetDateTime start,
        @NotNull @Schema(example = "2026-12-01T13:00:00-05:00") OffsetDateTime end,
        @NotBlank @Size(max = 100) @Schema(example = "Room B") String location,
        @Size(max = 200) @Schema(example = "Relapse prevention") String topic,
        @Min(1) @Max(1000) @Schema(description = "GROUP only; unchanged when absent", example = "12") Integer capacity,
        @Schema(description = "Another clinician; unchanged when absent") UUID clinicianId,
        @Schema(description = "Default THIS", example = "THIS") ChangeScope scope) {
}
