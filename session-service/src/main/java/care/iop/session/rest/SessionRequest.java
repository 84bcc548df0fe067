package care.iop.session.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.session.domain.SessionType;

@Schema(description = "A session to schedule. INDIVIDUAL and FAMILY sessions name the patient (booked at once); GROUP sessions have a capacity.")
public record SessionRequest(
        @NotNull @Schema(example = "GROUP") SessionType type,
        @NotNull @Schema(example = "6a1c2f0e-8f0a-4c47-9a57-1d0c8f4b2e11") UUID clinicianId,
        @Schema(description = "Required for INDIVIDUAL and FAMILY, absent for GROUP") UUID patientId,
        @NotNull @Schema(example = "2026-12-01T09:00:00-05:00") OffsetDateTime start,
        @NotNull @Schema(example = "2026-12-01T12:00:00-05:00") OffsetDateTime end,
        @Size(max = 200) @Schema(example = "Relapse prevention") String topic,
        @Min(1) @Max(1000) @Schema(description = "GROUP only; default 12, at most the configured maximum (15)", example = "12") Integer capacity,
        @NotBlank @Size(max = 100) @Schema(description = "A room, or TELEHEALTH", example = "Room A") String location) {
}
