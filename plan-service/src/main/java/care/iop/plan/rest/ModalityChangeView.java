package care.iop.plan.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One modality switch of a plan (its reason and justification are left out for a scheduler). */
@Schema(name = "ModalityChange")
public record ModalityChangeView(UUID id, UUID planId, ModalityDto from, ModalityDto to, LocalDate effectiveFrom,
                                 @Schema(description = "Why; left out for a scheduler (minimum necessary)") String reason,
                                 @Schema(description = "Left out for a scheduler (minimum necessary)") String belowMinimumJustification,
                                 String changedBy, OffsetDateTime changedAt) {

    /** The switch without its reason text (for a scheduler). */
    public ModalityChangeView withoutReasons() {
        return new ModalityChangeView(id, planId, from, to, effectiveFrom, null, null, changedBy, changedAt);
    }
}
