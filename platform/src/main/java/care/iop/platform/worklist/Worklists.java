package care.iop.platform.worklist;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.CurrentUser;
import care.iop.platform.security.Roles;
import care.iop.problems.ProblemType;

/**
 * What every service's worklist face does the same way: who may read a clinician's worklist (the clinician
 * itself, its token's {@code clinician_id} claim, and admins; no read model knows who supervises whom, so a
 * supervisor reads a supervisee's worklist through an admin) and the audit of an answer (one row per patient in it).
 */
@ApplicationScoped
public class Worklists {
    /** The audited resource type of a worklist read. */
    public static final String RESOURCE = "Worklist";
    /** The 403 answer to a clinician asking for another's worklist, as the services' API documents show it. */
    public static final String FORBIDDEN_EXAMPLE = "{\"type\":\"https://iop.care/problems/forbidden\",\"title\":\"Not allowed for your role\","
            + "\"status\":403,\"detail\":\"A clinician reads only its own worklist; admins read anyone's\"}";

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    /**
     * 403 (audited as denied) unless the caller is an admin or the clinician {@code clinicianId} itself. The roles are
     * checked before ({@code @RolesAllowed} clinician and admin).
     */
    public void requireAccess(UUID clinicianId) {
        if (user.hasRole(Roles.ADMIN) || user.clinicianId().map(clinicianId::equals).orElse(false)) {
            return;
        }
        audit.deniedPatientAccess(RESOURCE, clinicianId, null);
        throw new ProblemException(ProblemType.FORBIDDEN, user.clinicianId().isEmpty()
                ? "A clinician reads its own worklist with a token naming it (claim clinician_id); admins read anyone's"
                : "A clinician reads only its own worklist; admins read anyone's");
    }

    /** The items in {@link WorklistItem#ORDER}, audited as one read per patient they concern (one row without patient when none). */
    public ClinicianWorklist answer(UUID clinicianId, OffsetDateTime generatedAt, List<WorklistItem> items) {
        ClinicianWorklist worklist = ClinicianWorklist.sorted(clinicianId, generatedAt, items);
        audit.success(AuditAction.READ, RESOURCE, clinicianId, items.stream().map(WorklistItem::patientId).toList());
        return worklist;
    }
}
