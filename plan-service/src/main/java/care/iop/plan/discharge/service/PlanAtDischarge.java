package care.iop.plan.discharge.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.plan.content.Goal;
import care.iop.plan.content.Objective;
import care.iop.plan.content.PlanContent;
import care.iop.plan.content.service.PlanDocuments;
import care.iop.plan.discharge.domain.ObjectiveOutcome;
import care.iop.plan.domain.CarePlan;

/**
 * The plan a discharge summary reports: of the patient's plans (in the discharged episode when there is one) the latest
 * that was in force (it has a signed version), else the latest plan at all; and its objectives with their statuses as the
 * plan's structure holds them at discharge (problems' goals first, then the plan's own goals).
 */
@ApplicationScoped
public class PlanAtDischarge {

    @Inject
    PlanDocuments documents;

    public Optional<CarePlan> of(UUID patientId, UUID episodeId) {
        String scope = episodeId == null ? "patientId = ?1" : "patientId = ?1 and episodeId = ?2";
        Object[] params = episodeId == null ? new Object[] { patientId } : new Object[] { patientId, episodeId };
        Optional<CarePlan> inForce = CarePlan.<CarePlan>find(scope + " and signedVersion is not null order by startDate desc, createdAt desc, id",
                params).firstResultOptional();
        return inForce.isPresent() ? inForce
                : CarePlan.<CarePlan>find(scope + " order by startDate desc, createdAt desc, id", params).firstResultOptional();
    }

    public List<ObjectiveOutcome> objectives(CarePlan plan) {
        PlanContent content = documents.read(plan);
        List<ObjectiveOutcome> result = new ArrayList<>();
        for (Goal goal : content.allGoals().values()) {
            for (Objective objective : goal.objectives()) {
                result.add(new ObjectiveOutcome(goal.id(), goal.description(), objective.id(), objective.description(), objective.status(),
                        objective.targetDate()));
            }
        }
        return result;
    }
}
