package care.iop.bench;

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
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * A closed-loop HTTP load generator on Vert.x: {@code concurrency} requests in flight over
 * keep-alive connections, each answered request immediately followed by the next. Latency from
 * send to full response, recorded in an HdrHistogram; a warm-up phase is discarded.
 */
public final class ClosedLoopLoad {
    private final Vertx vertx;
    private final CpuMeter cpu;

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
            phase(client, concurrency, warmupSeconds, calls, expectedStatus, new Recorder(3));
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
                .compose(response -> response.body().map(body -> new Response(response.statusCode(), body.toString(), header(response))));
    }

    private static String header(HttpClientResponse response) {
        return response.getHeader("ETag");
    }

    public record Response(int status, String body, String etag) {
    }
}
