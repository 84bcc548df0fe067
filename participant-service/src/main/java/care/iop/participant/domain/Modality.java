package care.iop.participant.domain;

/** The session modality a patient prefers. */
public enum Modality {
    INDIVIDUAL, GROUP, NO_PREFERENCE
}
