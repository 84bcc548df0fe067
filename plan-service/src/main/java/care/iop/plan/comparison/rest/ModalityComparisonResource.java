package care.iop.plan.comparison.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.plan.comparison.domain.ModalityComparison;
import care.iop.plan.comparison.service.ChartLinks;
import care.iop.plan.comparison.service.ComparisonQuery;
import care.iop.plan.comparison.service.ModalityComparisonService;
import care.iop.plan.outcomes.domain.Instrument;
import care.iop.platform.idempotency.Idempotent;
import care.iop.platform.privacy.Disclosure;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.CurrentUser;
import care.iop.platform.security.Roles;
import io.quarkus.security.ForbiddenException;

/**
 * The modality comparison over HTTP: JSON or CSV, the SVG chart (with a token or a signed link) and signed chart links.
 * Clinicians and admins only; never a caller outside the program. Maps the service's answer to {@link ComparisonView}.
 */
@Path("/api/v1/outcomes/modality-comparison")
@Tag(name = "Outcomes", description = "Aggregate outcomes by exposure to individual and group therapy (no patient-level data)")
public class ModalityComparisonResource {
    public static final String CSV = "text/csv";
    public static final String SVG = "image/svg+xml";
    static final String RULES = " Rules, worked example and migration: docs/outcomes.md, \"Modality comparison\".";

    @Inject
    ModalityComparisonService comparisons;

    @Inject
    ChartLinks links;

    @Inject
    CurrentUser user;

    @Inject
    Disclosure disclosure;

    @GET
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Operation(operationId = "compareOutcomesByModality", summary = "Compare outcomes of individual and group therapy",
            description = "Over the episodes of care admitted in the window (widened to whole reporting blocks, quarters by default):"
                    + " baseline in the admission window, follow-up at least 4 weeks later, exclusions counted. Two exposures, as"
                    + " prescribed (the plans' dated modality schedules; a switch of bucket is an exposure of its own, SWITCHED) and as"
                    + " attended, bucketed by the share of therapy sessions that were group sessions. Per bucket: counts, dropouts, mean"
                    + " change with a 95 % CI, response and remission among elevated baselines; per pair of buckets: the difference in"
                    + " mean change, adjusted for baseline (ANCOVA) and, where the data allow, for track and level of care, and in"
                    + " response and remission (Newcombe); score slopes before and after switches. Observational data (confounding by"
                    + " indication). Cells under 11 episodes are withheld, in every block and track. Send Accept: text/csv for the same"
                    + " figures in long form." + RULES)
    @APIResponse(responseCode = "200", description = "The comparison", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComparisonView.class),
                    examples = @ExampleObject(name = "worked example (shortened)", value = ComparisonApiExamples.COMPARISON)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "400", description = "instrument missing or unknown; bad date or track; to before from",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "no instrument", value = ComparisonApiExamples.BAD_PARAMETER)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role not allowed (scheduler, patient, integration)")
    @APIResponse(responseCode = "406", description = "Accept names neither JSON nor CSV")
    public Response compare(
            @Parameter(description = "PHQ9, GAD7 (weekly outcomes), AUDIT or DAST10 (intake to discharge)", required = true, example = "PHQ9")
            @QueryParam("instrument") Instrument instrument,
            @Parameter(description = "First admission day (widened to the start of its block)", example = "2026-01-01") @QueryParam("from") LocalDate from,
            @Parameter(description = "Last admission day (widened to the end of its block)", example = "2026-03-31") @QueryParam("to") LocalDate to,
            @Parameter(description = "Only patients on this track (ADULT_MH, ADULT_SUD, ADOLESCENT)") @QueryParam("track") String track,
            @Context HttpHeaders headers) {
        ComparisonView view = ComparisonViews.of(comparisons.compare(new ComparisonQuery(required(instrument), from, to, track)));
        if (CsvNegotiation.prefersCsv(headers, MediaType.APPLICATION_JSON_TYPE)) {
            return Response.ok(ComparisonCsv.of(view), CSV + ";charset=UTF-8")
                    .header("Content-Disposition", "inline; filename=\"modality-comparison-" + instrument.name().toLowerCase() + ".csv\"")
                    .build();
        }
        return Response.ok(view, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/chart")
    @Produces(SVG)
    @PermitAll
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getModalityComparisonChart", summary = "The comparison as an SVG chart",
            description = "Per exposure view: the mean change per bucket as bars with 95 % CIs (withheld buckets labelled), and per pair of"
                    + " buckets the difference in mean change and the difference adjusted for baseline with their CIs. Opens as is in a"
                    + " browser. instrument defaults to PHQ9. Needs a clinician or admin token, or no token at all with the expires, by"
                    + " and signature parameters of a signed link from POST /api/v1/outcomes/modality-comparison/chart-links (a view"
                    + " through a link is audited under its maker, and withholds cells under 11 whatever the configuration). A caller"
                    + " with a role outside the program (integration) is refused, with or without a link." + RULES)
    @APIResponse(responseCode = "200", description = "SVG image", content = @Content(mediaType = SVG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Unknown instrument; bad date or track; to before from")
    @APIResponse(responseCode = "401", description = "Neither a valid token nor a signed link")
    @APIResponse(responseCode = "403", description = "Role not allowed; or a link whose signature does not match or that expired")
    public Response chart(
            @Parameter(description = "PHQ9 (default), GAD7, AUDIT or DAST10", example = "PHQ9") @QueryParam("instrument") Instrument instrument,
            @Parameter(description = "First admission day", example = "2026-01-01") @QueryParam("from") LocalDate from,
            @Parameter(description = "Last admission day", example = "2026-12-31") @QueryParam("to") LocalDate to,
            @Parameter(description = "Only patients on this track") @QueryParam("track") String track,
            @Parameter(description = "Signed link only: expiry in seconds since 1970 (UTC)") @QueryParam("expires") Long expires,
            @Parameter(description = "Signed link only: who made the link") @QueryParam("by") String by,
            @Parameter(description = "Signed link only: its HMAC-SHA256, base64url") @QueryParam("signature") String signature) {
        Instrument shown = instrument == null ? Instrument.PHQ9 : instrument;
        if (disclosure.external()) {
            throw new ForbiddenException(); // aggregates are not offered outside the program, not even through a link
        }
        ComparisonQuery query = new ComparisonQuery(shown, from, to, track);
        ModalityComparison comparison;
        if (signature != null) {
            String issuer = links.verify(new ChartLinks.Chart(shown, from, to, track), expires, by, signature, Instant.now());
            comparison = comparisons.compareThroughLink(query, issuer);
        } else {
            user.requireAnyRole(Roles.CLINICIAN, Roles.ADMIN);
            comparison = comparisons.compare(query);
        }
        return Response.ok(ComparisonChart.of(ComparisonViews.of(comparison), shown.displayName()), SVG).build();
    }

    @POST
    @Idempotent
    @Path("/chart-links")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Operation(operationId = "createModalityComparisonChartLink", summary = "Make a signed link to the chart",
            description = "Returns a link to GET /api/v1/outcomes/modality-comparison/chart with these parameters that works without a"
                    + " token until it expires (15 minutes by default, iop.outcomes.chart-link.ttl), like a presigned URL: for a"
                    + " browser tab, an <img> in a dashboard or a message to the program director. The link is signed (HMAC-SHA256)"
                    + " over its parameters, expiry and maker: changing any of them makes it fail with 403. The chart holds"
                    + " aggregates only (cells under 11 withheld); each view through the link is audited under the link's maker.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChartLinkRequest.class),
            examples = @ExampleObject(name = "PHQ-9, adult SUD, 2026", value = "{\"instrument\":\"PHQ9\",\"from\":\"2026-01-01\",\"to\":\"2026-12-31\",\"track\":\"ADULT_SUD\"}")))
    @APIResponse(responseCode = "201", description = "The link; Location is the same URL", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ChartLinkView.class)))
    @APIResponse(responseCode = "400", description = "Unknown instrument or field; bad date or track; to before from")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    public Response createChartLink(ChartLinkRequest request) {
        ChartLinkRequest given = request == null ? new ChartLinkRequest(null, null, null, null) : request;
        Instrument instrument = given.instrument() == null ? Instrument.PHQ9 : given.instrument();
        comparisons.window(new ComparisonQuery(instrument, given.from(), given.to(), given.track()));
        ChartLinks.Link link = links.create(new ChartLinks.Chart(instrument, given.from(), given.to(), given.track()), user.subject(),
                Instant.now());
        return Response.created(URI.create(link.url())).entity(new ChartLinkView(link.url(), link.expiresAt())).build();
    }

    private static Instrument required(Instrument instrument) {
        if (instrument == null) {
            throw ProblemException.invalidField("instrument", "must not be null");
        }
        return instrument;
    }
}
