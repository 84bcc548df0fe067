package care.iop.plan.comparison.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.plan.comparison.domain.ExportRow;
import care.iop.plan.comparison.service.AnalysisExportService;
import care.iop.plan.comparison.service.ComparisonQuery;
import care.iop.plan.outcomes.domain.Instrument;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.Roles;

/**
 * The de-identified analysis export for researchers: one row per episode of the comparison's cohort, NDJSON (default) or
 * CSV. Admins only; audited per patient.
 */
@Path("/api/v1/outcomes/modality-comparison/export")
@Tag(name = "Outcomes")
public class AnalysisExportResource {
    public static final String NDJSON = "application/x-ndjson";

    @Inject
    AnalysisExportService exports;

    @Inject
    ExportFormats formats;

    @GET
    @Produces({ NDJSON, ModalityComparisonResource.CSV })
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listModalityComparisonEpisodes", summary = "De-identified analysis export (one row per episode)",
            description = "For researchers: every episode of the comparison's cohort (same window, track and rules, excluded episodes"
                    + " with their reason) with exposure in both views, baseline, follow-up, change, response, remission, switch and"
                    + " covariates (track, level of care, age at admission capped at 90). No identifiers: no patient, episode or plan"
                    + " id, no names, no free text; every date shifted by a per-patient amount (1 to 180 days either way, the same for"
                    + " all of a patient's dates) and also given as days since admission; rows in a pseudo-random order. Admins only;"
                    + " each export is audited once per patient in it. NDJSON by default, Accept: text/csv for CSV."
                    + ModalityComparisonResource.RULES)
    @APIResponse(responseCode = "200", description = "One JSON object per line (or one CSV row per episode)", content = {
            @Content(mediaType = NDJSON, schema = @Schema(implementation = ExportRow.class),
                    examples = @ExampleObject(name = "one line", value = ComparisonApiExamples.EXPORT_LINE)),
            @Content(mediaType = ModalityComparisonResource.CSV, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "400", description = "instrument missing or unknown; bad date or track; to before from",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "no instrument", value = ComparisonApiExamples.BAD_PARAMETER)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "406", description = "Accept names neither NDJSON nor CSV")
    public Response export(
            @Parameter(description = "PHQ9, GAD7, AUDIT or DAST10", required = true, example = "PHQ9") @QueryParam("instrument") Instrument instrument,
            @Parameter(description = "First admission day (widened to the start of its block)", example = "2026-01-01") @QueryParam("from") LocalDate from,
            @Parameter(description = "Last admission day (widened to the end of its block)", example = "2026-12-31") @QueryParam("to") LocalDate to,
            @Parameter(description = "Only patients on this track") @QueryParam("track") String track,
            @Context HttpHeaders headers) {
        if (instrument == null) {
            throw ProblemException.invalidField("instrument", "must not be null");
        }
        List<ExportRow> rows = exports.export(new ComparisonQuery(instrument, from, to, track));
        String name = "modality-comparison-episodes-" + instrument.name().toLowerCase();
        if (CsvNegotiation.prefersCsv(headers, MediaType.valueOf(NDJSON))) {
            return Response.ok(formats.csv(rows), ModalityComparisonResource.CSV + ";charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
        }
        return Response.ok(formats.ndjson(rows), NDJSON).header("Content-Disposition", "attachment; filename=\"" + name + ".ndjson\"").build();
    }
}
