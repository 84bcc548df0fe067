package care.iop.plan.fhir.rest;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;

import care.iop.fhir.FhirAccess;
import care.iop.fhir.FhirMedia;
import care.iop.fhir.FhirRequest;
import care.iop.fhir.Interaction;
import care.iop.fhir.SearchBundles;
import care.iop.plan.domain.PlanStatus;
import care.iop.plan.fhir.mapping.CarePlanMapper;
import care.iop.plan.rest.PlanView;
import care.iop.plan.service.PlanService;
import care.iop.platform.security.Roles;
import care.iop.platform.web.Page;

/**
 * Treatment plans as US Core CarePlans (category assess-plan): read, vread (current version), search by patient,
 * category, status and {@code _lastUpdated}, with {@code _include=CarePlan:goal}. Reads go through {@link PlanService}
 * (audit, a patient's own only, minimum necessary for a scheduler, Part 2 for callers outside the program).
 */
@Path(FhirMedia.BASE_PATH + "/CarePlan")
@Produces({ FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON })
@Tag(name = "FHIR", description = "FHIR R4 (US Core 6.1) faces of the plan service")
@APIResponse(responseCode = "401", description = "No valid token")
@APIResponse(responseCode = "403", description = "Role or SMART scope missing (OperationOutcome)", content = @Content(
        mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "forbidden", value = PlanFhirExamples.FORBIDDEN)))
public class CarePlanFhirResource {
    static final String TYPE = "CarePlan";
    static final Set<String> PARAMETERS = Set.of("patient", "category", "status");
    static final String INCLUDE_GOAL = "CarePlan:goal";

    @Inject
    FhirAccess access;

    @Inject
    FhirRequest request;

    @Inject
    PlanService plans;

    @Inject
    Part2Disclosed part2;

    @Inject
    PlanFhirResources resources;

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.SCHEDULER, Roles.INTEGRATION, Roles.PATIENT })
    @Operation(operationId = "readFhirCarePlan", summary = "Read a treatment plan as a US Core CarePlan",
            description = "Scope CarePlan.r (patient/, user/ or system/). A patient reads its own only; a scheduler gets no clinical content"
                    + " (no goals, problems, rationale, intervention descriptions); a caller outside the program reads a Part 2 patient's plan"
                    + " only with that patient's consent, then labelled (meta.security) with the re-disclosure notice. ETag W/\"<versionId>\";"
                    + " If-None-Match with it answers 304.")
    @APIResponse(responseCode = "200", description = "The CarePlan", content = @Content(mediaType = FhirMedia.FHIR_JSON,
            examples = @ExampleObject(name = "CarePlan", value = PlanFhirExamples.CARE_PLAN)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version")
    @APIResponse(responseCode = "404", description = "No such plan, another patient's, or a Part 2 record without consent (OperationOutcome)",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "not found", value = PlanFhirExamples.NOT_FOUND)))
    public Response read(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return FhirReads.current(carePlan(id), ifNoneMatch);
    }

    @GET
    @Path("/{id}/_history/{vid}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.SCHEDULER, Roles.INTEGRATION, Roles.PATIENT })
    @Operation(operationId = "vreadFhirCarePlan", summary = "Read a version of a CarePlan",
            description = "Scope CarePlan.r. Only the current version is kept (meta.versionId, the plan's version as in the JSON API's"
                    + " ETag); another version id answers 404. The plan's signed content versions are GET /api/v1/plans/{id}/versions.")
    @APIResponse(responseCode = "200", description = "The CarePlan at its current version", content = @Content(mediaType = FhirMedia.FHIR_JSON,
            examples = @ExampleObject(name = "CarePlan", value = PlanFhirExamples.CARE_PLAN)))
    @APIResponse(responseCode = "404", description = "No such plan or version (OperationOutcome)", content = @Content(
            mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "not found", value = PlanFhirExamples.NOT_FOUND)))
    public Response vread(@PathParam("id") String id, @PathParam("vid") String versionId) {
        return FhirReads.version(carePlan(id), versionId);
    }

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.SCHEDULER, Roles.INTEGRATION, Roles.PATIENT })
    @Operation(operationId = "searchFhirCarePlan", summary = "Search CarePlans",
            description = "Scope CarePlan.s. Parameters: patient, category (assess-plan; any other matches nothing), status (comma for"
                    + " alternatives), _lastUpdated, _include=CarePlan:goal (needs Goal.r too), _count (default 20, at most 100), _offset."
                    + " A patient token sees its own plans only; a caller outside the program no Part 2 patient's without consent (nor in"
                    + " total). An unknown parameter or a modifier is a 400.")
    @APIResponse(responseCode = "200", description = "A searchset Bundle with paging links", content = @Content(mediaType = FhirMedia.FHIR_JSON,
            examples = @ExampleObject(name = "searchset", value = PlanFhirExamples.SEARCHSET)))
    @APIResponse(responseCode = "400", description = "Unknown parameter, modifier or _include, or a bad value (OperationOutcome naming it)",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "bad parameter", value = PlanFhirExamples.BAD_PARAMETER)))
    public Bundle search() {
        access.require(TYPE, Interaction.SEARCH);
        SearchParams params = new SearchParams(request.queryParameters(), PARAMETERS);
        boolean goals = params.includes(Set.of(INCLUDE_GOAL)).contains(INCLUDE_GOAL);
        if (goals) {
            access.require(GoalFhirResource.TYPE, Interaction.READ);
        }
        UUID patient = params.reference("patient", "Patient");
        Set<PlanStatus> statuses = params.tokens("status", null, PlanStatus::fromCode);
        SearchParams.Window updated = params.lastUpdated();
        int count = params.count();
        int offset = params.offset();
        if (!params.tokenAllows("category", CarePlanMapper.CATEGORY_SYSTEM, CarePlanMapper.CATEGORY)) {
            return SearchBundles.searchset(request, List.of(), 0, offset, count, List.of());
        }
        Page<PlanView> found = plans.search(new PlanService.PlanCriteria(patient, null, statuses, null, null, updated.from(), updated.before()),
                offset, count);
        return SearchBundles.searchset(request, resources.plans(found.items(), Set.of(TYPE)), found.total(), offset, count,
                goals ? resources.plans(found.items(), Set.of(GoalFhirResource.TYPE)) : List.of());
    }

    private org.hl7.fhir.r4.model.CarePlan carePlan(String id) {
        access.require(TYPE, Interaction.READ);
        PlanView plan = plans.get(FhirReads.uuid(TYPE, id));
        return part2.label(CarePlanMapper.toFhir(plan), plan.patientId());
    }
}
