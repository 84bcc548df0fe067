package care.iop.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.common.annotation.Identifier;
import org.jboss.logging.Logger;

import care.iop.platform.db.DirectSql;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes outbox rows to Kafka as CloudEvents (binary mode), key = aggregate id, with an
 * idempotent {@code acks=all} producer; a row is deleted only after the broker acknowledged it.
 * <p>
 * Woken right after each commit that wrote an event; a periodic sweep covers crashes and broker
 * outages. One publisher per database at a time (a transaction-scoped advisory lock), and rows are
 * taken {@code FOR UPDATE SKIP LOCKED}: two replicas never publish the same row at once, and the
 * order per aggregate is kept.
 * <p>
 * A row Kafka refuses for good (too large, invalid topic name, not authorized: {@link PublishFailures}) is
 * parked ({@link ParkedEvents}) and the rows after it go out, those of the same aggregate included. Any
 * other failure stops the batch at that row, which is sent again with the rows after it on the next sweep.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long ADVISORY_LOCK = 0x10b_0b0bL;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry metrics;

    @Inject
    ParkedEvents parking;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** Every {@code kafka.*} setting (env {@code KAFKA_*} too), as the messaging connector sees them: TLS and SASL among them. */
    @Inject
    @Identifier("default-kafka-broker")
    Instance<Map<String, Object>> kafkaConfig;

    @ConfigProperty(name = "quarkus.application.name", defaultValue = "iop")
    String applicationName;

    @ConfigProperty(name = "iop.outbox.sweep-interval", defaultValue = "2s")
    Duration sweepInterval;

    @ConfigProperty(name = "iop.outbox.batch-size", defaultValue = "200")
    int batchSize;

    private final AtomicBoolean drainPending = new AtomicBoolean();
    private ScheduledExecutorService executor;
    private KafkaProducer<String, String> producer;
    private volatile long lastFailureLog;

    /**
     * The relay's producer: the service's {@code kafka.*} settings a producer knows (security protocol, TLS, SASL, ...)
     * and then the relay's own, which nothing overrides (every event acknowledged by all replicas, in order, at most
     * 15 s in flight).
     */
    static Properties producerSettings(Map<String, Object> kafka, String bootstrapServers, String clientId) {
        Properties props = new Properties();
        kafka.forEach((name, value) -> {
            if (ProducerConfig.configNames().contains(name)) {
                props.put(name, value);
            }
        });
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return props;
    }

    void start(@Observes StartupEvent event) {
        Properties props = producerSettings(kafkaConfig.isResolvable() ? kafkaConfig.get() : Map.of(), bootstrapServers,
                applicationName + "-outbox");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::wake, 0, sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
        Gauge.builder("iop.outbox.backlog", this, OutboxRelay::backlog)
                .description("Events written to the outbox and not yet acknowledged by Kafka")
                .register(metrics);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks for a drain soon; calls while one is pending coalesce. */
    public void wake() {
        if (executor != null && drainPending.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        drainPending.set(false);
        try {
            Batch batch;
            do {
                batch = publishBatch();
            } while (batch.stoppedBy() == null && batch.handled() == batchSize);
            if (batch.stoppedBy() != null) {
                logRetry(batch.stoppedBy());
            }
        } catch (Exception e) {
            logRetry(e);
        }
    }

    private void logRetry(Exception e) {
        long now = System.currentTimeMillis();
        if (now - lastFailureLog > 30_000) {
            lastFailureLog = now;
            LOG.warnf("Outbox relay could not publish (will retry every %s): %s", sweepInterval,
                    PublishFailures.cause(e).toString());
        }
    }

    /**
     * What one batch did: how many rows it settled (published or parked) and, when it stopped early, the
     * failure that stopped it (a row to send again, as everything after it).
     */
    record Batch(int handled, Exception stoppedBy, List<ParkedEvents.Parked> parked) {
        static final Batch EMPTY = new Batch(0, null, List.of());
    }

    /** A row handed to the producer, with its acknowledgement to come. */
    private record Sent(long id, String eventId, String type, String topic, Future<RecordMetadata> ack) {
    }

    /** Publishes one batch in one database transaction, then reports what it parked. */
    Batch publishBatch() throws Exception {
        Batch batch = DirectSql.inOwnTransaction(dataSource, this::publishBatch);
        batch.parked().forEach(parking::report);
        return batch;
    }

    /**
     * Sends the oldest rows, then settles them in order: acknowledged rows are deleted, a row Kafka refused
     * for good is parked; the first row that failed otherwise stops the batch: it and the rows after it stay
     * in the outbox and are sent again, in order, at the next attempt.
     */
    private Batch publishBatch(Connection connection) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, ADVISORY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return Batch.EMPTY;
                }
            }
        }
        List<Sent> sent = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select id, event_id, topic, aggregate_id, type, subject, occurred_at, request_id, traceparent, payload
                from outbox order by id limit ? for update skip locked""")) {
            select.setInt(1, batchSize);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    sent.add(new Sent(rs.getLong("id"), rs.getString("event_id"), rs.getString("type"), rs.getString("topic"),
                            send(toRecord(rs))));
                }
            }
        }
        List<Long> published = new ArrayList<>();
        List<ParkedEvents.Parked> parked = new ArrayList<>();
        Exception stoppedBy = null;
        for (Sent row : sent) {
            try {
                row.ack().get(30, TimeUnit.SECONDS);
                published.add(row.id());
            } catch (ExecutionException e) {
                if (!PublishFailures.refusedForGood(e)) {
                    stoppedBy = e;
                    break;
                }
                parked.add(parking.park(connection, row.id(), row.eventId(), row.type(), row.topic(), e));
            } catch (TimeoutException e) {
                stoppedBy = e;
                break;
            }
        }
        if (!published.isEmpty()) {
            try (PreparedStatement delete = connection.prepareStatement("delete from outbox where id = any(?)")) {
                delete.setArray(1, connection.createArrayOf("bigint", published.toArray()));
                delete.executeUpdate();
            }
        }
        return new Batch(published.size() + parked.size(), stoppedBy, parked);
    }

    /** Hands a record to the producer; a failure to even accept it becomes a failed acknowledgement. */
    private Future<RecordMetadata> send(ProducerRecord<String, String> record) {
        try {
            return producer.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private ProducerRecord<String, String> toRecord(ResultSet rs) throws SQLException {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(headers, CloudEventHeaders.ID, rs.getString("event_id"));
        header(headers, CloudEventHeaders.SOURCE, "/iop/" + applicationName);
        header(headers, CloudEventHeaders.TYPE, rs.getString("type"));
        header(headers, CloudEventHeaders.SUBJECT, rs.getString("subject"));
        header(headers, CloudEventHeaders.TIME, rs.getObject("occurred_at", java.time.OffsetDateTime.class)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        header(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        header(headers, CloudEventHeaders.REQUEST_ID, rs.getString("request_id"));
        header(headers, CloudEventHeaders.TRACEPARENT, rs.getString("traceparent"));
        return new ProducerRecord<>(rs.getString("topic"), null, rs.getString("aggregate_id"), rs.getString("payload"), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Rows not yet published, for the {@code iop_outbox_backlog} gauge. */
    double backlog() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("select count(*) from outbox");
             ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
