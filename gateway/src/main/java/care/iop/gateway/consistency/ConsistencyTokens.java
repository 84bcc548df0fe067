package care.iop.gateway.consistency;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.ext.web.RoutingContext;

import care.iop.gateway.GatewayConfig;
import care.iop.gateway.edge.Authentication;
import care.iop.gateway.edge.Identity;
import care.iop.gateway.metrics.CacheGauges;

/**
 * Read-your-writes for clients that do not cooperate: the {@code Consistency-Token} a service answers a caller (token
 * subject and client) is remembered for {@code iop.gateway.read-your-writes.remember-for} and sent with that caller's
 * next requests, merged with any token the request carries. Only callers with a verified token; the services do the
 * waiting.
 */
@ApplicationScoped
public class ConsistencyTokens {

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry registry;

    private RecentWrites recent;

    @PostConstruct
    void init() {
        GatewayConfig.ReadYourWrites settings = config.readYourWrites();
        recent = new RecentWrites(settings.rememberFor().toNanos(), settings.maxCallers(), System.nanoTime());
        CacheGauges.register(registry, "consistency-tokens", recent::size);
        vertx.setPeriodic(10_000, id -> recent.sweep(System.nanoTime()));
    }

    /** Sets the request's {@code Consistency-Token} to the caller's own merged with what it wrote lately. */
    public void attach(RoutingContext ctx, MultiMap upstreamHeaders) {
        String caller = caller(ctx);
        if (caller == null) {
            return;
        }
        String own = ctx.request().getHeader(RecentWrites.HEADER);
        String header = recent.header(caller, own, System.nanoTime());
        if (header != null && !header.equals(own)) {
            upstreamHeaders.set(RecentWrites.HEADER, header);
        }
    }

    /** Remembers what a successful write answered the caller. */
    public void remember(RoutingContext ctx, HttpClientResponse response) {
        String header = response.getHeader(RecentWrites.HEADER);
        if (header == null || response.statusCode() / 100 != 2) {
            return;
        }
        String caller = caller(ctx);
        if (caller != null) {
            recent.remember(caller, header, System.nanoTime());
        }
    }

    private String caller(RoutingContext ctx) {
        if (!config.readYourWrites().enabled()) {
            return null;
        }
        Identity identity = Authentication.identity(ctx);
        if (identity == null || identity.subject() == null) {
            return null;
        }
        return identity.client() == null ? identity.subject() : identity.subject() + "\u0000" + identity.client();
    }
}
