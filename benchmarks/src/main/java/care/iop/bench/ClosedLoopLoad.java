package care.iop.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * A closed-loop HTTP load generator on Vert.x: {@code concurrency} requests in flight over
 * keep-alive connections, each answered request immediately followed by the next. Latency from
 * send to full response, recorded in an HdrHistogram; a warm-up phase is discarded.
 * <p>
 * A long warm-up (the first of a load, {@value #STEADY_FROM} s or more) goes on past its minimum until
 * the JIT has settled: until two consecutive {@value #WINDOW} s windows agree within 5 % in
 * throughput, at most {@value #STEADY_LIMIT} s in all. Under saturation on 2 cores the C2 compiler gets a
 * small share of the CPU and a service keeps getting faster for about three minutes.
 */
public final class ClosedLoopLoad {
    static final int STEADY_FROM = 30;
    static final int WINDOW = 15;
    static final int STEADY_LIMIT = 300;

    private final Vertx vertx;
    private final CpuMeter cpu;
    private final List<String> steadyWarmups = new ArrayList<>();

    /** @param cpu measures the CPU each part of the stack uses during the measured phase */
    public ClosedLoopLoad(Vertx vertx, CpuMeter cpu) {
        this.vertx = vertx;
        this.cpu = cpu;
    }

    /** A request to send: method, absolute URL, headers and an optional body, built per call (index i). */
    public record Call(HttpMethod method, String url, String token, String body) {
    }

    public LoadResult run(String name, int concurrency, int warmupSeconds, int seconds, Function<Long, Call> calls, int expectedStatus)
            throws InterruptedException {
        HttpClient client = client(vertx, concurrency);
        try {
            warmUp(name, client, concurrency, warmupSeconds, calls, expectedStatus);
            Recorder recorder = new Recorder(3);
            Map<String, Double> cpuBefore = cpu.snapshot();
            long[] counts = phase(client, concurrency, seconds, calls, expectedStatus, recorder);
            Map<String, Double> cpuUsed = CpuMeter.used(cpuBefore, cpu.snapshot());
            Histogram histogram = recorder.getIntervalHistogram();
            return new LoadResult(name, counts[0], counts[1], seconds, histogram, cpuUsed);
        } finally {
            client.close();
        }
    }

    /** What one window of a {@link #timeline} measured: answers, errors and the CPU seconds each part used meanwhile. */
    public record Window(long requests, long errors, Map<String, Double> cpuSeconds) {
    }

    /**
     * A load without warm-up, measured in consecutive windows of {@code windowSeconds} from its first request on, for
     * {@code seconds} in all (scenario i: how fast a freshly started stack reaches its speed). The requests in flight at a
     * window's end are counted in the window they end in.
     */
    public List<Window> timeline(int concurrency, int seconds, int windowSeconds, Function<Long, Call> calls, int expectedStatus)
            throws InterruptedException {
        HttpClient client = client(vertx, concurrency);
        try {
            long t0 = System.nanoTime();
            long deadline = t0 + TimeUnit.SECONDS.toNanos(seconds);
            AtomicLong sequence = new AtomicLong();
            AtomicLong done = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            CountDownLatch finished = new CountDownLatch(concurrency);
            Recorder recorder = new Recorder(3);
            Map<String, Double> cpuBefore = cpu.snapshot();
            for (int i = 0; i < concurrency; i++) {
                vertx.runOnContext(v -> loop(client, calls, expectedStatus, recorder, deadline, sequence, done, errors, finished));
            }
            List<Window> windows = new ArrayList<>();
            long doneBefore = 0;
            long errorsBefore = 0;
            for (int w = 1; w * windowSeconds <= seconds; w++) {
                long wait = t0 + TimeUnit.SECONDS.toNanos((long) w * windowSeconds) - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                long d = done.get();
                long e = errors.get();
                Map<String, Double> cpuNow = cpu.snapshot();
                windows.add(new Window(d - doneBefore, e - errorsBefore, CpuMeter.used(cpuBefore, cpuNow)));
                doneBefore = d;
                errorsBefore = e;
                cpuBefore = cpuNow;
            }
            finished.await(60, TimeUnit.SECONDS);
            return windows;
        } finally {
            client.close();
        }
    }

    /** The long warm-ups of this suite: which load, how many seconds until steady (or the limit). */
    public List<String> steadyWarmups() {
        return List.copyOf(steadyWarmups);
    }

    private void warmUp(String name, HttpClient client, int concurrency, int minimumSeconds, Function<Long, Call> calls, int expectedStatus)
            throws InterruptedException {
        if (minimumSeconds < STEADY_FROM) {
            phase(client, concurrency, minimumSeconds, calls, expectedStatus, new Recorder(3));
            return;
        }
        int elapsed = 0;
        double previous = -1;
        while (true) {
            long done = phase(client, concurrency, WINDOW, calls, expectedStatus, new Recorder(3))[0];
            elapsed += WINDOW;
            double rate = done / (double) WINDOW;
            boolean steady = previous > 0 && Math.abs(rate - previous) <= 0.05 * previous;
            previous = rate;
            if ((elapsed >= minimumSeconds && steady) || elapsed >= STEADY_LIMIT) {
                String note = Scenario.fmt("%s: %d s%s", name, elapsed, steady ? "" : " (limit reached, still changing)");
                steadyWarmups.add(note);
                System.out.println("    warm-up " + note);
                return;
            }
        }
    }

    private long[] phase(HttpClient client, int concurrency, int seconds, Function<Long, Call> calls, int expectedStatus,
                         Recorder recorder) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong sequence = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            vertx.runOnContext(v -> loop(client, calls, expectedStatus, recorder, deadline, sequence, done, errors, finished));
        }
        finished.await(seconds + 60L, TimeUnit.SECONDS);
        return new long[] { done.get(), errors.get() };
    }

    private void loop(HttpClient client, Function<Long, Call> calls, int expectedStatus, Recorder recorder, long deadline,
                      AtomicLong sequence, AtomicLong done, AtomicLong errors, CountDownLatch finished) {
        if (System.nanoTime() >= deadline) {
            finished.countDown();
            return;
        }
        Call call = calls.apply(sequence.getAndIncrement());
        long start = System.nanoTime();
        send(client, call).onComplete(ar -> {
            recorder.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
            done.incrementAndGet();
            if (ar.failed() || ar.result() != expectedStatus) {
                errors.incrementAndGet();
            }
            loop(client, calls, expectedStatus, recorder, deadline, sequence, done, errors, finished);
        });
    }

    /** The harness's HTTP client: up to {@code connections} keep-alive connections, no Nagle delay. */
    public static HttpClient client(Vertx vertx, int connections) {
        return vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(connections).setKeepAlive(true).setTcpNoDelay(true));
    }

    /** Sends one request and completes with the status once the body was read. */
    public static Future<Integer> send(HttpClient client, Call call) {
        RequestOptions options = new RequestOptions().setMethod(call.method()).setAbsoluteURI(call.url());
        if (call.token() != null) {
            options.putHeader("Authorization", "Bearer " + call.token());
        }
        if (call.body() != null) {
            options.putHeader("Content-Type", "application/json");
        }
        return client.request(options)
                .compose(request -> call.body() == null ? request.send() : request.send(Buffer.buffer(call.body())))
                .compose(response -> response.body().map(body -> response.statusCode()));
    }

    /** Sends one request and returns status and body, for seeding. */
    public static Future<Response> exchange(HttpClient client, Call call) {
        RequestOptions options = new RequestOptions().setMethod(call.method()).setAbsoluteURI(call.url());
        if (call.token() != null) {
            options.putHeader("Authorization", "Bearer " + call.token());
        }
        if (call.body() != null) {
            options.putHeader("Content-Type", "application/json");
        }
        return client.request(options)
                .compose(request -> call.body() == null ? request.send() : request.send(Buffer.buffer(call.body())))
                .compose(response -> response.body().map(body -> new Response(response.statusCode(), body.toString(), response.getHeader("ETag"),
                        response.getHeader("Location"))));
    }

    public record Response(int status, String body, String etag, String location) {
    }
}
