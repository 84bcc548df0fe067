package care.iop.plan.episode.rest;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.plan.episode.domain.LevelChangeCommand;
import care.iop.plan.rest.ModalityDto;

/** A level-of-care change of an episode, from a date, with its reason, the assessment behind it and the plan's new mix. */
@Schema(name = "LevelChangeRequest")
public record LevelChangeRequest(
        @NotNull @Pattern(regexp = "1|2\\.1|2\\.5", message = "must be one of 1, 2.1, 2.5") @Schema(example = "2.1",
                description = "The new ASAM level of care: 1, 2.1 or 2.5 (not the current one)") String toLevel,
        @Schema(example = "2026-12-14", description = "Default today; not before the admission nor the last level change; the plan's"
                + " new mix takes effect that day (its start when earlier) and must fall before the plan's end") LocalDate effectiveOn,
        @NotBlank @Size(max = 2000) @Schema(example = "ASAM reassessment: stable for two weeks, ready for IOP") String reason,
        @Schema(example = "5e2f8c1a-9b7d-4e3f-a1c2-6d5e4f3a2b19",
                description = "The assessment (GET /api/v1/assessments/{id}) that justified it; must be the patient's") UUID assessmentId,
        @Valid @Schema(description = "The current plan's new mix from effectiveOn; omit to keep the mix (it must then fit the new level)")
        ModalityDto modality) {

    public LevelChangeCommand command() {
        return new LevelChangeCommand(toLevel, effectiveOn, reason.strip(), assessmentId, modality == null ? null : modality.toMix(), "modality");
    }
}
