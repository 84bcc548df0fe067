package care.iop.platform.testapp;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

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
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> records) {
        return inbox.applyAll("note-failing", records, event -> {
            if ("bug".equals(event.payloadAs(NoteEvent.class, json).text())) {
                throw new IllegalStateException("a bug in this consumer");
            }
        });
    }
}
