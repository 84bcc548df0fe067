package care.iop.platform.outbox;

import java.util.List;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidPidMappingException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidRequiredAcksException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.errors.UnknownProducerIdException;
import org.apache.kafka.common.errors.UnknownServerException;
import org.apache.kafka.common.errors.UnsupportedForMessageFormatException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Tells a failure that belongs to one outbox row, and will recur every time that row is sent, from a
 * failure that passes or that concerns every row alike.
 * <p>
 * A row is refused for good when Kafka answers with an error that is not a {@link RetriableException}
 * and is about the record or its topic: {@code RecordTooLargeException}, {@code RecordBatchTooLargeException},
 * {@code InvalidTopicException}, {@code TopicAuthorizationException}, {@code InvalidRecordException},
 * {@code InvalidTimestampException}, ... Everything else is retried in place, as for a broker outage: retriable
 * errors (timeouts, an unknown topic or partition, not enough replicas), errors of the producer or the
 * connection rather than the record (authentication, cluster authorization, idempotence sequence errors,
 * unsupported versions), the broker's unexpected errors, and anything that is not a Kafka error. Parking those
 * would park every event of the service.
 */
final class PublishFailures {
    private static final List<Class<? extends ApiException>> NOT_THE_RECORDS = List.of(
            AuthenticationException.class,
            ClusterAuthorizationException.class,
            TransactionalIdAuthorizationException.class,
            ProducerFencedException.class,
            InvalidProducerEpochException.class,
            OutOfOrderSequenceException.class,
            UnknownProducerIdException.class,
            InvalidPidMappingException.class,
            UnsupportedVersionException.class,
            UnsupportedForMessageFormatException.class,
            InvalidRequiredAcksException.class,
            UnknownServerException.class);

    private PublishFailures() {
    }

    /** The Kafka error behind a failed send (the cause of an {@link ExecutionException}). */
    static Throwable cause(Throwable failure) {
        return failure instanceof ExecutionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** True when the broker or the producer refused this record for good: sending it again cannot succeed. */
    static boolean refusedForGood(Throwable failure) {
        Throwable cause = cause(failure);
        return cause instanceof ApiException
                && !(cause instanceof RetriableException)
                && NOT_THE_RECORDS.stream().noneMatch(type -> type.isInstance(cause));
    }
}
