package care.iop.plan.content;

import java.time.LocalDate;
import java.util.List;

/** A goal (FHIR Goal): a description, an optional instrument target (the measure of earlier plans), and its objectives. */
public record Goal(String id, String description, Measure measure, List<Objective> objectives) {

    public Goal {
        objectives = objectives == null ? List.of() : List.copyOf(objectives);
    }

    /** An instrument target of the goal: the score at or below which it is achieved, by an optional due date. */
    public record Measure(String instrument, Double target, LocalDate dueDate) {
    }

    Goal withId(String newId) {
        return new Goal(newId, description, measure, objectives);
    }

    Goal withObjectives(List<Objective> newObjectives) {
        return new Goal(id, description, measure, newObjectives);
    }
}
