package care.iop.platform.worklist;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.UUID;

/**
 * One thing a clinician has to do, as a service's worklist face returns it. The summary never carries
 * a patient's name (the worklist is read on shared screens): it names the task; {@code patientId} links
 * to the chart. {@code dueAt} is null for items without a deadline; {@code overdue} is computed by the
 * service that owns the item at the time of the request. It lives in the events module (package unchanged), which the
 * gateway shares with the services: the gateway merges the services' items in the same {@link #ORDER}.
 */
public record WorklistItem(WorklistItemKind kind, String summary, UUID patientId, String resourceType, UUID resourceId,
        OffsetDateTime dueAt, boolean overdue, WorklistAction action) {

    /** Overdue first, then by due time (items without one last), then by kind and resource id: a stable order. */
    public static final Comparator<WorklistItem> ORDER = Comparator.comparing((WorklistItem item) -> !item.overdue())
            .thenComparing(WorklistItem::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(WorklistItem::kind)
            .thenComparing(WorklistItem::resourceId, Comparator.nullsLast(Comparator.naturalOrder()));
}
