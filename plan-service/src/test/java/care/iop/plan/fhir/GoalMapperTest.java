package care.iop.plan.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import care.iop.plan.content.Objective;
import care.iop.plan.fhir.mapping.GoalIds;
import care.iop.plan.fhir.mapping.GoalMapper;

/** A plan's goals as US Core Goals, and their ids. */
class GoalMapperTest {

    @Test
    void aMeasuredGoalWithObjectives() {
        List<Goal> goals = GoalMapper.toFhir(FhirSamples.plan("active"));

        assertThat(goals).hasSize(2);
        Goal goal = goals.get(0);
        assertThat(goal.getIdElement().getIdPart()).isEqualTo(FhirSamples.PLAN + ".G1");
        assertThat(goal.getMeta().getVersionId()).isEqualTo("4");
        assertThat(goal.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(GoalMapper.PROFILE);
        assertThat(goal.getLifecycleStatus()).isEqualTo(Goal.GoalLifecycleStatus.ACTIVE);
        assertThat(goal.getAchievementStatus().getCodingFirstRep().getCode()).isEqualTo("in-progress");
        assertThat(goal.getDescription().getText()).isEqualTo("Reduce depressive symptoms");
        assertThat(goal.getSubject().getReference()).isEqualTo("Patient/" + FhirSamples.PATIENT);
        assertThat(goal.getStartDateType().getValueAsString()).isEqualTo("2026-11-30");
        assertThat(goal.getAddressesFirstRep().getDisplay()).startsWith("F32.1 ");
        assertThat(goal.getTarget()).hasSize(3);
        Goal.GoalTargetComponent measure = goal.getTarget().get(0);
        assertThat(measure.getMeasure().getCodingFirstRep().getCode()).isEqualTo("44261-6");
        assertThat(measure.getDetailQuantity().getValue().doubleValue()).isEqualTo(9.0);
        assertThat(measure.getDetailQuantity().getComparator()).isEqualTo(Quantity.QuantityComparator.LESS_OR_EQUAL);
        assertThat(measure.getDueDateType().getValueAsString()).isEqualTo("2027-02-20");
        Goal.GoalTargetComponent score = goal.getTarget().get(1);
        assertThat(score.getMeasure().getText()).isEqualTo("PHQ-9 below 10 by week 6");
        assertThat(score.getDueDateType().getValueAsString()).isEqualTo("2027-01-11");
        Goal.GoalTargetComponent attendance = goal.getTarget().get(2);
        assertThat(attendance.getDetailQuantity().getValue().intValue()).isEqualTo(3);
        assertThat(attendance.getDetailQuantity().getCode()).isEqualTo("/wk");
        assertThat(goal.getNote()).extracting(n -> n.getText())
                .containsExactly("Objective O1 (in-progress): PHQ-9 below 10 by week 6", "Objective O2 (met): Attends 3 groups a week for 4 weeks");
    }

    @Test
    void aGoalOutsideAProblemWithABehaviourAndAnIdThatIsNoFhirId() {
        Goal goal = GoalMapper.toFhir(FhirSamples.plan("draft")).get(1);

        assertThat(goal.getIdElement().getIdPart()).matches("[A-Za-z0-9\\-.]{1,64}").startsWith(FhirSamples.PLAN + ".");
        assertThat(goal.getLifecycleStatus()).isEqualTo(Goal.GoalLifecycleStatus.PROPOSED);
        assertThat(goal.hasAddresses()).isFalse();
        assertThat(goal.hasAchievementStatus()).isFalse();
        assertThat(goal.getTargetFirstRep().getDetailStringType().getValue()).isEqualTo("Uses a coping skill when craving, logged daily");
    }

    @Test
    void aSchedulerSeesNoGoals() {
        assertThat(GoalMapper.toFhir(FhirSamples.plan("active").withoutClinicalContent())).isEmpty();
    }

    @Test
    void goalIdsFindTheirGoalAgain() {
        UUID plan = UUID.randomUUID();
        for (String goalId : List.of("G1", "goal-1.a", "goal_1", "x".repeat(40), "y".repeat(27), "z".repeat(28))) {
            String id = GoalIds.of(plan, goalId);
            assertThat(id).matches("[A-Za-z0-9\\-.]{1,64}");
            GoalIds.Parsed parsed = GoalIds.parse(id).orElseThrow();
            assertThat(parsed.planId()).isEqualTo(plan);
            assertThat(GoalIds.matches(parsed, goalId)).as(goalId).isTrue();
            assertThat(GoalIds.matches(parsed, goalId + "2")).isFalse();
        }
        assertThat(GoalIds.of(plan, "G1")).isEqualTo(plan + ".G1");
        assertThat(GoalIds.parse("G1")).isEmpty();
        assertThat(GoalIds.parse(plan + "G1")).isEmpty();
        assertThat(GoalIds.parse("not-a-uuid-not-a-uuid-not-a-uuid-xx.G1")).isEmpty();
        assertThat(GoalIds.parse(plan + ".")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({ "draft,proposed", "active,active", "on-hold,on-hold", "completed,completed", "revoked,cancelled",
            "entered-in-error,entered-in-error" })
    void lifecycleFollowsThePlan(String plan, String lifecycle) {
        assertThat(GoalMapper.toFhir(FhirSamples.plan(plan)).get(0).getLifecycleStatus().toCode()).isEqualTo(lifecycle);
    }

    @ParameterizedTest
    @CsvSource({ "met|met,achieved", "met|not-met,not-achieved", "not-met|revised,not-achieved", "met|not-started,in-progress",
            "in-progress|not-met,in-progress", "not-started|not-started,", "revised|revised," })
    void achievementFollowsTheObjectives(String statuses, String achievement) {
        List<Objective> objectives = java.util.Arrays.stream(statuses.split("\\|"))
                .map(s -> new Objective("O", "d", Objective.BEHAVIOUR, null, null, null, null, null, "b", LocalDate.of(2027, 1, 1), s))
                .toList();
        var plan = FhirSamples.plan("active");
        var goal = new care.iop.plan.content.Goal("G9", "Goal", null, objectives);
        Goal resource = GoalMapper.toFhir(plan, new care.iop.plan.fhir.mapping.PlanGoals.PlanGoal(goal, null));
        assertThat(resource.hasAchievementStatus() ? resource.getAchievementStatus().getCodingFirstRep().getCode() : null).isEqualTo(achievement);
    }
}
