package care.iop.plan.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Moves a plan through its FHIR CarePlan lifecycle. */
@Schema(name = "StatusChangeRequest")
public record StatusChangeRequest(
        @NotBlank @Schema(example = "active", enumeration = { "active", "on-hold", "revoked", "completed", "entered-in-error" }) String status,
        @Size(max = 2000) @Schema(example = "Plan agreed with the patient") String reason) {
}
