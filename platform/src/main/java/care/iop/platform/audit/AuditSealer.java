package care.iop.platform.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import care.iop.platform.db.DirectSql;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Seals committed audit rows into this service's hash chain, after their transactions committed: the
 * database function {@code audit_seal} (V6__audit_links.sql) takes a batch of queued row ids in id order
 * and appends one {@code audit_link} per row, with seq = previous link + 1, prev_hash = the previous
 * link's hash and hash = sha256(prev_hash || the row's canonical form), in one round trip. The audit row
 * itself is never touched again. Writers never wait for the chain: the audit rows of concurrent business
 * transactions are inserted as before (a statement trigger queues their ids) and chained here every
 * {@code iop.audit.seal-interval}. One replica seals at a time (an advisory lock inside the function).
 */
@ApplicationScoped
public class AuditSealer {
    private static final Logger LOG = Logger.getLogger(AuditSealer.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "iop.audit.seal-interval", defaultValue = "1s")
    Duration interval;

    @ConfigProperty(name = "iop.audit.seal-batch-size", defaultValue = "1000")
    int batchSize;

    private final AtomicBoolean sealPending = new AtomicBoolean();
    private ScheduledExecutorService executor;
    private Counter sealed;
    private volatile long lastFailureLog;
    private volatile boolean stopping;

    void start(@Observes StartupEvent event) {
        sealed = Counter.builder("iop.audit.sealed").description("Audit rows sealed into the hash chain by this replica").register(metrics);
        Gauge.builder("iop.audit.unsealed", this, AuditSealer::unsealed)
                .description("Audit rows not yet sealed into the hash chain (should stay near 0)").register(metrics);
        warnIfTheServiceCanTamper();
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "audit-sealer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::wake, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Asks for a sealing run soon; calls while one is pending coalesce. */
    public void wake() {
        if (executor != null && sealPending.compareAndSet(false, true)) {
            executor.execute(this::sealAll);
        }
    }

    private void sealAll() {
        sealPending.set(false);
        try {
            int count;
            do {
                count = sealBatch();
            } while (count == batchSize);
        } catch (Exception e) {
            long now = System.currentTimeMillis();
            // Nothing is lost while sealing fails (rows wait unsealed; iop_audit_unsealed tells ops), so a warning, as the
            // outbox relay gives; a run interrupted by the shutdown fails on its closed connection and says nothing.
            if (!stopping && now - lastFailureLog > 30_000) {
                lastFailureLog = now;
                LOG.warnf("Audit rows could not be sealed (will retry every %s): %s", interval, e.toString());
            }
        }
    }

    /** Seals up to one batch in one transaction; how many rows (0 when another replica is sealing). */
    int sealBatch() throws Exception {
        int count = DirectSql.inOwnTransaction(dataSource, connection -> {
            try (PreparedStatement seal = connection.prepareStatement("select audit_seal(?)")) {
                seal.setInt(1, batchSize);
                try (ResultSet rs = seal.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
        sealed.increment(count);
        return count;
    }

    double unsealed() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("select count(*) from audit_unsealed");
             ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return Double.NaN;
        }
    }

    /** The trail is evidence only when the service cannot rewrite it: say so loudly when it connects as the owner or a superuser. */
    private void warnIfTheServiceCanTamper() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement check = connection.prepareStatement("""
                     select current_user, r.rolsuper or pg_has_role(current_user, c.relowner, 'USAGE')
                     from pg_class c, pg_roles r where c.oid = 'audit_event'::regclass and r.rolname = current_user""");
             ResultSet rs = check.executeQuery()) {
            if (rs.next() && rs.getBoolean(2)) {
                LOG.warnf("This service connects to its database as %s, which owns audit_event or is a superuser: it could rewrite"
                        + " the audit trail. Give the service the application role (QUARKUS_DATASOURCE_USERNAME) and run the"
                        + " migrations as the owner (QUARKUS_FLYWAY_USERNAME); see docs/operations.md, \"Audit trail\".", rs.getString(1));
            }
        } catch (SQLException e) {
            LOG.warnf("Could not check the database role of this service: %s", e.toString());
        }
    }
}
