package care.iop.events;

import java.util.UUID;

/** Carried by clinician events on {@link Topics#PARTICIPANTS}. */
public record ClinicianState(UUID clinicianId, String npi, String displayName, boolean canLeadGroups,
                             boolean active, long version) {
}
