package care.iop.plan.worklist.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import care.iop.platform.worklist.WorklistItem;

/**
 * A capability's contribution to a clinician's worklist in plan-service (safety flags, assessments due,
 * reviews due, plans awaiting signatures, follow-up tasks, discharge summaries). Each capability
 * implements it as an {@code @ApplicationScoped} bean in its own package; the worklist face collects
 * every bean. Implementations read with one or two indexed queries (the worklist loads on every screen),
 * audit nothing themselves (the worklist audits what it returns) and compute {@code overdue} against
 * {@code now}.
 */
public interface WorklistSource {
    /** The open items assigned to the clinician, due up to {@code horizon} (end of tomorrow) or already overdue. */
    List<WorklistItem> itemsFor(UUID clinicianId, OffsetDateTime now, OffsetDateTime horizon);
}
