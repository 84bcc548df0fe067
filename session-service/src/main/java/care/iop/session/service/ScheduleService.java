package care.iop.session.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import care.iop.session.domain.Booking;
import care.iop.session.domain.BookingStatus;
import care.iop.session.domain.TherapySession;
import io.quarkus.panache.common.Parameters;

/** Agendas: a patient's booked and waitlisted sessions; a clinician's sessions. Windows are [from, to). */
@ApplicationScoped
public class ScheduleService {

    public record Entry(TherapySession session, Booking booking) {
    }

    @Transactional
    public List<Entry> patientAgenda(UUID patientId, OffsetDateTime from, OffsetDateTime to) {
        List<Booking> bookings = Booking.list("patientId = :patient and status <> :cancelled and end > :from and start < :to order by start",
                Parameters.with("patient", patientId).and("cancelled", BookingStatus.CANCELLED).and("from", from).and("to", to));
        if (bookings.isEmpty()) {
            return List.of();
        }
        Map<UUID, TherapySession> sessions = TherapySession.<TherapySession>list("id in ?1", bookings.stream().map(b -> b.sessionId).toList())
                .stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
        return bookings.stream().map(b -> new Entry(sessions.get(b.sessionId), b)).toList();
    }

    @Transactional
    public List<TherapySession> clinicianSessions(UUID clinicianId, OffsetDateTime from, OffsetDateTime to) {
        return TherapySession.list("clinicianId = :clinician and end > :from and start < :to order by start",
                Parameters.with("clinician", clinicianId).and("from", from).and("to", to));
    }
}
