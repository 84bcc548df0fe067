package care.iop.plan.comparison.rest;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.plan.outcomes.domain.Instrument;

/** The body of POST .../chart-links: which chart the signed link shows (windows widen to whole reporting blocks). */
@Schema(description = "The chart a link shows: the same parameters as GET /api/v1/outcomes/modality-comparison/chart")
public record ChartLinkRequest(
        @Schema(description = "PHQ9 when absent", example = "PHQ9") Instrument instrument,
        @Schema(description = "First day included", example = "2026-01-01") LocalDate from,
        @Schema(description = "Last day included", example = "2026-12-31") LocalDate to,
        @Schema(description = "Only patients on this track", example = "ADULT_SUD") String track) {
}
