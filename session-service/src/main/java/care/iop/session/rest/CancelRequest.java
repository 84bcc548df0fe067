package care.iop.session.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.session.domain.ChangeScope;

@Schema(description = "Why the session is cancelled; scope THIS_AND_FOLLOWING cancels the later occurrences of its series too")
public record CancelRequest(
        @NotBlank @Size(max = 500) @Schema(example = "Clinician ill") String reason,
        @Schema(description = "Default THIS", example = "THIS") ChangeScope scope) {
}
