package care.iop.plan.rest;

import static care.iop.plan.rest.PlanRoles.ADMIN;
import static care.iop.plan.rest.PlanRoles.CLINICIAN;
import static care.iop.plan.rest.PlanRoles.INTEGRATION;
import static care.iop.plan.rest.PlanRoles.PATIENT;
import static care.iop.plan.rest.PlanRoles.SCHEDULER;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import care.iop.plan.service.ModalityService;
import care.iop.platform.idempotency.Idempotent;
import care.iop.platform.consistency.ConsistencyDocumentation;

@Path("/api/v1/plans/{id}/modality-changes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Modality switches", description = "Switch a plan between individual, group and family therapy as the patient changes")
public class ModalityChangeResource {

    @Inject
    ModalityService modality;

    @Context
    UriInfo uriInfo;

    @POST

    @Idempotent
    @Extension(name = ConsistencyDocumentation.WRITES, value = "true")
    @RolesAllowed({ CLINICIAN, ADMIN })
    @Operation(operationId = "switchPlanModality", summary = "Switch the plan's modality mix",
            description = "From `effectiveFrom` (default today, within the plan). Give the new `modality`, the `interventions` that make it,"
                    + " or both (they must agree, else 422 naming `modality`). With interventions they replace the plan's; with modality only,"
                    + " the plan's interventions of each modality whose weekly amount changes are replaced by one derived from the mix. A"
                    + " switch clears an `offeredProposal` (apply one by sending its interventions). A switch dated before one already"
                    + " recorded starts from the mix in force on its date and leaves the plan's interventions to the later one. Group hours"
                    + " need the active GROUP_PARTICIPATION consent; the weekly hours must fit the level (at most its ceiling, 19 h at 2.1;"
                    + " under its minimum only as a step-down: a switch that lowers the hours, within iop.plan.step-down-tolerance of the"
                    + " step-down's first day; `belowMinimumJustification` no longer exempts). The switch makes a plan version that needs"
                    + " the signatures again (the version before stays in force meanwhile). `If-Match` is optional.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "step up", value = PlanApiExamples.SWITCH_STEP_UP),
            @ExampleObject(name = "step up with interventions", summary = "The mix follows from the interventions",
                    value = PlanApiExamples.SWITCH_STEP_UP_INTERVENTIONS) }))
    @APIResponse(responseCode = "201", description = "The switch, with from and to", headers = @Header(name = "Location", description = "URI of the switch", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModalityChangeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a clinician or admin")
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "Plan is final, or the mix is already in force")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "422", description = "Group without consent, discharged patient, a track that disagrees with the date of birth"
            + " (patientId), modality disagreeing with the interventions, or weekly hours above the ceiling or under the minimum outside a"
            + " step-down (modality)")
    public Response change(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ModalityChangeRequest request) {
        ModalityChangeView change = modality.change(id, ifMatch, request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(change.id().toString()).build()).entity(change).build();
    }

    @GET
    @RolesAllowed({ CLINICIAN, ADMIN, SCHEDULER, INTEGRATION, PATIENT })
    @Operation(operationId = "listModalityChanges", summary = "A plan's modality switches", description = "Oldest first: from → to, effective date, reason, who and when."
            + " For a scheduler reason and belowMinimumJustification are left out. A caller outside the program (integration) gets a"
            + " Part 2 patient's switches only with that patient's PART2_DISCLOSURE consent (else 404), with the Part2-Notice header.")
    @APIResponse(responseCode = "200", description = "The switches")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "404", description = "No such plan (or not yours)")
    public List<ModalityChangeView> history(@PathParam("id") UUID id) {
        return modality.history(id);
    }
}
