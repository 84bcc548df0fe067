package care.iop.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Carried by safety-flag events on {@link Topics#PLANS}. {@code status} is OPEN or ACKNOWLEDGED. */
public record SafetyFlagState(UUID flagId, UUID patientId, UUID assessmentId, String instrument, String reason,
                              String status, OffsetDateTime raisedAt) {
}
