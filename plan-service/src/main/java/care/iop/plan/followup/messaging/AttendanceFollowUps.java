package care.iop.plan.followup.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import care.iop.events.AttendanceRecorded;
import care.iop.plan.followup.service.NoShowFollowUps;
import care.iop.plan.followup.service.SessionAttendance;
import care.iop.plan.readmodel.ReadModelWriter;

/**
 * Applies an attendance event ({@code care.iop.session.attendance-recorded.v1}) for plan-service's consumer of
 * iop.sessions: replaces the session's attendance read model and, in the same transaction, opens or cancels the
 * follow-up tasks it calls for. The statuses recorded before are read first, so that only a newly missed session counts
 * toward the attendance policy (a correction that re-publishes a miss counts nothing twice).
 */
@ApplicationScoped
public class AttendanceFollowUps {

    @Inject
    ReadModelWriter writer;

    @Inject
    NoShowFollowUps followUps;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(AttendanceRecorded attendance) {
        Map<UUID, String> previous = attendance.sessionId() == null ? Map.of() : followUps.recordedStatuses(attendance.sessionId());
        writer.replaceAttendance(attendance); // validates the event (unprocessable: dead-lettered)
        Map<UUID, String> statuses = new HashMap<>();
        attendance.attendees().forEach(attendee -> statuses.put(attendee.patientId(), attendee.status()));
        followUps.apply(new SessionAttendance(attendance.sessionId(), attendance.start(), statuses, previous));
    }
}
