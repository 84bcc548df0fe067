package care.iop.participant.rest;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RevokeRequest", description = "Optional reason; kept on the consent, never published")
public record RevokeRequest(@Schema(example = "Patient withdrew consent") @Size(max = 500) String reason) {
}
