package care.iop.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import care.iop.platform.db.DirectSql;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * Outbox rows Kafka refused for good, moved to {@code outbox_parked} so the relay goes on with the events
 * after them. A parked row is logged once at ERROR (event id, type, topic and the error; never the payload,
 * which is patient data), counted in {@code iop_outbox_parked_events_total{error}}, and shown by the
 * {@code iop_outbox_parked} gauge and the {@code outbox} wellness check until an operator requeues or
 * discards it (docs/operations.md).
 */
@ApplicationScoped
public class ParkedEvents {
    private static final Logger LOG = Logger.getLogger(ParkedEvents.class);
    private static final int MAX_ERROR_MESSAGE = 2000;

    /** A row moved out of the outbox, reported once its transaction committed. */
    record Parked(String eventId, String type, String topic, Throwable error) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry metrics;

    void registerGauge(@Observes StartupEvent event) {
        Gauge.builder("iop.outbox.parked", this, ParkedEvents::countOrNaN)
                .description("Events Kafka refused for good, parked in outbox_parked until an operator requeues or discards them")
                .register(metrics);
    }

    /** Moves outbox row {@code outboxId} to {@code outbox_parked} with its error, on the relay's transaction. */
    Parked park(Connection connection, long outboxId, String eventId, String type, String topic, Throwable failure) throws SQLException {
        Throwable error = PublishFailures.cause(failure);
        try (PreparedStatement move = connection.prepareStatement("""
                with moved as (
                    delete from outbox where id = ?
                    returning id, event_id, topic, aggregate_id, type, subject, occurred_at, request_id, traceparent, payload)
                insert into outbox_parked (outbox_id, event_id, topic, aggregate_id, type, subject, occurred_at, request_id,
                                           traceparent, payload, parked_at, error_class, error_message)
                select id, event_id, topic, aggregate_id, type, subject, occurred_at, request_id, traceparent, payload,
                       now(), ?, ?
                from moved
                on conflict (event_id) do update set outbox_id = excluded.outbox_id, topic = excluded.topic,
                    aggregate_id = excluded.aggregate_id, type = excluded.type, subject = excluded.subject,
                    occurred_at = excluded.occurred_at, request_id = excluded.request_id, traceparent = excluded.traceparent,
                    payload = excluded.payload, parked_at = excluded.parked_at, error_class = excluded.error_class,
                    error_message = excluded.error_message""")) {
            DirectSql.bind(move, outboxId, error.getClass().getName(), truncate(error.getMessage()));
            move.executeUpdate();
        }
        return new Parked(eventId, type, topic, error);
    }

    /** Logs and counts a parked row, after the transaction that parked it committed. */
    void report(Parked parked) {
        LOG.errorf("Outbox event %s (type %s, topic %s) parked: Kafka refused it for good (%s: %s). The events after it"
                        + " are published; requeue or discard it from outbox_parked (docs/operations.md, \"Parked events\")",
                parked.eventId(), parked.type(), parked.topic(), parked.error().getClass().getName(), parked.error().getMessage());
        Counter.builder("iop.outbox.parked.events")
                .description("Events this process parked because Kafka refused them for good, by error")
                .tag("error", parked.error().getClass().getSimpleName())
                .register(metrics)
                .increment();
    }

    /** Rows in {@code outbox_parked}. */
    public long count() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("select count(*) from outbox_parked");
             ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private double countOrNaN() {
        try {
            return count();
        } catch (SQLException e) {
            return Double.NaN;
        }
    }

    private static String truncate(String message) {
        return message == null || message.length() <= MAX_ERROR_MESSAGE ? message : message.substring(0, MAX_ERROR_MESSAGE);
    }
}
