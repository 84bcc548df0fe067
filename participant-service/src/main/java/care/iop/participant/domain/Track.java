package care.iop.participant.domain;

/** The program track a patient follows. */
public enum Track {
    ADULT_MH, ADULT_SUD, ADOLESCENT
}
