package care.iop.session.worklist.service;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.platform.time.ProgramTime;
import care.iop.platform.worklist.WorklistAction;
import care.iop.platform.worklist.WorklistItem;
import care.iop.platform.worklist.WorklistItemKind;
import care.iop.session.domain.SessionStatus;
import care.iop.session.domain.TherapySession;

/**
 * SESSION: the sessions a clinician facilitates from the start of today to the end of tomorrow (program time), not
 * cancelled; due at their start, never overdue. One indexed query (therapy_session_clinician_start).
 */
@ApplicationScoped
public class UpcomingSessions {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    ProgramTime time;

    public List<WorklistItem> itemsFor(UUID clinicianId, OffsetDateTime now, OffsetDateTime horizon) {
        OffsetDateTime startOfToday = time.endOf(time.dayOf(now).minusDays(1));
        List<TherapySession> sessions = TherapySession.list("clinicianId = ?1 and start >= ?2 and start < ?3 and status <> ?4",
                clinicianId, startOfToday, horizon, SessionStatus.CANCELLED);
        return sessions.stream().map(this::item).toList();
    }

    private WorklistItem item(TherapySession session) {
        OffsetDateTime start = session.start.atZoneSameInstant(time.zone()).toOffsetDateTime();
        OffsetDateTime end = session.end.atZoneSameInstant(time.zone()).toOffsetDateTime();
        String summary = session.type.name().charAt(0) + session.type.name().substring(1).toLowerCase(Locale.ROOT) + " session "
                + DAY_TIME.format(start) + "-" + TIME.format(end);
        return new WorklistItem(WorklistItemKind.SESSION, summary, session.patientId, "Session", session.id, start, false,
                WorklistAction.get("/api/v1/sessions/" + session.id));
    }
}
