package care.iop.platform.consistency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Wakes the requests waiting for a read model ({@link ReadModelWait}) when a consumer's transaction that applied events
 * of their aggregates commits. In this process the consumer wakes them directly, after the commit. Every replica of a
 * service shares its database but only one consumes a given partition, so the consumer also sends the aggregate ids
 * with PostgreSQL {@code NOTIFY} in its transaction (delivered on commit only, to every replica), and each replica
 * {@code LISTEN}s on a connection of its own. Nothing is polled: a waiting request sleeps until one of its ids arrives.
 */
@ApplicationScoped
public class ReadModelSignals {
    static final String CHANNEL = "iop_read_models";
    private static final Logger LOG = Logger.getLogger(ReadModelSignals.class);
    /** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more: at most this many ids per NOTIFY. */
    private static final int IDS_PER_NOTIFY = 150;

    @Inject
    ReadModelVersions versions;

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    DataSource dataSource;

    private final Waiters waiters = new Waiters();
    private volatile boolean running;
    private volatile Connection listening;
    private Thread listener;

    public Waiters waiters() {
        return waiters;
    }

    /**
     * Called by the consumer ({@code Inbox}) inside the transaction that applied events of these aggregates: once it commits, the requests
     * waiting for them (in any replica) look again. Nothing happens if it rolls back.
     */
    public void applied(Collection<String> aggregateIds) {
        if (!versions.any()) {
            return;
        }
        Set<String> ids = new LinkedHashSet<>(aggregateIds);
        ids.remove(null);
        if (ids.isEmpty()) {
            return;
        }
        notifyReplicas(ids);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // the NOTIFY is already part of the transaction
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    waiters.wake(ids);
                }
            }
        });
    }

    /** {@code NOTIFY} on the transaction's connection: PostgreSQL delivers it to every listener when (and only if) it commits. */
    private void notifyReplicas(Set<String> ids) {
        List<String> all = new ArrayList<>(ids);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("select pg_notify(?, ?)")) {
                for (int from = 0; from < all.size(); from += IDS_PER_NOTIFY) {
                    statement.setString(1, CHANNEL);
                    statement.setString(2, String.join(",", all.subList(from, Math.min(all.size(), from + IDS_PER_NOTIFY))));
                    statement.execute();
                }
            }
        });
    }

    void start(@Observes StartupEvent event) {
        if (!versions.any()) {
            return;
        }
        running = true;
        listener = new Thread(this::listen, "read-model-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
        Connection connection = listening;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException | RuntimeException e) {
                // closing on shutdown: nothing to do
            }
        }
    }

    /** Listens for the notifications of every replica's consumers; reconnects after a failure, then wakes everyone to look again. */
    private void listen() {
        boolean warned = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                listening = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                if (warned) {
                    LOG.info("Listening for read model notifications again");
                    warned = false;
                }
                waiters.wakeAll(); // whatever committed while not listening
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            waiters.wake(Arrays.asList(notification.getParameter().split(",")));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!warned) {
                    LOG.warnf("Not listening for read model notifications (%s); requests waiting for another replica's consumer"
                            + " may run out of time until the database is back", e.getClass().getName());
                    warned = true;
                }
                if (!sleep()) {
                    return;
                }
            } finally {
                listening = null;
            }
        }
    }

    private static boolean sleep() {
        try {
            Thread.sleep(1000);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
