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
        return session.end.plus(config.dueAfter());
    }

    /** Sessions that ended before this instant have their notes past due now. */
    public OffsetDateTime endedBeforeIsOverdue() {
        return clock.now().minus(config.dueAfter());
    }
}
