package care.iop.plan.fhir.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Resource;

import care.iop.fhir.PatientCompartment;
import care.iop.plan.outcomes.service.AssessmentService;
import care.iop.plan.outcomes.service.SafetyFlagService;
import care.iop.plan.service.PlanService;

/**
 * plan-service's share of {@code Patient/{id}/$everything}: the patient's plans and goals, assessments (answers and
 * totals) and safety flags, changed since {@code since}, of the types the caller may read, through the services' searches
 * (a patient's own only, Part 2 records of a patient without consent left out for a caller outside the program, audited).
 */
@ApplicationScoped
public class PlanCompartment implements PatientCompartment {

    @Inject
    PlanService plans;

    @Inject
    AssessmentService assessments;

    @Inject
    SafetyFlagService flags;

    @Inject
    PlanFhirResources resources;

    @Override
    public List<Resource> everything(UUID patientId, Instant since) {
        Set<String> types = resources.readable(Set.copyOf(PlanFhirResources.TYPES));
        OffsetDateTime from = since == null ? null : since.atOffset(ZoneOffset.UTC);
        List<Resource> all = new ArrayList<>();
        if (resources.any(types, CarePlanFhirResource.TYPE, GoalFhirResource.TYPE)) {
            PlanService.PlanCriteria criteria = new PlanService.PlanCriteria(patientId, null, null, null, null, from, null);
            PlanFhirResources.eachPage((offset, limit) -> plans.search(criteria, offset, limit), page -> all.addAll(resources.plans(page, types)));
        }
        if (resources.any(types, QuestionnaireResponseFhirResource.TYPE, ObservationFhirResource.TYPE)) {
            AssessmentService.Criteria criteria = new AssessmentService.Criteria(patientId, null, null, null, null, from, null);
            PlanFhirResources.eachPage((offset, limit) -> assessments.search(criteria, offset, limit),
                    page -> all.addAll(resources.assessments(page, types)));
        }
        if (types.contains(FlagFhirResource.TYPE)) {
            SafetyFlagService.Filter filter = new SafetyFlagService.Filter(null, null, patientId, null, null, null, null, from, null);
            PlanFhirResources.eachPage((offset, limit) -> flags.list(filter, offset, limit), page -> all.addAll(resources.flags(page)));
        }
        return all;
    }
}
