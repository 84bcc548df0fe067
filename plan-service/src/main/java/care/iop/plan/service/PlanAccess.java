package care.iop.plan.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.plan.domain.CarePlan;
import care.iop.platform.privacy.Disclosure;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.CurrentUser;

/**
 * Loads a plan the caller may see: 404 when it does not exist, belongs to another patient (patient tokens), or is a
 * Part 2 record the caller outside the program has no consent for (audited as DENIED with the reason, answered as if
 * the plan did not exist).
 */
@ApplicationScoped
public class PlanAccess {
    public static final String RESOURCE = "CarePlan";

    @Inject
    CurrentUser user;

    @Inject
    Disclosure disclosure;

    public CarePlan visiblePlan(UUID id) {
        return visible(CarePlan.findById(id), id);
    }

    /** Like {@link #visiblePlan} with a row lock, for commands. */
    public CarePlan planForUpdate(UUID id) {
        return visible(CarePlan.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE), id);
    }

    public String subject() {
        return user.subject();
    }

    private CarePlan visible(CarePlan plan, UUID id) {
        if (plan == null) {
            throw ProblemException.notFound(RESOURCE, id);
        }
        user.requireAccessToPatient(plan.patientId, RESOURCE, id);
        disclosure.require(plan.patientId, RESOURCE, id);
        return plan;
    }
}
