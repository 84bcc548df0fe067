package care.iop.session.notes.service;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.session.domain.TherapySession;

/** When a session's notes are due: its end plus {@code iop.notes.due-after}; overdue only after that instant, not at it. */
@ApplicationScoped
public class NoteDeadlines {

    @Inject
    NotesConfig config;

    @Inject
    NoteClock clock;

    public OffsetDateTime dueAt(TherapySession session) {
        return dueAt(session.end);
    }

    /** The notes of a session that ended at {@code sessionEnd} are due at this instant. */
    public OffsetDateTime dueAt(OffsetDateTime sessionEnd) {
        return sessionEnd.plus(config.dueAfter());
    }

    /** Past due at {@code now}: after the deadline, not at it. */
    public boolean overdue(OffsetDateTime sessionEnd, OffsetDateTime now) {
        return now.isAfter(dueAt(sessionEnd));
    }

    /** Sessions that ended before this instant have their notes past due now. */
    public OffsetDateTime endedBeforeIsOverdue() {
        return clock.now().minus(config.dueAfter());
    }
}
