package care.iop.plan.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.platform.security.CurrentUser;
import care.iop.platform.security.Roles;

/**
 * Minimum necessary (docs/security.md, role x data table): a scheduler gets a plan's status, dates, clinician,
 * modality mix and schedule, not its clinical content: problems, goals, rationale, modality rationale, the
 * justification for hours under the minimum, the reasons of status changes and of modality switches (left out of
 * the JSON); reviews are refused by role. Everyone else who may read a plan gets all of it.
 */
@ApplicationScoped
public class MinimumNecessary {

    @Inject
    CurrentUser user;

    /** False for a scheduler (without a clinical role): the plan's clinical content is left out. */
    public boolean clinicalContent() {
        return !user.hasRole(Roles.SCHEDULER) || user.hasRole(Roles.CLINICIAN) || user.hasRole(Roles.ADMIN);
    }
}
