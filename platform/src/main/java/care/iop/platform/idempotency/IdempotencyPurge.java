package care.iop.platform.idempotency;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Deletes expired Idempotency-Key rows (their answers hold patient data, kept only for iop.idempotency.retention)
 * every iop.idempotency.purge-interval, 1000 rows per transaction. Replicas may purge at the same time: each deletes
 * what is expired, nothing else.
 */
@ApplicationScoped
public class IdempotencyPurge {
    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);
    private static final int BATCH = 1000;

    @Inject
    IdempotencyStore store;

    @Inject
    IdempotencyConfig config;

    private ScheduledExecutorService executor;
    private volatile boolean stopping;

    void start(@Observes StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "idempotency-purge");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.purgeInterval().toMillis();
        executor.scheduleWithFixedDelay(this::purgeExpired, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Deletes every expired key, one batch per transaction; how many. */
    public int purgeExpired() {
        int total = 0;
        try {
            int deleted;
            do {
                deleted = store.purge(BATCH);
                total += deleted;
            } while (deleted == BATCH && !stopping);
        } catch (Exception e) {
            if (!stopping) {
                LOG.warnf("Expired Idempotency-Key rows could not be deleted (will retry in %s): %s", config.purgeInterval(), e.toString());
            }
        }
        return total;
    }
}
