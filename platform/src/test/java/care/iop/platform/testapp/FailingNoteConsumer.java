package care.iop.platform.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.platform.inbox.Inbox;
import care.iop.platform.inbox.IncomingEvent;
import io.smallrye.common.annotation.Blocking;

/**
 * A second consumer of the note topic (its own group) with a bug: it can never apply a note whose
 * text is {@code bug}. Shows that such an event is neither skipped nor dead-lettered: the channel stops.
 */
@ApplicationScoped
public class FailingNoteConsumer {
    public static final String GROUP = "platform-test-failing";

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper json;

    @Incoming("notes-failing")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.apply("note-failing", IncomingEvent.from(record).bindRequestId(), event -> {
            if ("bug".equals(event.payloadAs(NoteEvent.class, json).text())) {
                throw new IllegalStateException("a bug in this consumer");
            }
        });
    }
}
