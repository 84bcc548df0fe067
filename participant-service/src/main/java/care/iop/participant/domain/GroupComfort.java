package care.iop.participant.domain;

/** How comfortable a patient is sharing in a group. */
public enum GroupComfort {
    COMFORTABLE, HESITANT, UNCOMFORTABLE
}
