package care.iop.events;

import java.util.List;
import java.util.UUID;

/**
 * Carried by clinician events on {@link Topics#PARTICIPANTS}.
 *
 * @param credentials the clinician's credentials ("LCSW", "LPC-A"): whether a plan the clinician writes needs a licensed
 *        co-signer; null in events written before they were carried
 */
public record ClinicianState(UUID clinicianId, String npi, String displayName, boolean canLeadGroups,
                             boolean active, long version, List<String> credentials) {

    /** The state without credentials (events written before issue 20). */
    public ClinicianState(UUID clinicianId, String npi, String displayName, boolean canLeadGroups, boolean active, long version) {
        this(clinicianId, npi, displayName, canLeadGroups, active, version, null);
    }
}
