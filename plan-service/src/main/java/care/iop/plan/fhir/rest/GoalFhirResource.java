package care.iop.plan.fhir.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Resource;

import care.iop.fhir.FhirAccess;
import care.iop.fhir.FhirAnswers;
import care.iop.fhir.FhirException;
import care.iop.fhir.FhirMedia;
import care.iop.fhir.FhirRequest;
import care.iop.fhir.Interaction;
import care.iop.fhir.SearchBundles;
import care.iop.plan.domain.PlanStatus;
import care.iop.plan.fhir.mapping.GoalIds;
import care.iop.plan.fhir.mapping.GoalMapper;
import care.iop.plan.fhir.mapping.PlanGoals;
import care.iop.plan.rest.PlanView;
import care.iop.plan.service.PlanService;
import care.iop.platform.security.Roles;

/**
 * The goals of treatment plans as US Core Goals ({@code <plan id>.<goal id>}, {@link GoalIds}): read, vread (current
 * version: the plan's) and search by patient, lifecycle-status and {@code _lastUpdated}. A goal is its plan's clinical
 * content: read through {@link PlanService} like the plan, and not for schedulers (403).
 */
@Path(FhirMedia.BASE_PATH + "/Goal")
@Produces({ FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON })
public class GoalFhirResource {
    static final String TYPE = "Goal";
    static final Set<String> PARAMETERS = Set.of("patient", "lifecycle-status");

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
     * Scope Goal.r; the id is {@code <plan id>.<goal id>}. Same rules as reading its plan; schedulers do not read goals
     * (403). If-None-Match naming the current version answers 304.
     */
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION, Roles.PATIENT })
    public Response read(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return FhirAnswers.read(goal(id), ifNoneMatch);
    }

    /** Scope Goal.r. A goal's version is its plan's; only the current one is kept, another answers 404. */
    @GET
    @Path("/{id}/_history/{vid}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION, Roles.PATIENT })
    public Response vread(@PathParam("id") String id, @PathParam("vid") String versionId) {
        return FhirAnswers.vread(goal(id), versionId);
    }

    /**
     * Scope Goal.s. Parameters patient (required, except for a patient token: its own), lifecycle-status, _lastUpdated
     * (the plan's last change), _count, _offset.
     */
    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION, Roles.PATIENT })
    public Bundle search() {
        access.require(TYPE, Interaction.SEARCH);
        SearchParams params = new SearchParams(request.queryParameters(), PARAMETERS);
        UUID patient = params.reference("patient", "Patient");
        if (patient == null && access.patientContext().isEmpty()) {
            throw FhirException.badRequest("Goal searches need the patient parameter", "patient");
        }
        Set<PlanStatus> statuses = params.tokens("lifecycle-status", null, GoalFhirResource::planStatusOf);
        SearchParams.Window updated = params.lastUpdated();
        PlanService.PlanCriteria criteria = new PlanService.PlanCriteria(patient, null, statuses, null, null, updated.from(), updated.before());
        List<Resource> goals = new ArrayList<>();
        PlanFhirResources.eachPage((offset, limit) -> plans.search(criteria, offset, limit),
                page -> goals.addAll(resources.plans(page, Set.of(TYPE))));
        int count = params.count();
        int offset = params.offset();
        List<Resource> page = goals.subList(Math.min(offset, goals.size()), Math.min(offset + count, goals.size()));
        return SearchBundles.searchset(request, page, goals.size(), offset, count, List.of());
    }

    /** The plan status whose goals have this lifecycle status (none for proposed-only states such as planned or accepted). */
    private static Optional<PlanStatus> planStatusOf(String lifecycle) {
        return Arrays.stream(PlanStatus.values()).filter(s -> GoalMapper.lifecycle(s.code()).toCode().equals(lifecycle)).findFirst();
    }

    private Goal goal(String id) {
        access.require(TYPE, Interaction.READ);
        GoalIds.Parsed parsed = GoalIds.parse(id).orElseThrow(() -> FhirException.notFound(TYPE, id));
        PlanView plan = plans.get(parsed.planId());
        return PlanGoals.of(PlanGoals.content(plan)).stream().filter(g -> GoalIds.matches(parsed, g.goal().id())).findFirst()
                .map(g -> part2.label(GoalMapper.toFhir(plan, g), plan.patientId()))
                .orElseThrow(() -> FhirException.notFound(TYPE, id));
    }
}
