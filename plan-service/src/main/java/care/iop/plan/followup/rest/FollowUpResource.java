package care.iop.plan.followup.rest;

import static care.iop.platform.security.Roles.ADMIN;
import static care.iop.platform.security.Roles.CLINICIAN;

import java.util.Locale;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.plan.followup.domain.FollowUpTask;
import care.iop.plan.followup.domain.TaskAsOf;
import care.iop.plan.followup.service.FollowUpSearch;
import care.iop.plan.followup.service.FollowUpService;
import care.iop.platform.idempotency.Idempotent;
import care.iop.platform.problem.Problem;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.web.ETags;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;

/**
 * Follow-up tasks after missed care (no-show follow-ups, discharge reviews): clinical work, so clinicians and admins only
 * (schedulers, integrations and patients are refused).
 */
@Path("/api/v1/follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-ups", description = "A NO_SHOW opens a follow-up for the primary clinician, due the next business day; more missed"
        + " sessions than the attendance policy allows open a discharge review")
public class FollowUpResource {
    private static final String ETAG = "The task's version (an entity tag: send it in If-Match)";

    @Inject
    FollowUpService followUps;

    @GET
    @RolesAllowed({ CLINICIAN, ADMIN })
    @Operation(operationId = "searchFollowUps", summary = "Search follow-up tasks",
            description = "No-show follow-ups and discharge reviews, soonest due first (the most overdue on top), filtered by the"
                    + " assigned clinician, kind, status, overdue (open and at or past dueAt now) and patient. Each patient in the"
                    + " answer has an audit row; for a caller outside the program the items and the total leave out the tasks of Part 2"
                    + " patients without a PART2_DISCLOSURE consent for it.")
    @APIResponse(responseCode = "200", description = "A page of tasks (items, page, size, total), soonest due first")
    @APIResponse(responseCode = "400", description = "Bad parameter (kind, status, overdue, a UUID, page or size)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a clinician or admin")
    public Page<FollowUpTaskView> search(
            @Parameter(description = "Tasks assigned to this clinician") @QueryParam("assignedClinicianId") UUID assignedClinicianId,
            @Parameter(description = "NO_SHOW_FOLLOW_UP or DISCHARGE_REVIEW", schema = @Schema(type = SchemaType.STRING,
                    enumeration = { "NO_SHOW_FOLLOW_UP", "DISCHARGE_REVIEW" })) @QueryParam("kind") String kind,
            @Parameter(description = "OPEN, DONE or CANCELLED", schema = @Schema(type = SchemaType.STRING,
                    enumeration = { "OPEN", "DONE", "CANCELLED" })) @QueryParam("status") String status,
            @Parameter(description = "true: open and past due; false: all others", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("overdue") String overdue,
            @Parameter(description = "Tasks of this patient") @QueryParam("patientId") UUID patientId,
            @Valid @BeanParam PageQuery page) {
        FollowUpSearch search = new FollowUpSearch(assignedClinicianId, parse(FollowUpTask.Kind.class, "kind", kind),
                parse(FollowUpTask.Status.class, "status", status), parseBoolean("overdue", overdue), patientId);
        return followUps.search(search, page).map(FollowUpTaskView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ CLINICIAN, ADMIN })
    @Operation(operationId = "getFollowUp", summary = "Read one follow-up task", description = "With its ETag (the version, for If-Match"
            + " on the completion). Audited as a read.")
    @APIResponse(responseCode = "200", description = "The task",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING, example = "\"0\"")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FollowUpTaskView.class),
                    examples = @ExampleObject(name = "open no-show follow-up", value = FollowUpApiExamples.TASK)))
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a clinician or admin")
    @APIResponse(responseCode = "404", description = "No such task")
    public Response get(@PathParam("id") UUID id) {
        return withETag(Response.ok(), followUps.get(id));
    }

    @POST
    @Idempotent
    @Path("/{id}/completion")
    @RolesAllowed({ CLINICIAN, ADMIN })
    @Operation(operationId = "recordFollowUpCompletion", summary = "Complete a follow-up task with its outcome",
            description = "Records what was done and its outcome (`note`, required): the task becomes DONE and"
                    + " care.iop.follow-up.completed.v1 is published on iop.plans (without the note). Any clinician may complete a"
                    + " task (a colleague covering the assigned one). If-Match is optional; when sent it must carry the task's current"
                    + " ETag. Audited as an update.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CompletionRequest.class),
            examples = @ExampleObject(name = "reached by phone", value = FollowUpApiExamples.COMPLETION)))
    @APIResponse(responseCode = "200", description = "Completed",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING, example = "\"1\"")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FollowUpTaskView.class)))
    @APIResponse(responseCode = "400", description = "note missing, blank or longer than 4000 characters (the problem names `note`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "note missing", value = FollowUpApiExamples.NOTE_MISSING)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a clinician or admin")
    @APIResponse(responseCode = "404", description = "No such task")
    @APIResponse(responseCode = "409", description = "The task is not open (done or cancelled)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "already done", value = FollowUpApiExamples.NOT_OPEN)))
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    public Response complete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull CompletionRequest request) {
        return withETag(Response.ok(), followUps.complete(id, request.note(), ifMatch));
    }

    private static Response withETag(Response.ResponseBuilder response, TaskAsOf task) {
        return response.header(HttpHeaders.ETAG, ETags.of(task.task().version)).entity(FollowUpTaskView.of(task)).build();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static Boolean parseBoolean(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalidField(field, "must be true or false");
        };
    }
}
