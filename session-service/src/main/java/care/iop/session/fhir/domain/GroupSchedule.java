package care.iop.session.fhir.domain;

import java.util.UUID;

/**
 * The group sessions a clinician leads, as one FHIR Schedule (the one their Slots belong to): it exists once the clinician
 * leads a group session, and it does not change after (its version stays 1, lastUpdated is its first group's creation).
 */
public record GroupSchedule(UUID clinicianId, Revision revision) {
}
