package care.iop.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Published on {@link Topics#SESSIONS} when attendance is recorded (or corrected: the latest event
 * for a session replaces the previous one). Per patient: status, minutes and the modality
 * (INDIVIDUAL, GROUP, FAMILY), so that plan-service can compute the weekly dose.
 */
public record AttendanceRecorded(UUID sessionId, String sessionType, OffsetDateTime start, OffsetDateTime end,
                                 List<Attendee> attendees) {

    /**
     * {@code status}: ATTENDED, LATE, LEFT_EARLY, ABSENT, EXCUSED, NO_SHOW; {@code part2}: this attendee's
     * record is a 42 CFR Part 2 record ({@link Part2}; null in events written before the label).
     */
    public record Attendee(UUID patientId, String status, int minutesAttended, String modality, Boolean part2) {
        public Attendee(UUID patientId, String status, int minutesAttended, String modality) {
            this(patientId, status, minutesAttended, modality, null);
        }
    }
}
