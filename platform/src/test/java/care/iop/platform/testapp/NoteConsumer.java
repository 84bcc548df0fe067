package care.iop.platform.testapp;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.platform.inbox.IncomingEvent;
import care.iop.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Projects note events; counts how often each was applied, so a test sees a double application. A note
 * whose text is {@code flaky:N} fails its first N attempts, as a database outage would.
 */
@ApplicationScoped
public class NoteConsumer {

    @Inject
    EntityManager em;

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper json;

    @Incoming("notes")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> records) {
        return inbox.applyAll("note-projection", records, this::apply);
    }

    private void apply(IncomingEvent event) {
        if (!NoteEvent.TYPE.equals(event.type())) {
            throw event.unsupported();
        }
        NoteEvent note = event.payloadAs(NoteEvent.class, json);
        failWhileFlaky(note);
        em.createNativeQuery("""
                        insert into note_projection (id, text, applied_count) values (?1, ?2, 1)
                        on conflict (id) do update set applied_count = note_projection.applied_count + 1""")
                .setParameter(1, note.id()).setParameter(2, note.text()).executeUpdate();
    }

    /** Attempts to apply each note so far, by note id. */
    public static final Map<UUID, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    private static void failWhileFlaky(NoteEvent note) {
        int attempt = ATTEMPTS.computeIfAbsent(note.id(), id -> new AtomicInteger()).incrementAndGet();
        if (note.text().startsWith("flaky:") && attempt <= Integer.parseInt(note.text().substring("flaky:".length()))) {
            throw new IllegalStateException("simulated outage, attempt " + attempt);
        }
    }
}
