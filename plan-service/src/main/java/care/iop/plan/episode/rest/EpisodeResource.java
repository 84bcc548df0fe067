package care.iop.plan.episode.rest;

import static care.iop.platform.security.Roles.ADMIN;
import static care.iop.platform.security.Roles.CLINICIAN;
import static care.iop.platform.security.Roles.INTEGRATION;
import static care.iop.platform.security.Roles.PATIENT;
import static care.iop.platform.security.Roles.SCHEDULER;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.plan.episode.service.EpisodeService;
import care.iop.plan.episode.service.LevelChangeService;
import care.iop.platform.consistency.ConsistencyDocumentation;
import care.iop.platform.idempotency.Idempotent;
import care.iop.platform.web.ETags;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;

@Path("/api/v1/episodes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Episodes of care", description = "One episode per admission: level of care and its dated transitions, plans, discharge;"
        + " the first plan due within 7 days of admission")
public class EpisodeResource {
    private static final String PART2_READ = " A caller outside the program (integration) gets a Part 2 patient's episode only with that"
            + " patient's PART2_DISCLOSURE consent (else 404), with the Part2-Notice header and part2Notice field.";

    @Inject
    EpisodeService episodes;

    @Inject
    LevelChangeService levelChanges;

    @Context
    UriInfo uriInfo;

    @GET
    @RolesAllowed({ CLINICIAN, ADMIN, SCHEDULER, INTEGRATION, PATIENT })
    @Operation(operationId = "searchEpisodes", summary = "Search episodes of care",
            description = "A patient's episodes (or all, for staff), by status (open, closed), the latest admission first, each with its"
                    + " level changes and plans. A patient sees only its own. For a scheduler the reasons and assessments of the level"
                    + " changes are left out. For a caller outside the program (integration) the items and the total leave out the"
                    + " episodes of Part 2 patients without a PART2_DISCLOSURE consent for it. Each patient in the answer has an audit row.")
    @APIResponse(responseCode = "200", description = "A page of episodes")
    @APIResponse(responseCode = "400", description = "Bad parameter (status not open or closed, patientId not a UUID)")
    @APIResponse(responseCode = "401", description = "No valid token")
    public Page<EpisodeView> search(
            @Parameter(description = "Episodes of this patient") @QueryParam("patientId") UUID patientId,
            @Parameter(description = "open or closed", example = "open") @QueryParam("status") String status,
            @Valid @BeanParam PageQuery page) {
        return episodes.search(patientId, status, page).map(EpisodeView::of);
    }

    @GET
    @Path("/overdue-plans")
    @RolesAllowed({ CLINICIAN, ADMIN, SCHEDULER, INTEGRATION })
    @Operation(operationId = "listOverdueFirstPlans", summary = "Admitted patients whose first plan is overdue",
            description = "Open episodes none of whose plans has been in force within iop.plan.first-plan-due-days (7) of the admission:"
                    + " admitted on day 0, the plan is on time through day 7 and overdue from day 8 (today, in the program's time zone)."
                    + " Longest overdue first, with the episode's latest draft if there is one. The same check publishes"
                    + " care.iop.episode.first-plan-overdue.v1 once per episode. For a caller outside the program (integration) the"
                    + " episodes of Part 2 patients without a PART2_DISCLOSURE consent for it are left out of items and total. Each"
                    + " patient in the answer has an audit row.")
    @APIResponse(responseCode = "200", description = "A page of overdue first plans")
    @APIResponse(responseCode = "400", description = "Bad page or size")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Patients may not list them")
    public Page<OverdueFirstPlanView> overdueFirstPlans(@Valid @BeanParam PageQuery page) {
        return episodes.overdueFirstPlans(page).map(OverdueFirstPlanView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ CLINICIAN, ADMIN, SCHEDULER, INTEGRATION, PATIENT })
    @Operation(operationId = "getEpisode", summary = "Read an episode of care",
            description = "With its level changes (oldest first), its plans and its ETag (the version, for If-Match on level changes)."
                    + " A patient reads only its own. For a scheduler the reasons and assessments of the level changes are left out."
                    + PART2_READ)
    @APIResponse(responseCode = "200", description = "The episode",
            headers = @Header(name = "ETag", description = "Version (an entity tag: send it in If-Match)", schema = @Schema(type = SchemaType.STRING, example = "\"0\"")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EpisodeView.class)))
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "404", description = "No such episode (or not yours)")
    public Response get(@PathParam("id") UUID id) {
        EpisodeView episode = EpisodeView.of(episodes.get(id));
        return Response.ok(episode).header("ETag", ETags.of(episode.version())).build();
    }

    @POST
    @Path("/{id}/level-changes")
    @Idempotent
    @Extension(name = ConsistencyDocumentation.WRITES, value = "true")
    @RolesAllowed({ CLINICIAN, ADMIN })
    @Operation(operationId = "changeLevelOfCare", summary = "Change the episode's level of care (step down or up)",
            description = "Records a dated transition (2.5 -> 2.1 -> 1 and back up) with its reason and, optionally, the assessment that"
                    + " justified it (one of the patient's). It applies to the episode's current plan (active or on-hold, else its latest"
                    + " draft): the plan takes the new level and, when `modality` is given, the new mix from `effectiveOn` (a modality"
                    + " change, in the plan's switch history). The mix must fit the new level: above its ceiling (19 h at 2.1) is refused"
                    + " naming the level that fits; below its minimum (9 h adult / 6 h adolescent at 2.1, 20 h at 2.5) is allowed only"
                    + " when stepping down, for iop.plan.step-down-tolerance (14 days), then it shows as a dose alert. Publishes"
                    + " care.iop.episode.level-changed.v1 and the plan's event. `If-Match` (the episode's ETag) is optional.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = { @ExampleObject(name = "step down", summary = "2.5 -> 2.1 with a mix meeting the 9 h minimum", value = EpisodeApiExamples.STEP_DOWN),
                    @ExampleObject(name = "step down tapering", summary = "2.5 -> 2.1 at 6 h: below the minimum, tolerated for 14 days",
                            value = EpisodeApiExamples.STEP_DOWN_TAPERING) }))
    @APIResponse(responseCode = "201", description = "The episode with its new level change; Location and ETag headers",
            headers = { @Header(name = "Location", description = "URI of the episode", schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = "The episode's new version", schema = @Schema(type = SchemaType.STRING, example = "\"1\"")) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EpisodeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (toLevel not 1, 2.1 or 2.5; reason missing; malformed modality)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a clinician or admin")
    @APIResponse(responseCode = "404", description = "No such episode")
    @APIResponse(responseCode = "409", description = "The episode is closed, or already at that level")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "422", description = "effectiveOn before the admission or the last level change, or after the plan's end;"
            + " assessmentId not one of the patient's; modality above the level's ceiling or below its minimum outside a step-down;"
            + " group hours without consent; patientId: the track disagrees with the date of birth")
    public Response changeLevel(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull LevelChangeRequest request) {
        EpisodeView episode = EpisodeView.of(levelChanges.change(id, ifMatch, request.command()));
        return Response.created(uriInfo.getBaseUriBuilder().path("api/v1/episodes").path(id.toString()).build())
                .header("ETag", ETags.of(episode.version())).entity(episode).build();
    }
}
