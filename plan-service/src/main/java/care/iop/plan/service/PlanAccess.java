package care.iop.plan.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.plan.domain.CarePlan;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.CurrentUser;

/** Loads a plan the caller may see: 404 when it does not exist or belongs to another patient (patient tokens). */
@ApplicationScoped
public class PlanAccess {
    public static final String RESOURCE = "CarePlan";

    @Inject
    CurrentUser user;

    public CarePlan visiblePlan(UUID id) {
        CarePlan plan = CarePlan.findById(id);
        if (plan == null) {
            throw ProblemException.notFound(RESOURCE, id);
        }
        user.requireAccessToPatient(plan.patientId, RESOURCE, id);
        return plan;
    }

    /** Like {@link #visiblePlan} with a row lock, for commands. */
    public CarePlan planForUpdate(UUID id) {
        CarePlan plan = CarePlan.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (plan == null) {
            throw ProblemException.notFound(RESOURCE, id);
        }
        user.requireAccessToPatient(plan.patientId, RESOURCE, id);
        return plan;
    }

    public String subject() {
        return user.subject();
    }
}
