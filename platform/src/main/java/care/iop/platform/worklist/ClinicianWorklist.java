package care.iop.platform.worklist;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A service's part of one clinician's worklist, as its worklist face answers it: the items it owns, in
 * {@link WorklistItem#ORDER}, and when they were computed. The gateway merges the parts of every service into the
 * worklist a front end shows.
 */
public record ClinicianWorklist(UUID clinicianId, OffsetDateTime generatedAt, List<WorklistItem> items) {

    /** The items sorted by {@link WorklistItem#ORDER}. */
    public static ClinicianWorklist sorted(UUID clinicianId, OffsetDateTime generatedAt, List<WorklistItem> items) {
        return new ClinicianWorklist(clinicianId, generatedAt, items.stream().sorted(WorklistItem.ORDER).toList());
    }
}
