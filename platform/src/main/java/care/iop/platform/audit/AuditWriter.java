package care.iop.platform.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import care.iop.platform.db.DirectSql;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * Group commit for the audit entries of reads. Each entry is handed over with a future that completes
 * once its row is committed; one thread writes whatever has queued up meanwhile as one JDBC batch in
 * one transaction, so concurrent reads share a commit instead of paying one each. A batch the database
 * refuses is retried entry by entry, so one bad entry fails only its own request.
 */
@ApplicationScoped
public class AuditWriter {
    private static final Logger LOG = Logger.getLogger(AuditWriter.class);
    private static final int MAX_BATCH = 256;

    private record Pending(AuditEntry entry, CompletableFuture<Void> written) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "iop.audit.read-write-timeout", defaultValue = "10s")
    Duration timeout;

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile boolean running = true;
    private Thread thread;
    private DistributionSummary batchSizes;

    /** Queues the entries; the future completes when all of them are committed, or fails when one could not be. */
    public CompletableFuture<Void> write(List<AuditEntry> entries) {
        List<CompletableFuture<Void>> futures = new ArrayList<>(entries.size());
        for (AuditEntry entry : entries) {
            Pending pending = new Pending(entry, new CompletableFuture<>());
            futures.add(pending.written());
            queue.add(pending);
        }
        if (!running) {
            failAll(new IllegalStateException("The audit writer is stopped"));
        }
        return futures.size() == 1 ? futures.get(0) : CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
    }

    /** How long a request waits for its entries before it gives up with a 503. */
    public Duration timeout() {
        return timeout;
    }

    void start(@Observes StartupEvent event) {
        batchSizes = DistributionSummary.builder("iop.audit.batch.size")
                .description("Read-audit entries committed together in one transaction").register(metrics);
        thread = new Thread(this::run, "audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running) {
            try {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                writeBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        failAll(new IllegalStateException("The audit writer is stopped"));
    }

    private void writeBatch(List<Pending> batch) {
        batchSizes.record(batch.size());
        try {
            insert(batch);
            batch.forEach(p -> p.written().complete(null));
        } catch (Exception batchFailure) {
            if (batch.size() == 1) {
                fail(batch.get(0), batchFailure);
                return;
            }
            for (Pending pending : batch) {
                try {
                    insert(List.of(pending));
                    pending.written().complete(null);
                } catch (Exception e) {
                    fail(pending, e);
                }
            }
        }
    }

    private void insert(List<Pending> batch) throws Exception {
        DirectSql.inOwnTransaction(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(AuditEntry.INSERT)) {
                for (Pending pending : batch) {
                    DirectSql.bind(statement, pending.entry().parameters());
                    statement.addBatch();
                }
                return statement.executeBatch();
            }
        });
    }

    private static void fail(Pending pending, Exception e) {
        // the message of a refused row repeats its values (patient ids): only the SQL state is logged
        String state = e instanceof SQLException sql ? sql.getSQLState() : e.getClass().getSimpleName();
        LOG.errorf("Could not record the audit entry of request %s (SQL state %s); the request is answered 503",
                pending.entry().requestId(), state);
        pending.written().completeExceptionally(e);
    }

    private void failAll(Exception e) {
        for (Pending pending; (pending = queue.poll()) != null;) {
            pending.written().completeExceptionally(e);
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        failAll(new IllegalStateException("The audit writer is stopped"));
    }
}
