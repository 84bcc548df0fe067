package care.iop.plan.measurement.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.plan.measurement.service.AssessmentScheduleService;
import care.iop.platform.security.Roles;
import care.iop.platform.web.ETags;
import care.iop.problems.ProblemType;

/** A plan's assessment schedule: which instrument is due when (docs/outcomes.md, "Measurement on schedule"). */
@Path("/api/v1/plans/{planId}/assessment-schedule")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessment schedules", description = "Measurement on schedule: PHQ-9 and GAD-7 every N days from admission, AUDIT and"
        + " DAST-10 at intake and discharge, per plan")
public class AssessmentScheduleResource {

    @Inject
    AssessmentScheduleService schedules;

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT })
    @Operation(operationId = "getAssessmentSchedule", summary = "Read a plan's assessment schedule",
            description = "One entry per instrument: the plan's own (source PLAN) or the program default (source DEFAULT:"
                    + " iop.measurement.phq9-every-days and gad7-every-days, 14; AUDIT and DAST-10 at intake and discharge). The ETag"
                    + " (revision; 0 while the plan follows the defaults only) goes into If-Match of the PUT. A patient reads only its"
                    + " own plan's. Audited as a READ.")
    @APIResponse(responseCode = "200", description = "The schedule",
            headers = @Header(name = "ETag", description = "Revision (an entity tag: send it in If-Match)", schema = @Schema(type = SchemaType.STRING, example = "\"0\"")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentScheduleView.class),
                    examples = @ExampleObject(name = "weekly PHQ-9", value = MeasurementApiExamples.SCHEDULE)))
    @APIResponse(responseCode = "400", description = "planId is not a UUID")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Scheduler or integration: the schedule is clinical")
    @APIResponse(responseCode = "404", description = "No such plan (or not yours)")
    public Response get(@PathParam("planId") UUID planId) {
        AssessmentScheduleView view = AssessmentScheduleView.of(planId, schedules.get(planId));
        return Response.ok(view).header("ETag", ETags.of(view.revision())).build();
    }

    @PUT
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Operation(operationId = "replaceAssessmentSchedule", summary = "Set a plan's assessment schedule",
            description = "Lists the instruments the plan schedules itself; the ones not listed follow the defaults (an empty list"
                    + " goes back to the defaults). EVERY_DAYS takes everyDays from 7 to 14 (every 1 to 2 weeks, domain.md) and is for"
                    + " PHQ9 and GAD7 only: AUDIT and DAST-10 ask about the past 12 months (INTAKE_AND_DISCHARGE or NOT_SCHEDULED)."
                    + " Send If-Match with the ETag of your last read. The due lists follow the new schedule at once. Audited as an"
                    + " UPDATE. Draft and current plans only.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssessmentScheduleRequest.class), examples = {
            @ExampleObject(name = "weekly PHQ-9", summary = "PHQ-9 every 7 days, AUDIT not scheduled", value = MeasurementApiExamples.WEEKLY_PHQ9),
            @ExampleObject(name = "defaults", summary = "Back to the defaults", value = MeasurementApiExamples.DEFAULTS) }))
    @APIResponse(responseCode = "200", description = "The schedule now in force; new ETag",
            headers = @Header(name = "ETag", description = "New revision", schema = @Schema(type = SchemaType.STRING, example = "\"1\"")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentScheduleView.class),
                    examples = @ExampleObject(name = "weekly PHQ-9", value = MeasurementApiExamples.SCHEDULE)))
    @APIResponse(responseCode = "400", description = "The problem names the field: entries[i].instrument (unknown or listed twice),"
            + " entries[i].rule, entries[i].everyDays (missing with EVERY_DAYS, outside 7..14, or given with another rule)",
            content = @Content(mediaType = ProblemType.MEDIA_TYPE, examples = @ExampleObject(name = "interval", value = MeasurementApiExamples.INVALID_INTERVAL)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a clinician or admin")
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "The plan is completed, revoked or entered in error")
    @APIResponse(responseCode = "412", description = "If-Match names another revision")
    @APIResponse(responseCode = "422", description = "EVERY_DAYS for AUDIT or DAST-10 (field entries[i].rule)",
            content = @Content(mediaType = ProblemType.MEDIA_TYPE, examples = @ExampleObject(name = "AUDIT on an interval", value = MeasurementApiExamples.INTERVAL_FOR_AUDIT)))
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response replace(@PathParam("planId") UUID planId, @HeaderParam("If-Match") String ifMatch,
                            @Valid @NotNull AssessmentScheduleRequest request) {
        AssessmentScheduleView view = AssessmentScheduleView.of(planId, schedules.replace(planId, ifMatch, request.toDomain()));
        return Response.ok(view).header("ETag", ETags.of(view.revision())).build();
    }
}
