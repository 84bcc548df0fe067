package care.iop.plan.risk.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import care.iop.plan.outcomes.domain.SafetyFlag;
import care.iop.plan.worklist.service.WorklistSource;
import care.iop.platform.worklist.WorklistAction;
import care.iop.platform.worklist.WorklistItem;
import care.iop.platform.worklist.WorklistItemKind;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/**
 * The safety flags on a clinician's worklist: the open flags assigned to the clinician due up to the horizon or already
 * overdue (kind SAFETY_FLAG), each with the resolution to post. The URGENT flags of high-risk screens belong to the on-call
 * role rather than to one clinician: {@link #urgentItems} lists them for whoever holds it. One indexed query each; audits
 * nothing (the worklist audits what it returns).
 */
@ApplicationScoped
public class SafetyFlagWorklistSource implements WorklistSource {
    static final String RESOLVE = "/api/v1/assessments/safety-flags/%s/resolution";

    @Override
    public List<WorklistItem> itemsFor(UUID clinicianId, OffsetDateTime now, OffsetDateTime horizon) {
        return SafetyFlag.<SafetyFlag>find("assignedClinicianId = :clinician and status = :open and kind = :kind and dueAt <= :horizon",
                        Sort.by("dueAt").and("id"), Parameters.with("clinician", clinicianId).and("open", SafetyFlag.Status.OPEN)
                                .and("kind", SafetyFlag.Kind.SAFETY_FLAG).and("horizon", horizon))
                .list().stream().map(flag -> item(flag, WorklistItemKind.SAFETY_FLAG, "Safety flag: screen the patient today", now)).toList();
    }

    /** Every open URGENT flag (for the on-call role), oldest due first. */
    public List<WorklistItem> urgentItems(OffsetDateTime now) {
        return SafetyFlag.<SafetyFlag>find("status = ?1 and kind = ?2", Sort.by("dueAt").and("id"), SafetyFlag.Status.OPEN, SafetyFlag.Kind.URGENT)
                .list().stream().map(flag -> item(flag, WorklistItemKind.URGENT_SAFETY_FLAG, "Urgent: high suicide risk on screening", now))
                .toList();
    }

    private static WorklistItem item(SafetyFlag flag, WorklistItemKind kind, String summary, OffsetDateTime now) {
        return new WorklistItem(kind, summary, flag.patientId, "SafetyFlag", flag.id, flag.dueAt, flag.isOverdue(now),
                WorklistAction.post(RESOLVE.formatted(flag.id)));
    }
}
