package care.iop.platform.consistency;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code iop.read-your-writes.*}: how long a request waits for a read model, and which read models this service keeps. */
@ConfigMapping(prefix = "iop.read-your-writes")
public interface ReadYourWritesConfig {
    /** The longest a request waits for its read models to catch up, in all (then 503 read-model-behind). */
    @WithDefault("2s")
    Duration maxWait();

    /** The {@code Retry-After} of the 503 answered when the wait runs out (whole seconds, at least 1). */
    @WithDefault("1s")
    Duration retryAfter();

    /**
     * The most requests of one process waiting at once; a request beyond it answers 503 at once instead of waiting. A
     * waiting request holds a worker thread (no database connection): keep it well below the worker pool
     * ({@code quarkus.thread-pool.max-threads}, 200 on a small machine), so the rest of the service keeps its threads.
     */
    @WithDefault("50")
    int maxWaiting();

    /**
     * The read models this service keeps from other services' events: aggregate kind ({@code patient}, {@code clinician},
     * {@code plan}) → table. Each table has the id column {@code <kind>_id} and the applied version in {@code version}.
     * Empty in a service that keeps none (participant-service): it then ignores {@code Consistency-Token}.
     */
    Map<String, String> readModels();
}
