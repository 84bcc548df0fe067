package care.iop.gateway.proxy;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** {@code iop_gateway_upstream_requests_seconds{upstream, outcome}}: latency and outcome of every forwarded call. */
@ApplicationScoped
public class UpstreamMetrics {
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

    @Inject
    MeterRegistry registry;

    public void record(String upstream, String outcome, long startNanos) {
        timers.computeIfAbsent(upstream + '|' + outcome, key -> Timer.builder("iop.gateway.upstream.requests")
                .description("Requests forwarded to an upstream service, by outcome (status class or failure)")
                .tag("upstream", upstream)
                .tag("outcome", outcome)
                .register(registry))
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }
}
