package care.iop.plan.content;

import java.util.List;

/** A problem the plan addresses: its ICD-10-CM code and display, the patient's own words, and its goals. */
public record Problem(String id, String code, String display, String patientWords, List<Goal> goals) {

    public Problem {
        goals = goals == null ? List.of() : List.copyOf(goals);
    }

    Problem withId(String newId) {
        return new Problem(newId, code, display, patientWords, goals);
    }

    Problem withGoals(List<Goal> newGoals) {
        return new Problem(id, code, display, patientWords, newGoals);
    }
}
