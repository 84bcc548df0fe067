package care.iop.plan.episode.service;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import care.iop.plan.config.PlanConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs {@link FirstPlanDue#publishOverdue} with today (program time zone) every {@code iop.plan.first-plan-check-interval},
 * the first time one interval after start (the platform's pattern for periodic work, as the idempotency purge). Replicas
 * may run it at the same time: each episode is published once.
 */
@ApplicationScoped
public class FirstPlanDueSchedule {
    private static final Logger LOG = Logger.getLogger(FirstPlanDueSchedule.class);

    @Inject
    FirstPlanDue due;

    @Inject
    PlanConfig config;

    private ScheduledExecutorService executor;
    private volatile boolean stopping;

    void start(@Observes StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "first-plan-due");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.firstPlanCheckInterval().toMillis();
        executor.scheduleWithFixedDelay(this::check, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    void check() {
        try {
            int published = due.publishOverdue(config.today());
            if (published > 0) {
                LOG.infof("First plan overdue: %d episode(s) published", published);
            }
        } catch (Exception e) {
            if (!stopping) {
                LOG.warnf("The overdue-first-plan check failed (will retry in %s): %s", config.firstPlanCheckInterval(), e.toString());
            }
        }
    }
}
