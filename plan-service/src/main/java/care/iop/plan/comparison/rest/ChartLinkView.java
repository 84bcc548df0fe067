package care.iop.plan.comparison.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of POST .../chart-links: the signed link and when it stops working. */
@Schema(description = "A signed link to the chart: GET it without a token (e.g. in an <img> or a browser tab) until it expires")
public record ChartLinkView(
        @Schema(description = "Path and query, relative to the API's host",
                example = "/api/v1/outcomes/modality-comparison/chart?instrument=PHQ9&from=2026-01-01&to=2026-12-31&expires=1796216400&by=dr-lee&signature=3q2-7w…")
        String url,
        @Schema(description = "When the link stops working", example = "2026-12-01T15:15:00Z") Instant expiresAt) {
}
