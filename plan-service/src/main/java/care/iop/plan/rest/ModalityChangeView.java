package care.iop.plan.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One modality switch of a plan. */
@Schema(name = "ModalityChange")
public record ModalityChangeView(UUID id, UUID planId, ModalityDto from, ModalityDto to, LocalDate effectiveFrom, String reason,
                                 String belowMinimumJustification, String changedBy, OffsetDateTime changedAt) {
}
