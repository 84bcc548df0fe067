package care.iop.platform.privacy;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A service's own knowledge of its patients' Part 2 labels and disclosure consents (participant-service from
 * its registry, the others from their read models of the participant and plan events). Each service has
 * exactly one implementation; {@link Disclosure} asks it.
 */
public interface PrivacyFacts {

    /** The facts of each patient asked about; a patient the service does not know is missing. */
    Map<UUID, PatientPrivacy> of(Collection<UUID> patientIds);

    /**
     * The Part 2 patients with an active consent that lets {@code recipient} receive their records for
     * {@code purpose} on {@code day}: a list query for an external caller keeps Part 2 rows only of these.
     */
    Set<UUID> part2PatientsDisclosableTo(String recipient, Purpose purpose, LocalDate day);
}
