package care.iop.plan.episode.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.plan.episode.domain.LevelOfCareTransition;

/** One level-of-care transition (its reason and assessment are left out for a scheduler). */
@Schema(name = "LevelChange")
public record LevelChangeView(UUID id, @Schema(example = "2.5") String fromLevel, @Schema(example = "2.1") String toLevel,
                              @Schema(example = "2026-12-14") LocalDate effectiveOn,
                              @Schema(description = "Why; left out for a scheduler (minimum necessary)") String reason,
                              @Schema(description = "The assessment that justified it; left out for a scheduler") UUID assessmentId,
                              @Schema(description = "The plan whose level (and mix) it changed, if the episode had one") UUID planId,
                              String recordedBy, OffsetDateTime recordedAt) {

    static LevelChangeView of(LevelOfCareTransition t, boolean clinicalContent) {
        return new LevelChangeView(t.id, t.fromLevel, t.toLevel, t.effectiveOn, clinicalContent ? t.reason : null,
                clinicalContent ? t.assessmentId : null, t.planId, t.recordedBy, t.recordedAt);
    }
}
