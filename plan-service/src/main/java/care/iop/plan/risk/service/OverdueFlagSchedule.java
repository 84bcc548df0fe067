package care.iop.plan.risk.service;

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
 * Runs the {@link OverdueCheck} every {@code iop.risk.overdue-check}, the first time one interval after start (the
 * platform's pattern for periodic work, as the first-plan check: quarkus-scheduler is not part of the build).
 */
@ApplicationScoped
public class OverdueFlagSchedule {
    private static final Logger LOG = Logger.getLogger(OverdueFlagSchedule.class);

    @Inject
    OverdueCheck check;

    @Inject
    RiskConfig config;

    private ScheduledExecutorService executor;
    private volatile boolean stopping;

    void start(@Observes StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "safety-flag-overdue");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.overdueCheck().toMillis();
        executor.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    void tick() {
        try {
            int marked = check.runNow();
            if (marked > 0) {
                LOG.infof("Safety flags overdue: %d marked", marked);
            }
        } catch (Exception e) {
            if (!stopping) {
                LOG.warnf("The safety-flag overdue check failed (will retry in %s): %s", config.overdueCheck(), e.toString());
            }
        }
    }
}
