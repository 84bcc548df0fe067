package care.iop.plan.messaging;

import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.events.AttendanceRecorded;
import care.iop.events.BookingState;
import care.iop.events.EventTypes;
import care.iop.events.SessionState;
import care.iop.plan.followup.messaging.AttendanceFollowUps;
import care.iop.plan.readmodel.ReadModelWriter;
import care.iop.platform.inbox.IncomingEvent;
import care.iop.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The only consumer of {@code iop.sessions} in plan-service: keeps {@code attended_session} from
 * attendance events and {@code booked_session} from booking events (and rescheduled sessions), the
 * sources of the weekly dose's attended and scheduled hours (attendance also opens and cancels the no-show follow-ups,
 * {@link AttendanceFollowUps}). New and cancelled sessions and progress notes are known and
 * ignored (a cancellation cancels its bookings with events of their own); unknown types or versions
 * go to the dead-letter topic.
 */
@ApplicationScoped
public class SessionEventsConsumer {
    static final String NAME = "plan-sessions";
    static final Set<String> IGNORED_TYPES = Set.of(EventTypes.SESSION_SCHEDULED, EventTypes.SESSION_CANCELLED,
            EventTypes.PROGRESS_NOTE_DRAFTED, EventTypes.PROGRESS_NOTE_SIGNED, EventTypes.PROGRESS_NOTE_ENTERED_IN_ERROR,
            EventTypes.PROGRESS_NOTE_ADDENDUM_ADDED, EventTypes.PROGRESS_NOTE_ADDENDUM_SIGNED);
    static final Set<String> BOOKING_TYPES = Set.of(EventTypes.BOOKING_CONFIRMED, EventTypes.BOOKING_WAITLISTED,
            EventTypes.BOOKING_PROMOTED, EventTypes.BOOKING_CANCELLED);

    @Inject
    Inbox inbox;

    @Inject
    ReadModelWriter writer;

    @Inject
    AttendanceFollowUps attendance;

    @Inject
    ObjectMapper json;

    @Incoming("sessions")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> records) {
        return inbox.applyAll(NAME, records, this::apply);
    }

    private void apply(IncomingEvent event) {
        if (BOOKING_TYPES.contains(event.type())) {
            writer.upsertBooking(event.payloadAs(BookingState.class, json));
        } else if (EventTypes.SESSION_RESCHEDULED.equals(event.type())) {
            writer.moveBookings(event.payloadAs(SessionState.class, json));
        } else if (EventTypes.ATTENDANCE_RECORDED.equals(event.type())) {
            attendance.apply(event.payloadAs(AttendanceRecorded.class, json));
        } else if (!IGNORED_TYPES.contains(event.type())) {
            throw event.unsupported();
        }
    }
}
