package care.iop.plan.outcomes.rest;

import java.time.LocalDate;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.outcomes.service.ModalityComparison;
import care.iop.plan.outcomes.service.ModalityComparisonService;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.Roles;

@Path("/api/v1/outcomes/modality-comparison")
@Tag(name = "Outcomes", description = "Aggregate outcomes by the therapy modality mix patients attended (no patient-level data)")
public class ModalityComparisonResource {
    public static final String CSV = "text/csv";
    public static final String SVG = "image/svg+xml";

    @Inject
    ModalityComparisonService comparisons;

    @GET
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "Compare outcomes by attended modality mix",
            description = "Buckets patients by the share of their attended minutes that were group therapy (MOSTLY_INDIVIDUAL"
                    + " below 1/3, MOSTLY_GROUP above 2/3, MIXED otherwise) and reports per bucket n, mean baseline, mean latest,"
                    + " mean change with a 95 % CI (t distribution), response rate (at least 50 % drop), remission rate (PHQ-9/GAD-7"
                    + " below 5), attendance rate and median weeks in the program. A bucket under the minimum size (default 5)"
                    + " reports only suppressed=true. Send Accept: text/csv for the same table as CSV. Rules: docs/outcomes.md.")
    @APIResponse(responseCode = "200", description = "The comparison", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModalityComparison.class)),
            @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)) })
    @APIResponse(responseCode = "400", description = "instrument missing or unknown; bad date or track; to before from")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    @APIResponse(responseCode = "406", description = "Accept names neither JSON nor CSV")
    public Response compare(
            @Parameter(description = "PHQ9, GAD7, AUDIT or DAST10", required = true, example = "PHQ9") @QueryParam("instrument") Instrument instrument,
            @Parameter(description = "First day included", example = "2026-01-01") @QueryParam("from") LocalDate from,
            @Parameter(description = "Last day included", example = "2026-12-31") @QueryParam("to") LocalDate to,
            @Parameter(description = "Only patients on this track (ADULT_MH, ADULT_SUD, ADOLESCENT)") @QueryParam("track") String track,
            @Context HttpHeaders headers) {
        ModalityComparison comparison = comparisons.compare(required(instrument), from, to, track);
        if (wantsCsv(headers)) {
            return Response.ok(ComparisonCsv.of(comparison), CSV + ";charset=UTF-8")
                    .header("Content-Disposition", "inline; filename=\"modality-comparison-" + instrument.name().toLowerCase() + ".csv\"")
                    .build();
        }
        return Response.ok(comparison, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/chart")
    @Produces(SVG)
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "The comparison as an SVG chart",
            description = "Mean change per bucket as bars with the 95 % confidence interval as error bars; suppressed buckets"
                    + " are labelled as such. Opens as is in a browser. instrument defaults to PHQ9.")
    @APIResponse(responseCode = "200", description = "SVG image", content = @Content(mediaType = SVG,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Unknown instrument; bad date or track; to before from")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    public Response chart(
            @Parameter(description = "PHQ9 (default), GAD7, AUDIT or DAST10", example = "PHQ9") @QueryParam("instrument") Instrument instrument,
            @Parameter(description = "First day included", example = "2026-01-01") @QueryParam("from") LocalDate from,
            @Parameter(description = "Last day included", example = "2026-12-31") @QueryParam("to") LocalDate to,
            @Parameter(description = "Only patients on this track") @QueryParam("track") String track) {
        ModalityComparison comparison = comparisons.compare(instrument == null ? Instrument.PHQ9 : instrument, from, to, track);
        return Response.ok(ComparisonChart.of(comparison), SVG).build();
    }

    private static Instrument required(Instrument instrument) {
        if (instrument == null) {
            throw ProblemException.invalidField("instrument", "must not be null");
        }
        return instrument;
    }

    private static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return true;
            }
        }
        return false;
    }
}
