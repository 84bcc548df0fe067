package care.iop.plan.rest;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Switches a plan to another modality mix from a date. */
@Schema(name = "ModalityChangeRequest")
public record ModalityChangeRequest(
        @NotNull @Valid ModalityDto modality,
        @NotBlank @Size(max = 2000) @Schema(example = "ready for group work") String reason,
        @Schema(example = "2026-12-07", description = "Default: today") LocalDate effectiveFrom,
        @Size(max = 4000) @Schema(deprecated = true, description = "Deprecated (issue 20): accepted and stored, no longer exempts; a mix"
                + " under the minimum is allowed only as a step-down (a switch that lowers the hours) within iop.plan.step-down-tolerance")
        String belowMinimumJustification) {
}
