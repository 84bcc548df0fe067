package care.iop.plan.fhir.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityComponent;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityDetailComponent;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;

import care.iop.plan.content.Intervention;
import care.iop.plan.content.PlanContent;
import care.iop.plan.content.Problem;
import care.iop.plan.fhir.mapping.PlanGoals.PlanGoal;
import care.iop.plan.rest.PlanView;

/**
 * A treatment plan as a US Core CarePlan (category assess-plan): status as is (our statuses are FHIR's), the period, the
 * primary clinician as author, the problems it addresses (by display: conditions are not served as resources), its
 * goals by reference ({@link GoalMapper}) and one activity per intervention. It maps the plan as the caller may see it
 * (a scheduler's view has no problems, goals, rationale nor intervention descriptions, so neither has the resource).
 */
public final class CarePlanMapper {
    public static final String PROFILE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-careplan";
    public static final String CATEGORY_SYSTEM = "http://hl7.org/fhir/us/core/CodeSystem/careplan-category";
    public static final String CATEGORY = "assess-plan";

    private CarePlanMapper() {
    }

    public static CarePlan toFhir(PlanView plan) {
        PlanContent content = PlanGoals.content(plan);
        List<PlanGoal> goals = PlanGoals.of(content);
        CarePlan resource = new CarePlan();
        resource.setId(plan.id().toString());
        ResourceMeta.set(resource, plan.version(), plan.updatedAt(), PROFILE);
        resource.setStatus(CarePlan.CarePlanStatus.fromCode(plan.status()));
        resource.setIntent(CarePlan.CarePlanIntent.PLAN);
        resource.addCategory(new CodeableConcept(new Coding(CATEGORY_SYSTEM, CATEGORY, "Assessment and Plan of Treatment")));
        resource.setTitle(title(plan));
        resource.setDescription(plan.rationale());
        resource.setSubject(FhirTypes.patient(plan.patientId()));
        resource.setPeriod(new Period().setStartElement(FhirTypes.day(plan.startDate())).setEndElement(FhirTypes.day(plan.endDate())));
        resource.setCreatedElement(FhirTypes.dateTime(plan.createdAt()));
        resource.setAuthor(FhirTypes.practitioner(plan.primaryClinicianId()));
        content.problems().forEach(problem -> resource.addAddresses(new Reference().setDisplay(display(problem))));
        goals.forEach(g -> resource.addGoal(FhirTypes.reference("Goal", GoalIds.of(plan.id(), g.goal().id()))));
        Map<String, String> goalOfObjective = goalOfObjective(goals);
        content.interventionList().forEach(i -> resource.addActivity(activity(plan, i, goalOfObjective)));
        resource.setText(Narratives.generated(narrative(plan, resource.getTitle(), goals)));
        return resource;
    }

    /** The activity status of every intervention of a plan in this status. */
    static CarePlanActivityStatus activityStatus(String planStatus) {
        return switch (planStatus) {
            case "draft" -> CarePlanActivityStatus.NOTSTARTED;
            case "active" -> CarePlanActivityStatus.INPROGRESS;
            case "on-hold" -> CarePlanActivityStatus.ONHOLD;
            case "completed" -> CarePlanActivityStatus.COMPLETED;
            case "revoked" -> CarePlanActivityStatus.CANCELLED;
            default -> CarePlanActivityStatus.ENTEREDINERROR;
        };
    }

    private static CarePlanActivityComponent activity(PlanView plan, Intervention intervention, Map<String, String> goalOfObjective) {
        CarePlanActivityDetailComponent detail = new CarePlanActivityDetailComponent();
        detail.setStatus(activityStatus(plan.status()));
        detail.setCode(new CodeableConcept().setText(modalityText(intervention.modality())));
        detail.setDescription(intervention.description());
        Timing.TimingRepeatComponent repeat = new Timing.TimingRepeatComponent()
                .setFrequency(intervention.sessionsPerWeek()).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.WK)
                .setDuration(intervention.minutesPerSession()).setDurationUnit(Timing.UnitsOfTime.MIN);
        if (intervention.durationWeeks() != null) {
            repeat.setBounds(weeks(intervention.durationWeeks()));
        }
        detail.setScheduled(new Timing().setRepeat(repeat));
        detail.addPerformer(FhirTypes.practitioner(intervention.responsibleClinicianId() == null ? plan.primaryClinicianId()
                : intervention.responsibleClinicianId()));
        Set<String> goalIds = new LinkedHashSet<>();
        intervention.objectiveIds().forEach(o -> {
            String goal = goalOfObjective.get(o);
            if (goal != null) {
                goalIds.add(goal);
            }
        });
        goalIds.forEach(g -> detail.addGoal(FhirTypes.reference("Goal", GoalIds.of(plan.id(), g))));
        return new CarePlanActivityComponent().setDetail(detail);
    }

    private static Duration weeks(int weeks) {
        Duration duration = new Duration();
        duration.setValue(weeks).setUnit("wk").setSystem("http://unitsofmeasure.org").setCode("wk");
        return duration;
    }

    private static Map<String, String> goalOfObjective(List<PlanGoal> goals) {
        Map<String, String> map = new HashMap<>();
        goals.forEach(g -> g.goal().objectives().forEach(o -> map.put(o.id(), g.goal().id())));
        return map;
    }

    private static String title(PlanView plan) {
        return "Treatment plan, level of care " + plan.levelOfCare();
    }

    static String display(Problem problem) {
        return problem.code() + " " + problem.display();
    }

    private static String modalityText(String modality) {
        return switch (modality) {
            case Intervention.INDIVIDUAL -> "Individual psychotherapy";
            case Intervention.GROUP -> "Group psychotherapy";
            case Intervention.FAMILY -> "Family psychotherapy";
            default -> modality;
        };
    }

    private static List<String> narrative(PlanView plan, String title, List<PlanGoal> goals) {
        List<String> lines = new ArrayList<>();
        lines.add(title + " (" + plan.status() + "), " + plan.startDate() + " to " + plan.endDate());
        goals.forEach(g -> lines.add("Goal: " + g.goal().description()));
        return lines;
    }
}
