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

import org.hl7.fhir.r4.model.Bundle;

import care.iop.fhir.FhirAccess;
import care.iop.fhir.FhirAnswers;
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

    /**
     * Scope CarePlan.r. A patient reads its own only; a scheduler gets no clinical content; a caller outside the
     * program reads a Part 2 patient's plan only with that patient's consent, then labelled. If-None-Match naming the
     * current version answers 304.
     */
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.SCHEDULER, Roles.INTEGRATION, Roles.PATIENT })
    public Response read(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return FhirAnswers.read(carePlan(id), ifNoneMatch);
    }

    /** Only the current version is kept (the plan's version, as the JSON API's ETag); another version id answers 404. */
    @GET
    @Path("/{id}/_history/{vid}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.SCHEDULER, Roles.INTEGRATION, Roles.PATIENT })
    public Response vread(@PathParam("id") String id, @PathParam("vid") String versionId) {
        return FhirAnswers.vread(carePlan(id), versionId);
    }

    /**
     * Scope CarePlan.s. Parameters patient, category (assess-plan; any other matches nothing), status, _lastUpdated,
     * _include=CarePlan:goal (needs Goal.r too), _count, _offset; an unknown parameter or a modifier is 400.
     */
    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.SCHEDULER, Roles.INTEGRATION, Roles.PATIENT })
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
        PlanView plan = plans.get(FhirAnswers.id(TYPE, id));
        return part2.label(CarePlanMapper.toFhir(plan), plan.patientId());
    }
}
