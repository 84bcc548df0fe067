package care.iop.platform.consistency;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;

/**
 * The bounded wait of read-your-writes: a request that needs versions of other services' aggregates its read models do
 * not hold yet sleeps until a consumer applies them ({@link ReadModelSignals}) or the deadline passes. A request whose
 * versions are all held returns after one query and blocks nothing. Never waits on an I/O thread.
 * <p>
 * Metrics: {@code iop_read_model_waits_seconds{outcome}} (a timer of the waits: {@code caught-up}, {@code timed-out},
 * {@code refused} when {@code iop.read-your-writes.max-waiting} requests already wait) and {@code iop_read_model_waiting}.
 */
@ApplicationScoped
public class ReadModelWait {
    static final String METRIC = "iop.read.model.waits";

    @Inject
    ReadYourWritesConfig config;

    @Inject
    ReadModelVersions versions;

    @Inject
    ReadModelSignals signals;

    @Inject
    MeterRegistry metrics;

    private Semaphore slots;

    void registerMetrics(@Observes StartupEvent event) {
        slots();
        Gauge.builder("iop.read.model.waiting", this, w -> w.config.maxWaiting() - w.slots().availablePermits())
                .description("Requests waiting for a read model to catch up").register(metrics);
    }

    private synchronized Semaphore slots() {
        if (slots == null) {
            slots = new Semaphore(Math.max(0, config.maxWaiting()));
        }
        return slots;
    }

    /** The deadline of a wait starting now: {@code iop.read-your-writes.max-wait} from now ({@link System#nanoTime()}). */
    public long deadline() {
        return System.nanoTime() + config.maxWait().toNanos();
    }

    /**
     * Returns once the read models hold at least these versions (kinds this service does not keep are ignored).
     *
     * @param field the request's field that names them, for the problem
     * @param deadline {@link System#nanoTime()} by which they must be there
     * @throws ReadModelBehindException 503 when they are not there by the deadline
     */
    public void until(Collection<AggregateVersion> wanted, String field, long deadline) {
        List<AggregateVersion> held = versions.held(wanted);
        if (held.isEmpty()) {
            return;
        }
        Set<AggregateVersion> behind = versions.behind(held);
        if (behind.isEmpty()) {
            return;
        }
        if (Context.isOnEventLoopThread() || !slots().tryAcquire()) {
            record("refused", System.nanoTime());
            throw ReadModelBehindException.afterWaiting(field, behind);
        }
        long start = System.nanoTime();
        try {
            while (true) {
                try (Waiters.Waiter waiter = signals.waiters().register(behind.stream().map(v -> v.id().toString()).toList())) {
                    // looked at again once registered: a commit between the last look and the registration is seen here
                    behind = versions.behind(behind);
                    if (behind.isEmpty()) {
                        record("caught-up", start);
                        return;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || !waiter.await(left)) {
                        record("timed-out", start);
                        throw ReadModelBehindException.afterWaiting(field, behind);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            record("timed-out", start);
            throw ReadModelBehindException.afterWaiting(field, behind);
        } finally {
            slots().release();
        }
    }

    private void record(String outcome, long start) {
        Timer.builder(METRIC).description("Requests that waited for a read model to catch up, by outcome")
                .tag("outcome", outcome).register(metrics).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
