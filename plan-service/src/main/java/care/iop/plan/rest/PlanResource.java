package care.iop.plan.rest;

import static care.iop.plan.rest.PlanRoles.ADMIN;
import static care.iop.plan.rest.PlanRoles.CLINICIAN;
import static care.iop.plan.rest.PlanRoles.INTEGRATION;
import static care.iop.plan.rest.PlanRoles.PATIENT;
import static care.iop.plan.rest.PlanRoles.SCHEDULER;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
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
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.plan.service.PlanLifecycleService;
import care.iop.plan.service.PlanService;
import care.iop.platform.idempotency.Idempotent;
import care.iop.platform.consistency.ConsistencyDocumentation;
import care.iop.platform.web.ETags;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;

@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "Individualized treatment plans (FHIR CarePlan) mixing individual, group and family therapy")
public class PlanResource {
    @Inject
    PlanService plans;

    @Inject
    PlanLifecycleService lifecycle;

    @Context
    UriInfo uriInfo;

    @POST

    @Idempotent
    @Extension(name = ConsistencyDocumentation.WRITES, value = "true")
    @RolesAllowed({ CLINICIAN, ADMIN })
    @Operation(operationId = "createPlan", summary = "Create a treatment plan (draft)",
            description = "Creates a draft plan for a patient known from participant events: problems (ICD-10-CM code, display, the"
                    + " patient's words) with goals and measurable, dated objectives, and the interventions that serve them (modality,"
                    + " frequency, duration, responsible clinician, objectiveIds). The weekly `modality` mix follows from the interventions:"
                    + " leave it out, or send it too and it must agree (else 422 naming `modality`). A request with `modality` and no"
                    + " interventions (older clients) gets one intervention per modality, the primary clinician responsible. With neither,"
                    + " the service proposes the interventions from the patient's group comfort, preferred modality, track, level of care,"
                    + " open safety flags and latest PHQ-9/GAD-7 (docs/modality-proposal.md), with its rationale (`modalityRationale`)."
                    + " Ids are unique in the plan; a broken structure is a 400 naming the exact field"
                    + " (`problems[0].goals[1].objectives[0].targetDate`, `interventions[0].objectiveIds[1]`). Group hours need the"
                    + " patient's active GROUP_PARTICIPATION consent. The weekly hours must fit the level of care: at least its minimum"
                    + " (9 h adult / 6 h adolescent at 2.1, adolescent by the date of birth on startDate; 20 h at 2.5) and at most its"
                    + " ceiling (19 h at 2.1), else 422 naming `modality` and the level that fits; under the minimum only when the plan"
                    + " starts within the step-down tolerance of a level change down (`belowMinimumJustification` no longer exempts). The"
                    + " plan joins the patient's open episode of care (`episodeId`), or opens one. It is version 1, to be signed before"
                    + " activation (POST /plans/{id}/versions/1/signatures).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = { @ExampleObject(name = "structured", summary = "Problem -> goal -> objectives -> interventions; the mix follows"
                    + " (1 x 50 min individual + 3 x 180 min group = 9.83 h)", value = PlanApiExamples.CREATE_STRUCTURED),
                    @ExampleObject(name = "individual-heavy", summary = "5 x 60 min individual (one a day) + 3 x 90 min group = 9.5 h,"
                            + " group introduced gradually", value = PlanApiExamples.CREATE_INDIVIDUAL_HEAVY),
                    @ExampleObject(name = "modality only", summary = "An older client's request: modality without interventions"
                            + " (1 x 50 min individual + 8.5 h group = 9.33 h; interventions derived)", value = PlanApiExamples.CREATE_MODALITY_ONLY),
                    @ExampleObject(name = "proposed", summary = "Neither modality nor interventions: the service proposes them",
                            value = PlanApiExamples.CREATE_PROPOSED) }))
    @APIResponse(responseCode = "201", description = "Created as draft; Location and ETag headers",
            headers = { @Header(name = "Location", description = "URI of the new plan", schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = "Version (an entity tag: send it in If-Match)", schema = @Schema(type = SchemaType.STRING, example = "\"0\"")) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, duplicate id or bad reference (the problem names the exact field)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a clinician or admin")
    @APIResponse(responseCode = "422", description = "Discharged patient (patientId), a track that disagrees with the date of birth (patientId),"
            + " inactive clinician (primary or responsible), modality disagreeing with the interventions, individual interventions of"
            + " different lengths, group without consent, weekly hours above the level's ceiling or under its minimum outside a step-down"
            + " (modality), or a level other than the episode's after a level change (levelOfCare)")
    public Response create(@Valid @NotNull PlanRequest request) {
        PlanView plan = plans.create(request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(plan.id().toString()).build())
                .tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(plan.version()))).entity(plan).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ CLINICIAN, ADMIN, SCHEDULER, INTEGRATION, PATIENT })
    @Operation(operationId = "getPlan", summary = "Read a plan", description = "With its ETag (the version) for updates. A patient reads only their own plans."
            + " For a scheduler (minimum necessary) problems, goals, rationale, modalityRationale and belowMinimumJustification are left out."
            + " A caller outside the program (integration) gets a Part 2 patient's plans only with that patient's PART2_DISCLOSURE"
            + " consent (else 404), with the Part2-Notice header and part2Notice field.")
    @APIResponse(responseCode = "200", description = "The plan",
            headers = @Header(name = "ETag", description = "Version (an entity tag: send it in If-Match)", schema = @Schema(type = SchemaType.STRING, example = "\"0\"")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "404", description = "No such plan (or not yours)")
    public Response get(@PathParam("id") UUID id) {
        PlanView plan = plans.get(id);
        return Response.ok(plan).header("ETag", ETags.of(plan.version())).build();
    }

    @PUT
    @Extension(name = ConsistencyDocumentation.WRITES, value = "true")
    @Path("/{id}")
    @RolesAllowed({ CLINICIAN, ADMIN })
    @Operation(operationId = "replacePlan", summary = "Edit a plan's problems, goals, objectives, interventions, rationale and dates",
            description = "Replaces them; send `If-Match` with the ETag of your last read. Objective statuses (not-started, in-progress,"
                    + " met, not-met, revised) change here. `interventions` left out stay as they are; sent, they must make the modality mix"
                    + " in force (else 422 naming `interventions`: a switch changes it), except on a draft without switches, whose initial"
                    + " mix follows them. Status and modality have their own commands.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = { @ExampleObject(name = "edit", value = PlanApiExamples.EDIT),
                    @ExampleObject(name = "objective status", summary = "An objective met at a review", value = PlanApiExamples.EDIT_OBJECTIVE_STATUS) }))
    @APIResponse(responseCode = "200", description = "Updated; new ETag",
            headers = @Header(name = "ETag", description = "New version (an entity tag: send it in If-Match)", schema = @Schema(type = SchemaType.STRING, example = "\"0\"")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a clinician or admin")
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "The plan is completed, revoked or entered-in-error")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "422", description = "Interventions that change the mix in force, an inactive responsible clinician, or the rules"
            + " of the mix (draft)")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull PlanUpdateRequest request) {
        PlanView plan = plans.update(id, ifMatch, request);
        return Response.ok(plan).header("ETag", ETags.of(plan.version())).build();
    }

    @GET
    @RolesAllowed({ CLINICIAN, ADMIN, SCHEDULER, INTEGRATION, PATIENT })
    @Operation(operationId = "searchPlans", summary = "Search plans", description = "By patient, FHIR status, primary clinician and reviews due before a date; "
            + "ordered by next review date. A patient sees only their own plans. For a scheduler the plans' clinical content is left out"
            + " (as in GET /plans/{id}). For a caller outside the program (integration) the items and the total leave out the plans of"
            + " Part 2 patients without a PART2_DISCLOSURE consent for it. Each patient in the answer has an audit row.")
    @APIResponse(responseCode = "200", description = "A page of plans")
    @APIResponse(responseCode = "400", description = "Bad parameter")
    @APIResponse(responseCode = "401", description = "No valid token")
    public Page<PlanView> search(
            @Parameter(description = "Plans of this patient") @QueryParam("patientId") UUID patientId,
            @Parameter(description = "FHIR CarePlan status", example = "active") @QueryParam("status") String status,
            @Parameter(description = "Plans of this primary clinician") @QueryParam("clinicianId") UUID clinicianId,
            @Parameter(description = "Next review due before this date", example = "2027-01-01") @QueryParam("reviewDueBefore") LocalDate reviewDueBefore,
            @Valid @BeanParam PageQuery page) {
        return plans.search(patientId, status, clinicianId, reviewDueBefore, page);
    }

    @PUT
    @Extension(name = ConsistencyDocumentation.WRITES, value = "true")
    @Path("/{id}/status")
    @RolesAllowed({ CLINICIAN, ADMIN })
    @Operation(operationId = "changePlanStatus", summary = "Move a plan through its lifecycle",
            description = "FHIR CarePlan: draft → active; active ↔ on-hold; active/on-hold → completed; any but completed → revoked; "
                    + "draft → entered-in-error. Any other transition is a 409 listing the allowed ones. At most one active or on-hold "
                    + "plan per patient. `If-Match` is optional here.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "activate", value = "{\"status\":\"active\",\"reason\":\"Plan agreed with the patient\"}")))
    @APIResponse(responseCode = "200", description = "The plan in its new status",
            headers = @Header(name = "ETag", description = "New version (an entity tag: send it in If-Match)", schema = @Schema(type = SchemaType.STRING, example = "\"0\"")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "Unknown status")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a clinician or admin")
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "Transition not allowed, or the patient already has an active/on-hold plan")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "422", description = "Activation for a discharged or unknown patient")
    public Response changeStatus(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull StatusChangeRequest request) {
        PlanView plan = lifecycle.changeStatus(id, ifMatch, request);
        return Response.ok(plan).header("ETag", ETags.of(plan.version())).build();
    }

    @GET
    @Path("/{id}/status-history")
    @RolesAllowed({ CLINICIAN, ADMIN, SCHEDULER, INTEGRATION, PATIENT })
    @Operation(operationId = "listPlanStatusChanges", summary = "A plan's lifecycle history", description = "Every transition: from, to, reason, who and when (creation first)."
            + " For a scheduler the reason is left out. A caller outside the program (integration) gets a Part 2 patient's"
            + " records only with that patient's PART2_DISCLOSURE consent (else 404), with the Part2-Notice header.")
    @APIResponse(responseCode = "200", description = "Transitions, oldest first")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "404", description = "No such plan (or not yours)")
    public List<TransitionView> statusHistory(@PathParam("id") UUID id) {
        return lifecycle.transitions(id);
    }
}
