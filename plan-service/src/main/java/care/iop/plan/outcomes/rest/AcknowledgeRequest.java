package care.iop.plan.outcomes.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Why an admin closes the flag without a C-SSRS screen (listed in the safety-flag report)")
public record AcknowledgeRequest(
        @NotBlank @Size(max = 4000) @Schema(example = "Patient admitted to inpatient care the same day; screened there.") String reason) {
}
