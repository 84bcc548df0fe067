package care.iop.session.service;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
import care.iop.session.domain.ReadModels;
import care.iop.session.domain.TherapySession;

/**
 * Publishes session, booking and attendance events through the outbox (key = session id). Booking and attendance events
 * carry each patient's 42 CFR Part 2 label ({@code part2}) from the read model, so later consumers know it.
 */
@ApplicationScoped
public class SessionEvents {

    @Inject
    Outbox outbox;

    @Inject
    SessionConfig config;

    @Inject
    ReadModels readModels;

    public void session(String type, TherapySession s) {
        outbox.publish(Topics.SESSIONS, s.id, type, new SessionState(s.id, s.seriesId, s.type.name(), s.clinicianId,
                local(s.start), local(s.end), s.status, s.capacity, s.version));
    }

    public void booking(String type, TherapySession s, Booking b) {
        booking(type, s, b, Outbox.Origin.current());
    }

    /** A booking event for the request {@code origin} names (a booking placed together with others'). */
    public void booking(String type, TherapySession s, Booking b, Outbox.Origin origin) {
        booking(type, s, b, origin, !part2Among(List.of(b.patientId)).isEmpty());
    }

    /** A booking event whose patient's Part 2 label the caller looked up ({@link #part2Among}, once for a batch). */
    public void booking(String type, TherapySession s, Booking b, Outbox.Origin origin, boolean part2) {
        outbox.publish(Topics.SESSIONS, s.id, type, new BookingState(s.id, b.patientId, s.type.name(), local(s.start),
                local(s.end), b.status.name(), b.waitlistPosition(), b.lateCancellation, b.cancelReason, part2), origin);
    }

    /** Each attendee with its Part 2 label (from the read model: the patient's label or a Part 2 plan of the patient). */
    public void attendance(TherapySession s, List<Attendance> rows) {
        Set<UUID> part2 = part2Among(rows.stream().map(a -> a.patientId).toList());
        List<AttendanceRecorded.Attendee> attendees = rows.stream()
                .map(a -> new AttendanceRecorded.Attendee(a.patientId, a.status.name(), a.minutesAttended, s.type.name(),
                        part2.contains(a.patientId)))
                .toList();
        outbox.publish(Topics.SESSIONS, s.id, EventTypes.ATTENDANCE_RECORDED,
                new AttendanceRecorded(s.id, s.type.name(), local(s.start), local(s.end), attendees));
    }

    /** The patients among these labelled Part 2 in the read model, in one query. */
    public Set<UUID> part2Among(Collection<UUID> patientIds) {
        return readModels.part2Among(patientIds);
    }

    /** An instant shown with the program time zone's offset. */
    public OffsetDateTime local(OffsetDateTime instant) {
        return instant == null ? null : instant.atZoneSameInstant(config.timeZone()).toOffsetDateTime();
    }
}
