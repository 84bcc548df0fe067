package care.iop.platform.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import care.iop.platform.consistency.ReadModelSignals;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Applies consumed events exactly once and never skips one: the handler runs in a transaction together
 * with the record of the event id ({@link ProcessedEvents}); a redelivered event is skipped.
 * <p>
 * A consumer channel reads in batches ({@code batch=true}): the events of one poll are applied in one
 * transaction, which saves a commit per event when a backlog or a burst arrives. When that transaction
 * fails for any reason, nothing of it stays and the same events are applied one by one, each in its own
 * transaction as below, so one bad event costs the others nothing.
 * <p>
 * A failure that may pass (database down, lock timeout, deadlock, a bug fixed by the next deploy) is
 * retried with exponential backoff while the partition waits, so the order per aggregate is kept.
 * Only an {@link UnprocessableEventException} is thrown at once, for the dead-letter topic. When the
 * retries take longer than {@code iop.consumer.retry.give-up-after} (or the process shuts down), the
 * failure is thrown; the channel's failure strategy ({@link DeadLetterUnprocessable}) then stops the
 * channel without committing the event, liveness turns DOWN, and the restarted process reads the
 * event again.
 * <p>
 * Once a transaction that applied events commits, the requests waiting for those aggregates look at the read models
 * again ({@link ReadModelSignals}, read-your-writes).
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    ProcessedEvents processed;

    @Inject
    MeterRegistry metrics;

    @Inject
    ReadModelSignals signals;

    @ConfigProperty(name = "iop.consumer.retry.initial-delay", defaultValue = "200ms")
    Duration initialDelay;

    @ConfigProperty(name = "iop.consumer.retry.max-delay", defaultValue = "10s")
    Duration maxDelay;

    @ConfigProperty(name = "iop.consumer.retry.give-up-after", defaultValue = "5m")
    Duration giveUpAfter;

    /**
     * Applies the records of one poll and settles each: acknowledged once applied (or skipped as a
     * redelivery), dead-lettered when unprocessable; the first record that still fails after the retries
     * is nacked, which stops the channel, and the records after it stay unsettled and are read again.
     *
     * @param consumer the consumer's name in {@code processed_event} (one per service and topic)
     * @param batch the records of one poll, in partition order
     * @param handler applies one event; runs inside the transaction
     * @return completes when every settled record is acknowledged or dead-lettered
     */
    public CompletionStage<Void> applyAll(String consumer, KafkaRecordBatch<String, String> batch, Consumer<IncomingEvent> handler) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        if (records.size() > 1 && appliedTogether(consumer, records, handler)) {
            return batch.ack();
        }
        List<CompletableFuture<Void>> settled = new ArrayList<>(records.size());
        for (KafkaRecord<String, String> record : records) {
            try {
                apply(consumer, IncomingEvent.from(record).bindRequestId(), handler);
                settled.add(record.ack().toCompletableFuture());
            } catch (UnprocessableEventException e) {
                settled.add(record.nack(e).toCompletableFuture());
            } catch (RuntimeException e) {
                settled.add(record.nack(e).toCompletableFuture());
                break; // the channel stops at this record: the ones after it are read again after the restart
            }
        }
        return CompletableFuture.allOf(settled.toArray(CompletableFuture[]::new));
    }

    private boolean appliedTogether(String consumer, List<KafkaRecord<String, String>> records, Consumer<IncomingEvent> handler) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                List<String> applied = new ArrayList<>(records.size());
                for (KafkaRecord<String, String> record : records) {
                    IncomingEvent event = IncomingEvent.from(record).bindRequestId();
                    if (processed.firstDelivery(consumer, event.id())) {
                        handler.accept(event);
                        applied.add(event.aggregateId());
                    }
                }
                signals.applied(applied);
            });
            return true;
        } catch (RuntimeException e) {
            LOG.infof("Consumer %s could not apply a batch of %d events together (%s); applying them one by one", consumer, records.size(),
                    e.getClass().getName());
            return false;
        }
    }

    /** One event in its own transaction, retried while its failure may pass; an unprocessable one is thrown at once. */
    private void apply(String consumer, IncomingEvent event, Consumer<IncomingEvent> handler) {
        long giveUpAt = System.nanoTime() + giveUpAfter.toNanos();
        Duration delay = initialDelay;
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (processed.firstDelivery(consumer, event.id())) {
                        handler.accept(event);
                        signals.applied(java.util.Collections.singletonList(event.aggregateId()));
                    }
                });
                if (attempt > 1) {
                    LOG.infof("Consumer %s applied event %s (%s) at attempt %d", consumer, event.id(), event.type(), attempt);
                }
                return;
            } catch (RuntimeException e) {
                UnprocessableEventException unprocessable = UnprocessableEventException.in(e);
                if (unprocessable != null) {
                    throw unprocessable;
                }
                metrics.counter("iop.consumer.retries", "consumer", consumer).increment();
                if (System.nanoTime() + delay.toNanos() > giveUpAt) {
                    LOG.errorf(e, "Consumer %s gives up on event %s (%s) after %d attempts; the channel stops and the event is read again after a restart",
                            consumer, event.id(), event.type(), attempt);
                    throw e;
                }
                LOG.warnf("Consumer %s could not apply event %s (%s), attempt %d, retrying in %d ms: %s", consumer, event.id(),
                        event.type(), attempt, delay.toMillis(), e.toString());
                if (!sleep(delay)) {
                    throw e;
                }
                Duration doubled = delay.multipliedBy(2);
                delay = doubled.compareTo(maxDelay) > 0 ? maxDelay : doubled;
            }
        }
    }

    private static boolean sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
