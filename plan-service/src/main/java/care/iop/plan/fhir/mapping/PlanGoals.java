package care.iop.plan.fhir.mapping;

import java.util.ArrayList;
import java.util.List;

import care.iop.plan.content.Goal;
import care.iop.plan.content.PlanContent;
import care.iop.plan.content.Problem;
import care.iop.plan.rest.PlanView;
import care.iop.plan.rest.PlanContentDtos;

/** The goals of a plan as FHIR sees them: each with the problem it serves (null for a goal outside any problem), problems' goals first. */
public final class PlanGoals {

    /** One goal of the plan and the problem it belongs to. */
    public record PlanGoal(Goal goal, Problem problem) {
    }

    private PlanGoals() {
    }

    /** The plan's structure from its view (empty lists where the caller may not see it). */
    public static PlanContent content(PlanView plan) {
        return PlanContentDtos.content(plan.problems(), plan.goals(), plan.interventions());
    }

    public static List<PlanGoal> of(PlanContent content) {
        List<PlanGoal> all = new ArrayList<>();
        for (Problem problem : content.problems()) {
            problem.goals().forEach(goal -> all.add(new PlanGoal(goal, problem)));
        }
        content.goals().forEach(goal -> all.add(new PlanGoal(goal, null)));
        return all;
    }
}
