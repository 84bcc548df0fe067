package care.iop.plan.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Switches a plan to another modality mix from a date: give the mix, the interventions that make it, or both (they must agree). */
@Schema(name = "ModalityChangeRequest", description = "Give modality, interventions, or both (they must agree, else 422 naming modality)."
        + " With interventions they replace the plan's; with modality only, the plan's interventions of each modality whose weekly amount"
        + " changes are replaced by one derived from the mix (serving the objectives the replaced ones served).")
public record ModalityChangeRequest(
        @Valid @Schema(description = "The new mix; may be left out when interventions are given") ModalityDto modality,
        @Size(max = 50) @Schema(description = "The plan's interventions from now on; the mix follows from them")
        List<@Valid @NotNull InterventionDto> interventions,
        @NotBlank @Size(max = 2000) @Schema(example = "ready for group work") String reason,
        @Schema(example = "2026-12-07", description = "Default: today") LocalDate effectiveFrom,
        @Size(max = 4000) @Schema(deprecated = true, description = "Deprecated (issue 20): accepted and stored, no longer exempts; a mix"
                + " under the minimum is allowed only as a step-down (a switch that lowers the hours) within iop.plan.step-down-tolerance")
        String belowMinimumJustification) {
}
