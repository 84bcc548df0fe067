package care.iop.gateway.edge;

import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import care.iop.gateway.GatewayConfig;
import care.iop.gateway.metrics.CacheGauges;
import care.iop.gateway.problem.Problems;
import care.iop.problems.ProblemType;

/**
 * Per-client token bucket on every path: a client may send {@code burst} requests at once and
 * {@code requests-per-second} sustained; beyond that 429 with {@code Retry-After}. A client is the token
 * subject when the request carries a valid token (under {@code /api/}), else its address as
 * {@link ClientResolver} tells it (an IPv6 address by its /64). At most {@code max-clients} buckets are
 * kept ({@link ClientBuckets}); refilled ones are dropped every ten seconds.
 */
@ApplicationScoped
public class RateLimiter {
    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final long WARN_EVERY = TimeUnit.MINUTES.toNanos(1);

    @Inject
    GatewayConfig config;

    @Inject
    ClientResolver clients;

    @Inject
    MeterRegistry registry;

    private ClientBuckets buckets;
    private volatile long lastWarning = System.nanoTime() - WARN_EVERY;

    @PostConstruct
    void init() {
        GatewayConfig.RateLimit settings = config.rateLimit();
        buckets = new ClientBuckets(settings.burst(), settings.requestsPerSecond(), settings.maxClients(), System.nanoTime());
        CacheGauges.register(registry, "rate-limit-clients", buckets::size);
    }

    void scheduleSweep(@Observes StartupEvent start, Vertx vertx) {
        vertx.setPeriodic(10_000, id -> buckets.sweep(System.nanoTime()));
    }

    public void limit(RoutingContext ctx) {
        if (!config.rateLimit().enabled()) {
            ctx.next();
            return;
        }
        Identity identity = Authentication.identity(ctx);
        String client = identity != null ? "sub:" + identity.subject() : "addr:" + IpAddresses.clientKey(clients.client(ctx).address());
        long now = System.nanoTime();
        long waitNanos = buckets.take(client, now);
        if (buckets.full() && now - lastWarning > WARN_EVERY) {
            lastWarning = now;
            LOG.warnf("The rate limiter holds %d active clients (iop.gateway.rate-limit.max-clients); new clients share one bucket", buckets.size());
        }
        if (waitNanos == 0) {
            ctx.next();
            return;
        }
        long seconds = Math.max(1, (long) Math.ceil(waitNanos / 1e9));
        ctx.response().putHeader("Retry-After", Long.toString(seconds));
        Problems.send(ctx, ProblemType.TOO_MANY_REQUESTS,
                "Too many requests from this client; retry after " + seconds + " second" + (seconds == 1 ? "" : "s") + ".");
    }
}
