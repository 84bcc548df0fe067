package care.iop.platform.inbox;

import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;

/**
 * The failure strategy of every consumer channel ({@code failure-strategy=iop-dead-letter}): an event
 * that can never be processed goes to the channel's dead-letter topic and the partition moves on;
 * any other failure (one {@link Inbox} gave up retrying) stops the channel without committing the
 * event, so it is never skipped: liveness turns DOWN and the restarted process reads it again.
 */
@ApplicationScoped
@Identifier(DeadLetterUnprocessable.STRATEGY)
public class DeadLetterUnprocessable implements KafkaFailureHandler.Factory {
    public static final String STRATEGY = "iop-dead-letter";

    @Inject
    @Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE)
    KafkaFailureHandler.Factory deadLetterQueue;

    @Inject
    @Identifier(KafkaFailureHandler.Strategy.FAIL)
    KafkaFailureHandler.Factory failStop;

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx, KafkaConsumer<?, ?> consumer,
                                      BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler deadLetter = deadLetterQueue.create(config, vertx, consumer, reportFailure);
        KafkaFailureHandler stop = failStop.create(config, vertx, consumer, reportFailure);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                return UnprocessableEventException.in(reason) != null
                        ? deadLetter.handle(record, reason, metadata)
                        : stop.handle(record, reason, metadata);
            }

            @Override
            public void terminate() {
                deadLetter.terminate();
                stop.terminate();
            }
        };
    }
}
