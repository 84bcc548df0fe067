package care.iop.session.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record BookingRequest(@NotNull @Schema(example = "3f0b6c1e-2d4a-4e8b-9c1d-7a2b5e9f0c33") UUID patientId) {
}
