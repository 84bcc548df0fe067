package care.iop.plan.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.events.AttendanceRecorded;
import care.iop.events.EventTypes;
import care.iop.plan.readmodel.ReadModelWriter;
import care.iop.platform.inbox.IncomingEvent;
import care.iop.platform.inbox.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;

/**
 * The only consumer of {@code iop.sessions} in plan-service: keeps {@code attended_session} from
 * attendance events. Session and booking events are known and deliberately ignored; unknown types
 * or versions go to the dead-letter topic.
 */
@ApplicationScoped
public class SessionEventsConsumer {
    static final String NAME = "plan-sessions";
    static final Set<String> IGNORED_TYPES = Set.of(EventTypes.SESSION_SCHEDULED, EventTypes.SESSION_RESCHEDULED,
            EventTypes.SESSION_CANCELLED, EventTypes.BOOKING_CONFIRMED, EventTypes.BOOKING_WAITLISTED,
            EventTypes.BOOKING_PROMOTED, EventTypes.BOOKING_CANCELLED);

    @Inject
    ProcessedEvents processed;

    @Inject
    ReadModelWriter writer;

    @Inject
    ObjectMapper json;

    @Incoming("sessions")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record).bindRequestId();
        if (IGNORED_TYPES.contains(event.type())) {
            return;
        }
        if (!EventTypes.ATTENDANCE_RECORDED.equals(event.type())) {
            throw event.unsupported();
        }
        if (!processed.firstDelivery(NAME, event.id())) {
            return;
        }
        writer.replaceAttendance(event.payloadAs(AttendanceRecorded.class, json));
    }
}
