package care.iop.platform.privacy;

import java.util.List;
import java.util.UUID;

/** What decides whether a patient's records may leave the program: the Part 2 label and the active disclosure consents. */
public record PatientPrivacy(UUID patientId, boolean part2, List<DisclosureConsent> consents) {

    public static PatientPrivacy notPart2(UUID patientId) {
        return new PatientPrivacy(patientId, false, List.of());
    }
}
