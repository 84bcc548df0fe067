package care.iop.session.notes.domain;

/** PATIENT: one patient's note of a session; GROUP_NARRATIVE: the note of a group session as a whole (no patient). */
public enum NoteKind {
    PATIENT, GROUP_NARRATIVE
}
