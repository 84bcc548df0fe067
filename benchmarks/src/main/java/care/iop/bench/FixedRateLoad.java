package care.iop.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.HdrHistogram.Recorder;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;

/**
 * An open-loop HTTP load generator on Vert.x: requests are sent at a fixed rate, whatever the
 * answers take, and each latency is measured from the moment its request was due. A slow answer
 * therefore shows in every request it delays (no coordinated omission), unlike in a closed loop.
 * At most {@code connections} requests are on the wire; one due while all are busy waits in the
 * client's queue, and the wait counts in its latency.
 */
public final class FixedRateLoad {
    private final Vertx vertx;

    public FixedRateLoad(Vertx vertx) {
        this.vertx = vertx;
    }

    public LoadResult run(String name, double perSecond, int connections, int warmupSeconds, int seconds,
                          Function<Long, ClosedLoopLoad.Call> calls, int expectedStatus) throws InterruptedException {
        HttpClient client = ClosedLoopLoad.client(vertx, connections);
        try {
            phase(client, perSecond, warmupSeconds, calls, expectedStatus, new Recorder(3));
            Recorder recorder = new Recorder(3);
            long[] counts = phase(client, perSecond, seconds, calls, expectedStatus, recorder);
            return new LoadResult(name, counts[0], counts[1], seconds, recorder.getIntervalHistogram());
        } finally {
            client.close();
        }
    }

    private long[] phase(HttpClient client, double perSecond, int seconds, Function<Long, ClosedLoopLoad.Call> calls, int expectedStatus,
                         Recorder recorder) throws InterruptedException {
        long total = Math.round(perSecond * seconds);
        double intervalNanos = 1e9 / perSecond;
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        CountDownLatch answered = new CountDownLatch((int) total);
        long t0 = System.nanoTime();
        // Every millisecond, send the requests that have come due since the last tick.
        long timer = vertx.setPeriodic(1, id -> {
            long now = System.nanoTime();
            while (next.get() < total && t0 + (long) (next.get() * intervalNanos) <= now) {
                long i = next.getAndIncrement();
                long due = t0 + (long) (i * intervalNanos);
                ClosedLoopLoad.send(client, calls.apply(i)).onComplete(ar -> {
                    recorder.recordValue(Math.max(1, (System.nanoTime() - due) / 1000));
                    if (ar.failed() || ar.result() != expectedStatus) {
                        errors.incrementAndGet();
                    }
                    answered.countDown();
                });
            }
        });
        boolean all = answered.await(seconds + 120L, TimeUnit.SECONDS);
        vertx.cancelTimer(timer);
        long unanswered = all ? 0 : answered.getCount();
        return new long[] { total - unanswered, errors.get() + unanswered };
    }
}
