package care.iop.participant.domain;

/** Where a patient is in the program: referred (no admission yet), active (admitted) or discharged. */
public enum PatientStatus {
    REFERRED, ACTIVE, DISCHARGED
}
