package care.iop.plan.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The clinical structure of a plan: problems (with their goals and objectives), goals outside any problem (as earlier plans
 * had them), and interventions. {@code interventions} null means "not given" (a request that leaves them out).
 * <p>
 * Ids of problems, goals, objectives and interventions share one namespace per plan: a client may give them (so that
 * interventions can name objectives of the same request), the service gives the others short ones ({@link #withIds()}).
 */
public record PlanContent(List<Problem> problems, List<Goal> goals, List<Intervention> interventions) {

    public PlanContent {
        problems = problems == null ? List.of() : List.copyOf(problems);
        goals = goals == null ? List.of() : List.copyOf(goals);
        interventions = interventions == null ? null : List.copyOf(interventions);
    }

    /** One element with an id, where it is in the request ({@code problems[0].goals[1]}). */
    public record Element(String path, String id) {
    }

    public PlanContent withInterventions(List<Intervention> newInterventions) {
        return new PlanContent(problems, goals, newInterventions);
    }

    /** The interventions, empty when not given. */
    public List<Intervention> interventionList() {
        return interventions == null ? List.of() : interventions;
    }

    /** Every objective by its path ({@code problems[0].goals[1].objectives[0]}, {@code goals[0].objectives[0]}), in order. */
    public Map<String, Objective> objectives() {
        Map<String, Objective> all = new LinkedHashMap<>();
        for (int p = 0; p < problems.size(); p++) {
            addObjectives(all, "problems[" + p + "].", problems.get(p).goals());
        }
        addObjectives(all, "", goals);
        return all;
    }

    /** Every goal by its path, problems' goals first. */
    public Map<String, Goal> allGoals() {
        Map<String, Goal> all = new LinkedHashMap<>();
        for (int p = 0; p < problems.size(); p++) {
            List<Goal> list = problems.get(p).goals();
            for (int g = 0; g < list.size(); g++) {
                all.put("problems[" + p + "].goals[" + g + "]", list.get(g));
            }
        }
        for (int g = 0; g < goals.size(); g++) {
            all.put("goals[" + g + "]", goals.get(g));
        }
        return all;
    }

    /** The ids of every objective, in order. */
    public List<String> objectiveIds() {
        return objectives().values().stream().map(Objective::id).toList();
    }

    /** Every element's id (null when not given yet) with its path, in request order. */
    public List<Element> elements() {
        List<Element> all = new ArrayList<>();
        for (int p = 0; p < problems.size(); p++) {
            Problem problem = problems.get(p);
            all.add(new Element("problems[" + p + "]", problem.id()));
            addGoalElements(all, "problems[" + p + "].", problem.goals());
        }
        addGoalElements(all, "", goals);
        List<Intervention> list = interventionList();
        for (int i = 0; i < list.size(); i++) {
            all.add(new Element("interventions[" + i + "]", list.get(i).id()));
        }
        return all;
    }

    /**
     * The same content where every element without an id has one: P1, P2 … for problems, G… goals, O… objectives, I…
     * interventions, skipping the ids already taken. Ids are assumed unique ({@link ContentRules} checks it first).
     */
    public PlanContent withIds() {
        Set<String> taken = new HashSet<>();
        elements().forEach(e -> {
            if (e.id() != null) {
                taken.add(e.id());
            }
        });
        IdSource ids = new IdSource(taken);
        List<Problem> newProblems = new ArrayList<>();
        for (Problem problem : problems) {
            Problem withId = problem.id() == null ? problem.withId(ids.next("P")) : problem;
            newProblems.add(withId.withGoals(goalsWithIds(problem.goals(), ids)));
        }
        List<Goal> newGoals = goalsWithIds(goals, ids);
        List<Intervention> newInterventions = interventions == null ? null
                : interventions.stream().map(i -> i.id() == null ? i.withId(ids.next("I")) : i).toList();
        return new PlanContent(newProblems, newGoals, newInterventions);
    }

    private static List<Goal> goalsWithIds(List<Goal> goals, IdSource ids) {
        List<Goal> result = new ArrayList<>();
        for (Goal goal : goals) {
            Goal withId = goal.id() == null ? goal.withId(ids.next("G")) : goal;
            result.add(withId.withObjectives(goal.objectives().stream().map(o -> o.id() == null ? o.withId(ids.next("O")) : o).toList()));
        }
        return result;
    }

    private static void addObjectives(Map<String, Objective> all, String prefix, List<Goal> goals) {
        for (int g = 0; g < goals.size(); g++) {
            List<Objective> objectives = goals.get(g).objectives();
            for (int o = 0; o < objectives.size(); o++) {
                all.put(prefix + "goals[" + g + "].objectives[" + o + "]", objectives.get(o));
            }
        }
    }

    private static void addGoalElements(List<Element> all, String prefix, List<Goal> goals) {
        for (int g = 0; g < goals.size(); g++) {
            Goal goal = goals.get(g);
            all.add(new Element(prefix + "goals[" + g + "]", goal.id()));
            for (int o = 0; o < goal.objectives().size(); o++) {
                all.add(new Element(prefix + "goals[" + g + "].objectives[" + o + "]", goal.objectives().get(o).id()));
            }
        }
    }

    /** Next free id per prefix: P1, P2, … */
    private static final class IdSource {
        private final Set<String> taken;
        private final Map<String, Integer> counters = new LinkedHashMap<>();

        IdSource(Set<String> taken) {
            this.taken = taken;
        }

        String next(String prefix) {
            String id;
            do {
                int n = counters.merge(prefix, 1, Integer::sum);
                id = prefix + n;
            } while (!taken.add(id));
            return id;
        }
    }
}
