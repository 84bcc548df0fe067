package care.iop.platform.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.platform.inbox.IncomingEvent;
import care.iop.platform.inbox.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;

/** Projects note events; counts how often each was applied, so a test sees a double application. */
@ApplicationScoped
public class NoteConsumer {

    @Inject
    EntityManager em;

    @Inject
    ProcessedEvents processed;

    @Inject
    ObjectMapper json;

    @Incoming("notes")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record).bindRequestId();
        if (!processed.firstDelivery("note-projection", event.id())) {
            return;
        }
        if (!NoteEvent.TYPE.equals(event.type())) {
            throw event.unsupported();
        }
        NoteEvent note = event.payloadAs(NoteEvent.class, json);
        em.createNativeQuery("""
                        insert into note_projection (id, text, applied_count) values (?1, ?2, 1)
                        on conflict (id) do update set applied_count = note_projection.applied_count + 1""")
                .setParameter(1, note.id()).setParameter(2, note.text()).executeUpdate();
    }
}
