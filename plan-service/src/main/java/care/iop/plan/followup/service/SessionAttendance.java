package care.iop.plan.followup.service;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * The command the follow-ups take from an applied attendance event: the session, its start, each attendee's status
 * now ({@code statuses}) and as recorded before this event ({@code previous}, empty for a first recording).
 */
public record SessionAttendance(UUID sessionId, OffsetDateTime start, Map<UUID, String> statuses, Map<UUID, String> previous) {
}
