package care.iop.session.notes.domain;

/**
 * DRAFT (editable by its author) -> AWAITING_COSIGNATURE (signed by a clinician whose credentials need a co-signature) ->
 * LOCKED (fully signed; corrected only by addenda). ENTERED_IN_ERROR marks a note written by mistake: it keeps its text.
 */
public enum NoteStatus {
    DRAFT, AWAITING_COSIGNATURE, LOCKED, ENTERED_IN_ERROR;

    /** Signed by the session's clinician (co-signed or not). */
    public boolean signed() {
        return this == AWAITING_COSIGNATURE || this == LOCKED;
    }
}
