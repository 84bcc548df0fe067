package care.iop.platform.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code iop.idempotency.*}: how long answers are kept, how long a running request holds its key, the purge, the test hook. */
@ConfigMapping(prefix = "iop.idempotency")
public interface IdempotencyConfig {
    /** How long the first answer is kept for a repeat (from the first request); afterwards the key is new again. */
    @WithDefault("24h")
    Duration retention();

    /**
     * How long a running request holds its key. A repeat meanwhile gets 409; after it (the request died before
     * committing) a repeat runs again, and a request still running then cannot record its answer and rolls back.
     */
    @WithDefault("60s")
    Duration lease();

    /** How often expired keys are deleted. */
    @WithDefault("10m")
    Duration purgeInterval();

    /** Test hooks: never enabled outside the system tests. */
    TestHooks testHooks();

    interface TestHooks {
        /**
         * When true, a request carrying {@value CrashAfterCommit#HEADER} halts the JVM right after its change and its
         * stored answer committed, before the answer is sent: the system tests' crash test. Off by default.
         */
        @WithDefault("false")
        boolean haltAfterCommit();
    }
}
