package care.iop.plan.rest;

import static care.iop.plan.rest.PlanRoles.ADMIN;
import static care.iop.plan.rest.PlanRoles.CLINICIAN;
import static care.iop.plan.rest.PlanRoles.INTEGRATION;
import static care.iop.plan.rest.PlanRoles.PATIENT;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.plan.service.ReviewService;
import care.iop.platform.idempotency.Idempotent;
import care.iop.platform.consistency.ConsistencyDocumentation;

@Path("/api/v1/plans/{id}/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plan reviews", description = "Periodic plan reviews; each moves the next review date")
public class ReviewResource {

    @Inject
    ReviewService reviews;

    @Context
    UriInfo uriInfo;

    @POST

    @Idempotent
    @Extension(name = ConsistencyDocumentation.WRITES, value = "true")
    @RolesAllowed({ CLINICIAN, ADMIN })
    @Operation(operationId = "createPlanReview", summary = "Record a review", description = "Decision CONTINUE, ADJUST, STEP_DOWN or DISCHARGE; the plan's nextReviewDue becomes "
            + "the latest review date + the review interval (a backdated review never moves it back).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "continue",
            value = "{\"summary\":\"PHQ-9 down from 16 to 11; attending all groups\",\"decision\":\"CONTINUE\"}")))
    @APIResponse(responseCode = "201", description = "The review, with the new due date", headers = @Header(name = "Location", description = "URI of the review", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a clinician or admin")
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "The plan is final")
    public Response record(@PathParam("id") UUID id, @Valid @NotNull ReviewRequest request) {
        ReviewView review = reviews.record(id, request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(review.id().toString()).build()).entity(review).build();
    }

    @GET
    @RolesAllowed({ CLINICIAN, ADMIN, INTEGRATION, PATIENT })
    @Operation(operationId = "listPlanReviews", summary = "A plan's reviews", description = "Oldest first. Review notes are clinical content: not for a scheduler"
            + " (minimum necessary); a caller outside the program gets a Part 2 patient's reviews only with that patient's consent.")
    @APIResponse(responseCode = "200", description = "The reviews")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "A scheduler")
    @APIResponse(responseCode = "404", description = "No such plan (or not yours)")
    public List<ReviewView> list(@PathParam("id") UUID id) {
        return reviews.list(id);
    }
}
