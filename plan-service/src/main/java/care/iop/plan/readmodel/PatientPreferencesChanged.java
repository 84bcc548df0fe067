package care.iop.plan.readmodel;

import java.util.UUID;

/**
 * Fired (CDI, synchronously, in the consumer's transaction) when an applied patient event changed the patient's group comfort
 * or preferred modality: {@code version} is that event's patient version.
 */
public record PatientPreferencesChanged(UUID patientId, long version, String previousGroupComfort, String groupComfort,
                                        String previousPreferredModality, String preferredModality) {

    public boolean comfortChanged() {
        return !java.util.Objects.equals(previousGroupComfort, groupComfort);
    }

    public boolean preferenceChanged() {
        return !java.util.Objects.equals(previousPreferredModality, preferredModality);
    }
}
