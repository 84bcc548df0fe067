package care.iop.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What other services need to know about a patient; carried by every patient event on
 * {@link Topics#PARTICIPANTS} (a full state, so consumers simply upsert). Never free-text notes.
 *
 * @param status REFERRED, ACTIVE or DISCHARGED
 * @param track ADULT_MH, ADULT_SUD or ADOLESCENT
 * @param levelOfCare 1, 2.1 or 2.5
 * @param groupComfort COMFORTABLE, HESITANT, UNCOMFORTABLE or null when not yet recorded
 * @param preferredModality INDIVIDUAL, GROUP, NO_PREFERENCE or null when not yet recorded
 * @param activeConsents consents active when the event was produced
 */
public record PatientState(UUID patientId, String status, String track, String levelOfCare,
                           String groupComfort, String preferredModality, List<ConsentSummary> activeConsents,
                           LocalDate dischargedOn, long version) {

    /** An active consent: its kind (GROUP_PARTICIPATION, PART2_DISCLOSURE, TELEHEALTH) and expiry (null: none). */
    public record ConsentSummary(UUID consentId, String kind, LocalDate expiresOn) {
    }
}
