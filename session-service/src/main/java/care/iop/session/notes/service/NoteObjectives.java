package care.iop.session.notes.service;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.platform.problem.ProblemException;
import care.iop.session.domain.ReadModels;
import care.iop.session.domain.ReadModels.PlanFacts;

/**
 * Links a patient's progress note to the plan objectives it addressed for real: each objective id it names must be an
 * objective of the patient's current plan (active or on hold) as the plan events made it known. When there is no current
 * plan, or its events did not carry objective ids (written before they did), the ids are accepted as given.
 */
@ApplicationScoped
public class NoteObjectives {

    @Inject
    ReadModels readModels;

    /** 422 naming {@code objectiveIds[i]} for the first id that is not an objective of the patient's current plan. */
    public void requireOfCurrentPlan(UUID patientId, List<String> objectiveIds) {
        if (patientId == null || objectiveIds == null || objectiveIds.isEmpty()) {
            return;
        }
        PlanFacts plan = readModels.currentPlan(patientId).orElse(null);
        if (plan == null || plan.objectiveIds() == null) {
            return;
        }
        Set<String> known = Set.copyOf(plan.objectiveIds());
        for (int i = 0; i < objectiveIds.size(); i++) {
            String id = objectiveIds.get(i);
            if (!known.contains(id)) {
                throw ProblemException.ruleViolation("objectiveIds[" + i + "]", "Objective " + id + " is not an objective of the patient's "
                        + "current plan " + plan.planId() + (known.isEmpty() ? " (it has none)" : " (its objectives: "
                        + String.join(", ", plan.objectiveIds()) + ")"));
            }
        }
    }
}
