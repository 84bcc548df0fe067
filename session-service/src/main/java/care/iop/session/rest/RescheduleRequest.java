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
        + "occurrence to the same local time (and weekday shift) too. Accepts the body GET returned: read-only fields are accepted "
        + "when they equal the current values (version: else 412), refused with 400 naming the field when they differ.")
public record RescheduleRequest(
        @NotNull @Schema(example = "2026-12-01T10:00:00-05:00") OffsetDateTime start,
        @NotNull @Schema(example = "2026-12-01T13:00:00-05:00") OffsetDateTime end,
        @NotBlank @Size(max = 100) @Schema(example = "Room B") String location,
        @Size(max = 200) @Schema(example = "Relapse prevention") String topic,
        @Min(1) @Max(1000) @Schema(description = "GROUP only; unchanged when absent", example = "12") Integer capacity,
        @Schema(description = "Another clinician; unchanged when absent") UUID clinicianId,
        @Schema(description = "Default THIS", example = "THIS") ChangeScope scope,
        @Schema(readOnly = true) UUID id,
        @Schema(readOnly = true) UUID seriesId,
        @Schema(readOnly = true) String type,
        @Schema(readOnly = true, description = "Read-only: POST /sessions/{id}/cancel and attendance change it") String status,
        @Schema(readOnly = true) UUID patientId,
        @Schema(readOnly = true, description = "Read-only: bookings change it") Long booked,
        @Schema(readOnly = true, description = "Read-only: bookings change it") Long waitlisted,
        @Schema(readOnly = true) String cancelReason,
        @Schema(readOnly = true, description = "Read-only: the version read; when sent it must be the current one (else 412, as If-Match)")
        Long version) {
}
