package care.iop.gateway.edge;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import care.iop.gateway.GatewayConfig;
import care.iop.problems.ProblemType;
import care.iop.gateway.problem.Problems;

/**
 * Per-client token bucket: a client (token subject, else client address) may send {@code burst}
 * requests at once and {@code requests-per-second} sustained; beyond that 429 with {@code Retry-After}.
 * Idle clients are forgotten every minute.
 */
@ApplicationScoped
public class RateLimiter {
    private static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(5);

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    GatewayConfig config;

    void scheduleCleanup(@Observes StartupEvent start, Vertx vertx) {
        vertx.setPeriodic(60_000, id -> {
            long now = System.nanoTime();
            buckets.values().removeIf(bucket -> bucket.idleSince(now) > IDLE_NANOS);
        });
    }

    public void limit(RoutingContext ctx) {
        GatewayConfig.RateLimit settings = config.rateLimit();
        if (!settings.enabled()) {
            ctx.next();
            return;
        }
        Identity identity = Authentication.identity(ctx);
        String client = identity != null ? "sub:" + identity.subject() : "addr:" + ctx.request().remoteAddress().hostAddress();
        Bucket bucket = buckets.computeIfAbsent(client, key -> new Bucket(settings.burst()));
        long waitNanos = bucket.take(settings.burst(), settings.requestsPerSecond(), System.nanoTime());
        if (waitNanos == 0) {
            ctx.next();
            return;
        }
        long seconds = Math.max(1, (long) Math.ceil(waitNanos / 1e9));
        ctx.response().putHeader("Retry-After", Long.toString(seconds));
        Problems.send(ctx, ProblemType.TOO_MANY_REQUESTS,
                "Too many requests from this client; retry after " + seconds + " second" + (seconds == 1 ? "" : "s") + ".");
    }

    /** Tokens refill continuously at the sustained rate up to the burst size. */
    static final class Bucket {
        private double tokens;
        private long last;

        Bucket(int burst) {
            this.tokens = burst;
            this.last = System.nanoTime();
        }

        /** Takes one token: 0 when allowed, else nanoseconds until one is available. */
        synchronized long take(int burst, double perSecond, long now) {
            tokens = Math.min(burst, tokens + (now - last) * perSecond / 1e9);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) ((1 - tokens) / perSecond * 1e9));
        }

        synchronized long idleSince(long now) {
            return now - last;
        }
    }
}
