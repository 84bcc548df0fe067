package care.iop.plan.fhir.rest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Resource;

import care.iop.fhir.ExportQuery;
import care.iop.fhir.ExportSource;
import care.iop.plan.fhir.service.ExportBatches;
import care.iop.plan.outcomes.service.AssessmentService;
import care.iop.plan.outcomes.service.SafetyFlagService;
import care.iop.plan.service.PlanService;

/**
 * plan-service's part of a bulk export: plans and goals, assessments (answers and totals) and safety flags, streamed a
 * batch of ids at a time in id order ({@link ExportBatches}), each batch read through the services' searches (privacy
 * rules, Part 2, audit), changed since the query's {@code since}; types the caller's role may not read are left out.
 */
@ApplicationScoped
public class PlanExportSource implements ExportSource {

    @Inject
    ExportBatches batches;

    @Inject
    PlanService plans;

    @Inject
    AssessmentService assessments;

    @Inject
    SafetyFlagService flags;

    @Inject
    PlanFhirResources resources;

    @Override
    public Set<String> types() {
        return Set.copyOf(PlanFhirResources.TYPES);
    }

    @Override
    public void export(ExportQuery query, Consumer<Resource> sink) {
        Set<String> types = resources.readable(Set.copyOf(PlanFhirResources.TYPES.stream().filter(query::wants).toList()));
        OffsetDateTime since = query.since() == null ? null : query.since().atOffset(ZoneOffset.UTC);
        if (resources.any(types, CarePlanFhirResource.TYPE, GoalFhirResource.TYPE)) {
            walk(ExportBatches.Table.PLANS, query.patients(), ids -> resources.plans(plans.search(
                    new PlanService.PlanCriteria(null, Set.copyOf(ids), null, null, null, since, null), 0, ids.size()).items(), types), sink);
        }
        if (resources.any(types, QuestionnaireResponseFhirResource.TYPE, ObservationFhirResource.TYPE)) {
            walk(ExportBatches.Table.ASSESSMENTS, query.patients(), ids -> resources.assessments(assessments.search(
                    new AssessmentService.Criteria(null, Set.copyOf(ids), null, null, null, since, null), 0, ids.size()).items(), types), sink);
        }
        if (types.contains(FlagFhirResource.TYPE)) {
            walk(ExportBatches.Table.SAFETY_FLAGS, query.patients(), ids -> resources.flags(flags.list(
                    new SafetyFlagService.Filter(null, Set.copyOf(ids), null, null, null, null, null, since, null), 0, ids.size()).items()), sink);
        }
    }

    private void walk(ExportBatches.Table table, Set<UUID> patients, Function<List<UUID>, List<Resource>> read, Consumer<Resource> sink) {
        UUID after = null;
        while (true) {
            List<UUID> ids = batches.next(table, patients, after, PlanFhirResources.PAGE);
            if (ids.isEmpty()) {
                return;
            }
            read.apply(ids).forEach(sink);
            if (ids.size() < PlanFhirResources.PAGE) {
                return;
            }
            after = ids.get(ids.size() - 1);
        }
    }
}
