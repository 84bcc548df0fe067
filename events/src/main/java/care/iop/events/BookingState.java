package care.iop.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Carried by booking events on {@link Topics#SESSIONS}, keyed by the session id.
 * {@code status} is BOOKED, WAITLISTED or CANCELLED; {@code late} marks a cancellation under 24 h before start;
 * {@code part2}: the booking is a 42 CFR Part 2 record ({@link Part2}; null in events written before the label).
 */
public record BookingState(UUID sessionId, UUID patientId, String sessionType, OffsetDateTime start,
                           OffsetDateTime end, String status, Integer waitlistPosition, boolean late,
                           String reason, Boolean part2) {

    public BookingState(UUID sessionId, UUID patientId, String sessionType, OffsetDateTime start, OffsetDateTime end,
                        String status, Integer waitlistPosition, boolean late, String reason) {
        this(sessionId, patientId, sessionType, start, end, status, waitlistPosition, late, reason, null);
    }
}
