package care.iop.plan.risk.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "How the flag was closed: the C-SSRS screen and, when its risk is moderate or high, the safety plan (both of"
        + " the flag's patient)")
public record ResolutionRequest(
        @NotNull @Schema(example = "0b6f3f0e-2d7c-4c55-a0e4-5f2b8e6f9d10") UUID screenId,
        @Schema(example = "5c1e9a7b-8f4d-4e0a-9b3c-2d6f7a8e1c44") UUID safetyPlanId) {
}
