package care.iop.plan.outcomes.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.outcomes.service.AssessmentService;
import care.iop.platform.idempotency.Idempotent;
import care.iop.platform.security.Roles;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;

@Path("/api/v1/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments", description = "Measurement-based care: PHQ-9, GAD-7, AUDIT, DAST-10")
public class AssessmentResource {

    @Inject
    AssessmentService assessments;

    @POST

    @Idempotent
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT })
    @Operation(operationId = "createAssessment", summary = "Record a completed questionnaire",
            description = "Checks the number of answers and each answer's range for the instrument, computes the total and"
                    + " severity band, and raises a safety flag (event assessment.safety-flag-raised on iop.plans) when PHQ-9"
                    + " item 9 is above 0. A patient may submit only its own (self-report).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssessmentRequest.class), examples = {
            @ExampleObject(name = "PHQ-9", value = "{\"patientId\":\"7d0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a11\",\"instrument\":\"PHQ9\","
                    + "\"answers\":[1,2,0,1,1,0,2,1,0],\"takenAt\":\"2026-12-01T10:00:00-05:00\"}"),
            @ExampleObject(name = "AUDIT", value = "{\"patientId\":\"7d0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a11\",\"instrument\":\"AUDIT\","
                    + "\"answers\":[2,1,1,0,0,0,1,0,2,0],\"takenAt\":\"2026-12-01T10:00:00-05:00\"}") }))
    @APIResponse(responseCode = "201", description = "Recorded and scored",
            content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "400", description = "Missing field, wrong number of answers (field answers) or a value out of range (field answers[i])")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    @APIResponse(responseCode = "404", description = "A patient submitting for another patient")
    @APIResponse(responseCode = "422", description = "The patient is not known to the plan service")
    public Response record(@Valid @NotNull AssessmentRequest request, @Context UriInfo uri) {
        AssessmentService.Recorded recorded = assessments.record(request.patientId(), request.instrument(), request.answers(),
                request.takenAt());
        URI location = uri.getAbsolutePathBuilder().path(recorded.assessment().id.toString()).build();
        return Response.created(location).entity(AssessmentView.of(recorded)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT })
    @Operation(operationId = "getAssessment", summary = "Read one assessment", description = "A patient reads only its own (others answer 404).")
    @APIResponse(responseCode = "200", description = "The assessment", content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    @APIResponse(responseCode = "404", description = "No such assessment, or another patient's")
    public AssessmentView get(@PathParam("id") UUID id) {
        return AssessmentView.of(assessments.get(id));
    }

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT })
    @Operation(operationId = "searchAssessments", summary = "Time series of a patient's scores",
            description = "Oldest first, optionally one instrument and a window of days (from and to included, in the"
                    + " configured time zone). patientId is required for staff; a patient may omit it and sees only its own.")
    @APIResponse(responseCode = "200", description = "One page of the series")
    @APIResponse(responseCode = "400", description = "Bad patientId, instrument, date, page or size; to before from; patientId missing")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    @APIResponse(responseCode = "404", description = "A patient asking for another patient's series")
    public Page<AssessmentView> series(
            @Parameter(description = "The patient", example = "7d0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a11") @QueryParam("patientId") UUID patientId,
            @Parameter(description = "PHQ9, GAD7, AUDIT or DAST10") @QueryParam("instrument") Instrument instrument,
            @Parameter(description = "First day included", example = "2026-09-01") @QueryParam("from") LocalDate from,
            @Parameter(description = "Last day included", example = "2026-12-31") @QueryParam("to") LocalDate to,
            @Valid @BeanParam PageQuery page) {
        return assessments.series(patientId, instrument, from, to, page).map(AssessmentView::of);
    }
}
