package care.iop.session.notes.domain;

/** DAP: data, assessment, plan. BIRP: behaviour, intervention, response, plan. Chosen per program ({@code iop.notes.format}). */
public enum NoteFormat {
    DAP, BIRP
}
