package care.iop.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Recorder;

/** Plain JDBC against the stack's PostgreSQL: the physical baseline (g), and read-backs for verification. */
public final class Db {
    public static final List<String> DATABASES = List.of("iop_participant", "iop_plan", "iop_session");

    private final BenchStack stack;

    public Db(BenchStack stack) {
        this.stack = stack;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(database), "postgres", "");
    }

    public long count(String database, String sql) {
        try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public void execute(String database, String sql) {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits until every outbox is empty and no consumer recorded an event for two seconds: the
     * background work left by a scenario (events still being relayed and applied) must not run
     * into the next measurement.
     */
    public void awaitQuiet(long maxSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        long last = -1;
        int stable = 0;
        while (System.nanoTime() < deadline) {
            long outbox = 0;
            long processed = 0;
            for (String db : DATABASES) {
                outbox += count(db, "select count(*) from outbox");
                processed += count(db, "select count(*) from processed_event");
            }
            stable = outbox == 0 && processed == last ? stable + 1 : 0;
            if (stable >= 4) {
                return;
            }
            last = processed;
            Thread.sleep(500);
        }
        System.out.println("    (the stack was still busy with events after " + maxSeconds + " s; continuing)");
    }

    /** processed_at of the given event ids for one consumer (its inbox row, written with the side effect). */
    public Map<String, Instant> processedAt(String database, String consumer, List<String> eventIds) {
        Map<String, Instant> times = new HashMap<>();
        try (Connection c = connect(database);
             PreparedStatement s = c.prepareStatement("select event_id, processed_at from processed_event where consumer = ? and event_id = any(?)")) {
            s.setString(1, consumer);
            s.setArray(2, c.createArrayOf("text", eventIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    times.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return times;
    }

    /**
     * Scenario g: {@code threads} threads, each with its own connection, read the plan row by
     * primary key with a prepared statement as fast as they can (closed loop, like the HTTP load).
     */
    public LoadResult baseline(String name, List<UUID> planIds, int threads, int warmupSeconds, int seconds) throws InterruptedException {
        phase(planIds, threads, warmupSeconds, new Recorder(3), new AtomicLong());
        Recorder recorder = new Recorder(3);
        AtomicLong done = new AtomicLong();
        long errors = phase(planIds, threads, seconds, recorder, done);
        return new LoadResult(name, done.get(), errors, seconds, recorder.getIntervalHistogram());
    }

    private long phase(List<UUID> ids, int threads, int seconds, Recorder recorder, AtomicLong done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong errors = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try (Connection c = connect("iop_plan");
                     PreparedStatement s = c.prepareStatement("select * from care_plan where id = ?")) {
                    int columns = -1;
                    while (System.nanoTime() < deadline) {
                        long start = System.nanoTime();
                        s.setObject(1, ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
                        try (ResultSet rs = s.executeQuery()) {
                            if (columns < 0) {
                                columns = rs.getMetaData().getColumnCount();
                            }
                            if (!rs.next()) {
                                errors.incrementAndGet();
                            } else {
                                for (int i = 1; i <= columns; i++) {
                                    rs.getObject(i);
                                }
                            }
                        }
                        recorder.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
                        done.incrementAndGet();
                    }
                } catch (SQLException e) {
                    errors.incrementAndGet();
                    System.out.println("    baseline worker failed: " + e.getMessage());
                } finally {
                    finished.countDown();
                }
            }, "jdbc-baseline-" + t);
            workers.add(worker);
            worker.start();
        }
        finished.await(seconds + 60L, TimeUnit.SECONDS);
        return errors.get();
    }
}
