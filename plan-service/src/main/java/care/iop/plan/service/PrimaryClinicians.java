package care.iop.plan.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import care.iop.plan.domain.CarePlan;
import care.iop.plan.domain.PlanStatus;

/**
 * Who answers for a patient's tasks (follow-ups, safety flags): the primary clinician of the patient's current plan, i.e.
 * the active or on-hold plan, else the latest plan created (a plan entered in error names nobody). Empty for a patient
 * without a plan: the task stays unassigned and shows in the program-wide lists.
 */
@ApplicationScoped
public class PrimaryClinicians {

    public Optional<UUID> of(UUID patientId) {
        Optional<CarePlan> current = CarePlan.<CarePlan>find("patientId = ?1 and status in ?2 order by createdAt desc, id",
                patientId, List.of(PlanStatus.ACTIVE, PlanStatus.ON_HOLD)).firstResultOptional();
        if (current.isEmpty()) {
            current = CarePlan.<CarePlan>find("patientId = ?1 and status <> ?2 order by createdAt desc, id",
                    patientId, PlanStatus.ENTERED_IN_ERROR).firstResultOptional();
        }
        return current.map(plan -> plan.primaryClinicianId);
    }
}
