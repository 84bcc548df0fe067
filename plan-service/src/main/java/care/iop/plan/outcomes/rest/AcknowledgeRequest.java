package care.iop.plan.outcomes.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The clinician's note on how the flag was handled")
public record AcknowledgeRequest(
        @NotBlank @Size(max = 4000) @Schema(example = "Called the patient the same day; safety plan reviewed, no immediate risk.") String note) {
}
