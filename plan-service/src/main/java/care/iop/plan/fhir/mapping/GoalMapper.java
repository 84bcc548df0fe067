package care.iop.plan.fhir.mapping;

import java.util.List;
import java.util.Optional;

import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Goal.GoalLifecycleStatus;
import org.hl7.fhir.r4.model.Goal.GoalTargetComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

import care.iop.plan.content.Objective;
import care.iop.plan.fhir.mapping.PlanGoals.PlanGoal;
import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.rest.PlanView;

/**
 * A plan's goal as a US Core Goal: its description, the plan's subject and start, a lifecycle that follows the plan's
 * status, one target for its instrument measure and one per objective (score: the instrument's LOINC total at or below
 * the target; attendance: sessions a week; behaviour: the behaviour), each due on its date, and the objectives'
 * progress as the achievement status (with each objective's own status in a note).
 */
public final class GoalMapper {
    public static final String PROFILE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-goal";
    static final String ACHIEVEMENT_SYSTEM = "http://terminology.hl7.org/CodeSystem/goal-achievement";
    static final String UCUM = "http://unitsofmeasure.org";

    private GoalMapper() {
    }

    /** Every goal of the plan, problems' goals first (none for a view without clinical content). */
    public static List<Goal> toFhir(PlanView plan) {
        return PlanGoals.of(PlanGoals.content(plan)).stream().map(g -> toFhir(plan, g)).toList();
    }

    public static Goal toFhir(PlanView plan, PlanGoal planGoal) {
        care.iop.plan.content.Goal goal = planGoal.goal();
        Goal resource = new Goal();
        resource.setId(GoalIds.of(plan.id(), goal.id()));
        ResourceMeta.set(resource, plan.version(), plan.updatedAt(), PROFILE);
        resource.setLifecycleStatus(lifecycle(plan.status()));
        achievement(goal.objectives()).ifPresent(code -> resource.setAchievementStatus(
                new CodeableConcept(new Coding(ACHIEVEMENT_SYSTEM, code, null))));
        resource.setDescription(new CodeableConcept().setText(goal.description()));
        resource.setSubject(FhirTypes.patient(plan.patientId()));
        resource.setStart(FhirTypes.date(plan.startDate()));
        if (planGoal.problem() != null) {
            resource.addAddresses(new Reference().setDisplay(CarePlanMapper.display(planGoal.problem())));
        }
        if (goal.measure() != null) {
            care.iop.plan.content.Goal.Measure measure = goal.measure();
            GoalTargetComponent target = resource.addTarget().setMeasure(totalScore(measure.instrument()))
                    .setDetail(atMost(measure.target()));
            if (measure.dueDate() != null) {
                target.setDue(FhirTypes.date(measure.dueDate()));
            }
        }
        goal.objectives().forEach(o -> resource.addTarget(target(o)));
        goal.objectives().forEach(o -> resource.addNote(new Annotation().setText("Objective " + o.id() + " (" + o.status() + "): "
                + o.description())));
        resource.setText(Narratives.generated(List.of("Goal: " + goal.description(), "Plan: CarePlan/" + plan.id() + " (" + plan.status() + ")")));
        return resource;
    }

    /** The goal's lifecycle while its plan is in this status. */
    public static GoalLifecycleStatus lifecycle(String planStatus) {
        return switch (planStatus) {
            case "draft" -> GoalLifecycleStatus.PROPOSED;
            case "active" -> GoalLifecycleStatus.ACTIVE;
            case "on-hold" -> GoalLifecycleStatus.ONHOLD;
            case "completed" -> GoalLifecycleStatus.COMPLETED;
            case "revoked" -> GoalLifecycleStatus.CANCELLED;
            default -> GoalLifecycleStatus.ENTEREDINERROR;
        };
    }

    /**
     * From the objectives' statuses: all met: achieved; none open (not-started, in-progress) and one not met: not-achieved;
     * work under way (one in progress or met): in-progress; nothing started or no objectives: none.
     */
    static Optional<String> achievement(List<Objective> objectives) {
        if (objectives.isEmpty()) {
            return Optional.empty();
        }
        if (objectives.stream().allMatch(o -> "met".equals(o.status()))) {
            return Optional.of("achieved");
        }
        boolean open = objectives.stream().anyMatch(o -> Objective.NOT_STARTED.equals(o.status()) || "in-progress".equals(o.status()));
        if (!open && objectives.stream().anyMatch(o -> "not-met".equals(o.status()))) {
            return Optional.of("not-achieved");
        }
        if (objectives.stream().anyMatch(o -> "in-progress".equals(o.status()) || "met".equals(o.status()))) {
            return Optional.of("in-progress");
        }
        return Optional.empty();
    }

    private static GoalTargetComponent target(Objective objective) {
        GoalTargetComponent target = new GoalTargetComponent();
        switch (objective.kind()) {
            case Objective.SCORE -> target.setMeasure(totalScore(objective.instrument()).setText(objective.description()))
                    .setDetail(atMost(objective.target()));
            case Objective.ATTENDANCE -> target.setMeasure(new CodeableConcept().setText(objective.description()))
                    .setDetail(sessionsPerWeek(objective.sessionsPerWeek()));
            default -> target.setMeasure(new CodeableConcept().setText(objective.description()))
                    .setDetail(objective.behaviour() == null ? null : new org.hl7.fhir.r4.model.StringType(objective.behaviour()));
        }
        target.setDue(FhirTypes.date(objective.targetDate()));
        return target;
    }

    private static CodeableConcept totalScore(String instrument) {
        return InstrumentCodes.of(Instrument.valueOf(instrument)).totalConcept();
    }

    /** A score (dimensionless: UCUM 1) at or below the target: lower is better on every instrument. */
    private static Quantity atMost(Double value) {
        if (value == null) {
            return null;
        }
        Quantity quantity = new Quantity().setValue(value).setUnit("score").setSystem(UCUM).setCode("1");
        quantity.setComparator(Quantity.QuantityComparator.LESS_OR_EQUAL);
        return quantity;
    }

    private static Quantity sessionsPerWeek(Integer sessions) {
        return sessions == null ? null : new Quantity().setValue(sessions).setUnit("sessions per week").setSystem(UCUM).setCode("/wk");
    }
}
