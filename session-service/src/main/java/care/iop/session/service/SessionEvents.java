package care.iop.session.service;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.events.AttendanceRecorded;
import care.iop.events.BookingState;
import care.iop.events.EventTypes;
import care.iop.events.SessionState;
import care.iop.events.Topics;
import care.iop.platform.outbox.Outbox;
import care.iop.session.config.SessionConfig;
import care.iop.session.domain.Attendance;
import care.iop.session.domain.Booking;
import care.iop.session.domain.TherapySession;

/** Publishes session, booking and attendance events through the outbox (key = session id). */
@ApplicationScoped
public class SessionEvents {

    @Inject
    Outbox outbox;

    @Inject
    SessionConfig config;

    public void session(String type, TherapySession s) {
        outbox.publish(Topics.SESSIONS, s.id, type, new SessionState(s.id, s.seriesId, s.type.name(), s.clinicianId,
                local(s.start), local(s.end), s.status, s.capacity, s.version));
    }

    public void booking(String type, TherapySession s, Booking b) {
        booking(type, s, b, Outbox.Origin.current());
    }

    /** A booking event for the request {@code origin} names (a booking placed together with others'). */
    public void booking(String type, TherapySession s, Booking b, Outbox.Origin origin) {
        outbox.publish(Topics.SESSIONS, s.id, type, new BookingState(s.id, b.patientId, s.type.name(), local(s.start),
                local(s.end), b.status.name(), b.waitlistPosition(), b.lateCancellation, b.cancelReason), origin);
    }

    public void attendance(TherapySession s, List<Attendance> rows) {
        List<AttendanceRecorded.Attendee> attendees = rows.stream()
                .map(a -> new AttendanceRecorded.Attendee(a.patientId, a.status.name(), a.minutesAttended, s.type.name()))
                .toList();
        outbox.publish(Topics.SESSIONS, s.id, EventTypes.ATTENDANCE_RECORDED,
                new AttendanceRecorded(s.id, s.type.name(), local(s.start), local(s.end), attendees));
    }

    /** An instant shown with the program time zone's offset. */
    public OffsetDateTime local(OffsetDateTime instant) {
        return instant == null ? null : instant.atZoneSameInstant(config.timeZone()).toOffsetDateTime();
    }
}
