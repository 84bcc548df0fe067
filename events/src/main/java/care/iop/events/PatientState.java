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
 * @param activeConsents consents active when the event was produced (at most a bounded number: see participant-service)
 * @param part2 the patient's records are 42 CFR Part 2 records ({@link Part2}); null in events written before the
 *        label existed: then {@link Part2#label} derives it from the track
 * @param birthDate the date of birth (adolescent or adult on a plan's start); null in events written before it was carried
 * @param admissionDate the admission date of the current episode of care; null when not admitted (or in older events)
 * @param dischargeReasonCode why the patient left ({@link DischargeReason} name); null unless discharged (or in older events)
 * @param nameFingerprints keyed fingerprints ({@code <length>:<hex>}, platform's {@code NameFingerprints}) of the given name,
 *        the family name and each identifier value, never the names themselves: session-service refuses a group note naming
 *        another member with them; null in events written before they were carried
 */
public record PatientState(UUID patientId, String status, String track, String levelOfCare,
                           String groupComfort, String preferredModality, List<ConsentSummary> activeConsents,
                           LocalDate dischargedOn, long version, Boolean part2, LocalDate birthDate,
                           LocalDate admissionDate, String dischargeReasonCode, List<String> nameFingerprints) {

    /** The state without name fingerprints (events written before issue 21 carry none). */
    public PatientState(UUID patientId, String status, String track, String levelOfCare, String groupComfort,
                        String preferredModality, List<ConsentSummary> activeConsents, LocalDate dischargedOn, long version,
                        Boolean part2, LocalDate birthDate, LocalDate admissionDate, String dischargeReasonCode) {
        this(patientId, status, track, levelOfCare, groupComfort, preferredModality, activeConsents, dischargedOn, version, part2,
                birthDate, admissionDate, dischargeReasonCode, null);
    }

    /** The state without the facts of the episode (events written before issue 20 carry none). */
    public PatientState(UUID patientId, String status, String track, String levelOfCare, String groupComfort,
                        String preferredModality, List<ConsentSummary> activeConsents, LocalDate dischargedOn, long version,
                        Boolean part2) {
        this(patientId, status, track, levelOfCare, groupComfort, preferredModality, activeConsents, dischargedOn, version, part2,
                null, null, null, null);
    }

    /** The state with the label its track implies. */
    public PatientState(UUID patientId, String status, String track, String levelOfCare, String groupComfort,
                        String preferredModality, List<ConsentSummary> activeConsents, LocalDate dischargedOn, long version) {
        this(patientId, status, track, levelOfCare, groupComfort, preferredModality, activeConsents, dischargedOn, version,
                Part2.track(track));
    }

    /** The label: {@link #part2()}, or what the track implies when the event predates it. */
    public boolean isPart2() {
        return Part2.label(part2, track);
    }

    /**
     * An active consent: its kind (GROUP_PARTICIPATION, PART2_DISCLOSURE, TELEHEALTH) and expiry (null: none);
     * for PART2_DISCLOSURE also the recipient's client identity it is matched against and the purposes it
     * covers (TREATMENT, PAYMENT, HEALTH_CARE_OPERATIONS).
     */
    public record ConsentSummary(UUID consentId, String kind, LocalDate expiresOn, String recipientId, List<String> purposes) {
        public ConsentSummary(UUID consentId, String kind, LocalDate expiresOn) {
            this(consentId, kind, expiresOn, null, null);
        }
    }
}
