package care.iop.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.platform.db.DirectSql;
import care.iop.platform.web.RequestIds;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * Records an event in the {@code outbox} table inside the caller's transaction, so the state change
 * and its event commit together. After commit, the relay is woken to publish it.
 * <p>
 * A payload larger than {@code iop.outbox.max-payload-size} (900 KiB, below Kafka's 1 MiB default
 * {@code max.request.size} and {@code message.max.bytes} with room for the key and headers) is refused
 * with an {@link IllegalStateException}: the caller's transaction rolls back, so an event Kafka would
 * refuse never enters the outbox. That is a bug of the producing service (its events must stay small),
 * hence a 500, not the client's fault.
 */
@ApplicationScoped
public class Outbox {
    private static final String WAKE_KEY = Outbox.class.getName() + ".wake";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "iop.outbox.max-payload-size", defaultValue = "900K")
    MemorySize maxPayloadSize;

    /**
     * Where an event comes from: the request id and the trace context it carries. Taken from the
     * calling thread by {@link #current()}, so an event written by another thread for this request
     * still names it.
     */
    public record Origin(String requestId, String traceparent) {
        public static Origin current() {
            return new Origin(RequestIds.current(), Outbox.traceparent());
        }
    }

    /**
     * @param topic a {@code care.iop.events.Topics} name
     * @param aggregateId the record key: events of one aggregate keep their order
     * @param type a {@code care.iop.events.EventTypes} name
     * @param payload a record of the events module, serialized as JSON
     * @return the event id ({@code ce_id})
     * @throws IllegalStateException when the serialized payload exceeds {@code iop.outbox.max-payload-size}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, Object aggregateId, String type, Object payload) {
        return publish(topic, aggregateId, type, payload, Origin.current());
    }

    /** Like {@link #publish(String, Object, String, Object)}, for a request other than the current thread's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, Object aggregateId, String type, Object payload, Origin origin) {
        UUID eventId = UUID.randomUUID();
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload is not serializable: " + type, e);
        }
        requireBounded(type, body);
        DirectSql.update(em, """
                        insert into outbox (event_id, topic, aggregate_id, type, subject, occurred_at, request_id, traceparent, payload)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                eventId, topic, aggregateId.toString(), type, aggregateId.toString(), OffsetDateTime.now(ZoneOffset.UTC),
                origin.requestId(), origin.traceparent(), body);
        wakeRelayAfterCommit();
        return eventId;
    }

    /** Refuses a payload over the configured size (its UTF-8 bytes); the message names the type and sizes, never the content. */
    private void requireBounded(String type, String body) {
        long max = maxPayloadSize.asLongValue();
        // A char takes at most 3 UTF-8 bytes: most events skip the encoding.
        if (body.length() * 3L <= max) {
            return;
        }
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > max) {
            throw new IllegalStateException("Event " + type + " has a payload of " + bytes
                    + " bytes, more than iop.outbox.max-payload-size (" + max + " bytes): it is not written");
        }
    }

    /** W3C trace context of the current span, so the consumer's span joins the producer's trace. */
    private static String traceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_KEY) != null) {
            return;
        }
        transactions.putResource(WAKE_KEY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
