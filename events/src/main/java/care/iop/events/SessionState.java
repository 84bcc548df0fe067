package care.iop.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Carried by session events on {@link Topics#SESSIONS}. {@code type} is INDIVIDUAL, GROUP or FAMILY;
 * {@code status} follows FHIR Appointment (booked, cancelled, fulfilled).
 */
public record SessionState(UUID sessionId, UUID seriesId, String type, UUID clinicianId, OffsetDateTime start,
                           OffsetDateTime end, String status, Integer capacity, long version) {
}
