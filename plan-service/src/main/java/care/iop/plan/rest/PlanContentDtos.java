package care.iop.plan.rest;

import java.util.List;

import care.iop.plan.content.Goal;
import care.iop.plan.content.Intervention;
import care.iop.plan.content.Objective;
import care.iop.plan.content.OfferedProposal;
import care.iop.plan.content.PlanContent;
import care.iop.plan.content.Problem;

/** The plan's structure between its API shapes and its domain records (care.iop.plan.content). */
public final class PlanContentDtos {
    private PlanContentDtos() {
    }

    /** A request's structure; {@code interventions} null stays null (not given). */
    public static PlanContent content(List<PlanProblemDto> problems, List<GoalDto> goals, List<InterventionDto> interventions) {
        return new PlanContent(map(problems, PlanContentDtos::problem), map(goals, PlanContentDtos::goal), interventions(interventions));
    }

    /** Interventions of a request; null when not given. */
    public static List<Intervention> interventions(List<InterventionDto> interventions) {
        return interventions == null ? null : interventions.stream().map(PlanContentDtos::intervention).toList();
    }

    public static List<PlanProblemDto> problems(List<Problem> problems) {
        return problems.stream().map(p -> new PlanProblemDto(p.id(), p.code(), p.display(), p.patientWords(), goals(p.goals()))).toList();
    }

    public static List<GoalDto> goals(List<Goal> goals) {
        return goals.stream().map(g -> new GoalDto(g.id(), g.description(), g.measure() == null ? null
                : new GoalDto.Measure(g.measure().instrument(), g.measure().target(), g.measure().dueDate()),
                g.objectives().stream().map(PlanContentDtos::objectiveDto).toList())).toList();
    }

    public static List<InterventionDto> interventionDtos(List<Intervention> interventions) {
        return interventions.stream().map(i -> new InterventionDto(i.id(), i.modality(), i.description(), i.sessionsPerWeek(),
                i.minutesPerSession(), i.durationWeeks(), i.responsibleClinicianId(), i.objectiveIds())).toList();
    }

    public static OfferedProposalView offer(OfferedProposal offer) {
        if (offer == null) {
            return null;
        }
        return new OfferedProposalView(offer.step(), interventionDtos(offer.interventions()), ModalityDto.of(offer.modality()),
                offer.stepUp() == null ? null : new OfferedProposalView.StepUpView(offer.stepUp().kind(), offer.stepUp().to(), offer.stepUp().when()),
                offer.rationale(), offer.reason(), offer.offeredAt());
    }

    private static Problem problem(PlanProblemDto p) {
        return new Problem(p.id(), p.code(), p.display(), p.patientWords(), map(p.goals(), PlanContentDtos::goal));
    }

    private static Goal goal(GoalDto g) {
        return new Goal(g.id(), g.description(), g.measure() == null ? null
                : new Goal.Measure(g.measure().instrument(), g.measure().target(), g.measure().dueDate()),
                map(g.objectives(), PlanContentDtos::objective));
    }

    private static Objective objective(ObjectiveDto o) {
        return new Objective(o.id(), o.description(), o.kind(), o.instrument(), o.target(), o.sessionsPerWeek(), o.weeks(), o.modality(),
                o.behaviour(), o.targetDate(), o.status());
    }

    private static ObjectiveDto objectiveDto(Objective o) {
        return new ObjectiveDto(o.id(), o.description(), o.kind(), o.instrument(), o.target(), o.sessionsPerWeek(), o.weeks(), o.modality(),
                o.behaviour(), o.targetDate(), o.status());
    }

    private static Intervention intervention(InterventionDto i) {
        return new Intervention(i.id(), i.modality(), i.description(), i.sessionsPerWeek(), i.minutesPerSession(), i.durationWeeks(),
                i.responsibleClinicianId(), i.objectiveIds());
    }

    private static <A, B> List<B> map(List<A> list, java.util.function.Function<A, B> f) {
        return list == null ? List.of() : list.stream().map(f).toList();
    }
}
