package care.iop.session.rest;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.session.config.SessionConfig;
import care.iop.session.domain.Attendance;
import care.iop.session.domain.Booking;
import care.iop.session.domain.BookingStatus;
import care.iop.session.domain.SessionSeries;
import care.iop.session.domain.SessionType;
import care.iop.session.domain.TherapySession;
import care.iop.session.service.SessionEvents;

/** Entities to response bodies. */
@ApplicationScoped
public class SessionMapper {

    @Inject
    SessionEvents events;

    @Inject
    SessionConfig config;

    public Views.SessionView staff(TherapySession s) {
        Booking.RosterCounts counts = Booking.counts(s.id);
        return new Views.SessionView(s.id, s.seriesId, s.type.name(), s.status, s.clinicianId, s.patientId, events.local(s.start),
                events.local(s.end), s.topic, s.location, s.capacity, counts.booked(), counts.waitlisted(), s.cancelReason, s.version);
    }

    public Views.PatientSessionView patient(TherapySession s, Booking own) {
        return new Views.PatientSessionView(s.id, s.seriesId, s.type.name(), s.status, s.clinicianId, events.local(s.start),
                events.local(s.end), s.topic, s.location, own == null ? null : own.status.name(),
                own == null ? null : own.waitlistPosition());
    }

    public Views.BookingView booking(Booking b) {
        return new Views.BookingView(b.sessionId, b.patientId, b.status.name(), b.waitlistPosition(),
                b.status == BookingStatus.CANCELLED ? b.lateCancellation : null, b.cancelReason, events.local(b.requestedAt),
                events.local(b.cancelledAt));
    }

    public Views.AgendaEntry agenda(TherapySession s, Booking b) {
        return new Views.AgendaEntry(s.id, s.seriesId, s.type.name(), s.status, s.clinicianId, events.local(s.start),
                events.local(s.end), s.topic, s.location, b.status.name(), b.waitlistPosition());
    }

    /**
     * The attendance of a session with these attendees; {@code withNotes} false leaves the free-text notes out (the
     * group note and each attendee's note: for clinicians and admins only). {@code presentCount} counts every recorded
     * attendee, shown or not.
     */
    public Views.AttendanceView attendance(TherapySession s, List<Attendance> rows, List<Attendance> shown, boolean withNotes) {
        int present = (int) rows.stream().filter(a -> a.status.present()).count();
        int billable = config.billableGroupSize();
        String warning = s.type == SessionType.GROUP && present > billable
                ? present + " members present: above the " + billable + " for whom payers following the Medicare contractor rule pay 90853; review before billing"
                : null;
        return new Views.AttendanceView(s.id, s.type.name(), s.status, withNotes ? s.groupNote : null, present, warning, shown.stream()
                .map(a -> new Views.AttendeeView(a.patientId, a.status.name(), a.minutesAttended, withNotes ? a.note : null, a.billingCode))
                .toList());
    }

    public Views.SeriesView series(SessionSeries s, List<TherapySession> occurrences) {
        List<DayOfWeek> days = Arrays.stream(s.daysOfWeek.split(",")).map(DayOfWeek::valueOf).sorted().toList();
        return new Views.SeriesView(s.id, s.type.name(), s.clinicianId, s.patientId, days, s.localStartTime, s.durationMinutes,
                s.fromDate, s.untilDate, s.occurrenceCount, s.timeZone, s.topic, s.capacity, s.location,
                occurrences.stream().map(this::staff).toList());
    }
}
