package care.iop.platform.outbox;

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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.platform.db.DirectSql;
import care.iop.platform.web.RequestIds;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * Records an event in the {@code outbox} table inside the caller's transaction, so the state change
 * and its event commit together. After commit, the relay is woken to publish it.
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
        DirectSql.update(em, """
                        insert into outbox (event_id, topic, aggregate_id, type, subject, occurred_at, request_id, traceparent, payload)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                eventId, topic, aggregateId.toString(), type, aggregateId.toString(), OffsetDateTime.now(ZoneOffset.UTC),
                origin.requestId(), origin.traceparent(), body);
        wakeRelayAfterCommit();
        return eventId;
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
