package care.iop.plan.fhir.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Resource;

import care.iop.fhir.FhirAccess;
import care.iop.fhir.Interaction;
import care.iop.plan.fhir.mapping.CarePlanMapper;
import care.iop.plan.fhir.mapping.GoalMapper;
import care.iop.plan.fhir.mapping.QuestionnaireResponseMapper;
import care.iop.plan.fhir.mapping.SafetyFlagMapper;
import care.iop.plan.fhir.mapping.ScreeningObservationMapper;
import care.iop.plan.outcomes.domain.SafetyFlag;
import care.iop.plan.outcomes.service.AssessmentService.Recorded;
import care.iop.plan.rest.PlanView;
import care.iop.platform.security.CurrentUser;
import care.iop.platform.web.Page;

/**
 * What $everything and bulk export share: which of this service's types the caller may read (the role the JSON API asks
 * for the data, {@link FhirPlanRoles}, and a scope granting it), the records the services answered as resources of
 * those types (labelled where disclosed under Part 2), and walking a service's search page by page.
 */
@ApplicationScoped
public class PlanFhirResources {
    static final List<String> TYPES = List.of(CarePlanFhirResource.TYPE, GoalFhirResource.TYPE, QuestionnaireResponseFhirResource.TYPE,
            ObservationFhirResource.TYPE, FlagFhirResource.TYPE);
    static final int PAGE = 100;

    @Inject
    FhirAccess access;

    @Inject
    CurrentUser user;

    @Inject
    Part2Disclosed part2;

    /** Of {@code wanted}, the types the caller may read. */
    Set<String> readable(Set<String> wanted) {
        return Set.copyOf(TYPES.stream().filter(wanted::contains)
                .filter(type -> FhirPlanRoles.mayRead(user, type) && access.grants(type, Interaction.READ)).toList());
    }

    /** The plans (CarePlan) and their goals (Goal), as far as {@code types} holds them. */
    List<Resource> plans(List<PlanView> plans, Set<String> types) {
        List<Resource> resources = new ArrayList<>();
        for (PlanView plan : plans) {
            if (types.contains(CarePlanFhirResource.TYPE)) {
                resources.add(part2.label(CarePlanMapper.toFhir(plan), plan.patientId()));
            }
            if (types.contains(GoalFhirResource.TYPE)) {
                GoalMapper.toFhir(plan).forEach(goal -> resources.add(part2.label(goal, plan.patientId())));
            }
        }
        return resources;
    }

    /** The assessments as QuestionnaireResponses and Observations, as far as {@code types} holds them. */
    List<Resource> assessments(List<Recorded> assessments, Set<String> types) {
        List<Resource> resources = new ArrayList<>();
        for (Recorded recorded : assessments) {
            if (types.contains(QuestionnaireResponseFhirResource.TYPE)) {
                resources.add(part2.label(QuestionnaireResponseMapper.toFhir(recorded.assessment()), recorded.assessment().patientId));
            }
            if (types.contains(ObservationFhirResource.TYPE)) {
                resources.add(part2.label(ScreeningObservationMapper.toFhir(recorded.assessment()), recorded.assessment().patientId));
            }
        }
        return resources;
    }

    List<Resource> flags(List<SafetyFlag> flags) {
        return flags.stream().<Resource>map(flag -> part2.label(SafetyFlagMapper.toFhir(flag), flag.patientId)).toList();
    }

    boolean any(Set<String> types, String... of) {
        return java.util.Arrays.stream(of).anyMatch(types::contains);
    }

    /** Every page of a search ({@code search} takes offset and limit), one after the other. */
    static <T> void eachPage(BiFunction<Integer, Integer, Page<T>> search, Consumer<List<T>> page) {
        for (int offset = 0;; offset += PAGE) {
            List<T> items = search.apply(offset, PAGE).items();
            page.accept(items);
            if (items.size() < PAGE) {
                return;
            }
        }
    }
}
