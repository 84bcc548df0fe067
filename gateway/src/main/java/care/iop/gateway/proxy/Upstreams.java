package care.iop.gateway.proxy;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.netty.channel.EventLoop;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.ContextInternal;

import care.iop.gateway.GatewayConfig;

/**
 * The pooled HTTP clients to the upstream services and request options addressed to one of them.
 * <p>
 * One client per event loop: a connection lives on the event loop that opened it, and a pool shared by all loops hands
 * a request the most recently used connection whatever its loop, so most answers crossed to another thread before the
 * gateway could relay them (a task queued and the other loop woken, twice per request). Each loop's client opens its
 * connections on that loop and is used only from it, so a forwarded request stays on the thread that received it. The
 * connections per upstream ({@code iop.gateway.max-connections-per-upstream}) are shared out among the loops.
 */
@ApplicationScoped
public class Upstreams {
    /** Where one upstream is: resolved once, not per request. */
    private record Target(String host, int port, boolean ssl, String basePath) {
        static Target of(URI base) {
            boolean ssl = "https".equalsIgnoreCase(base.getScheme());
            int port = base.getPort() > 0 ? base.getPort() : (ssl ? 443 : 80);
            String path = base.getRawPath() == null ? "" : base.getRawPath();
            if (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return new Target(base.getHost(), port, ssl, path);
        }
    }

    private final Vertx vertx;
    private final GatewayConfig config;
    private final HttpClientOptions options;
    private final PoolOptions pool;
    /** For calls made outside an event loop (startup, tests). */
    private final HttpClient shared;
    private final Map<EventLoop, HttpClient> perLoop = new ConcurrentHashMap<>();
    private final Map<String, Target> targets = new ConcurrentHashMap<>();

    @Inject
    public Upstreams(Vertx vertx, GatewayConfig config,
                     @ConfigProperty(name = "quarkus.vertx.event-loops-pool-size") java.util.Optional<Integer> eventLoops) {
        this.vertx = vertx;
        this.config = config;
        int loops = Math.max(1, eventLoops.orElse(2 * Runtime.getRuntime().availableProcessors()));
        this.options = new HttpClientOptions().setKeepAlive(true).setConnectTimeout((int) config.connectTimeout().toMillis());
        this.pool = new PoolOptions().setHttp1MaxSize(Math.max(1, (config.maxConnectionsPerUpstream() + loops - 1) / loops));
        this.shared = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerUpstream()));
    }

    /** The client of the calling event loop (its connections live on it); the shared one elsewhere. */
    public HttpClient client() {
        Context context = Vertx.currentContext();
        if (!(context instanceof ContextInternal internal) || !context.isEventLoopContext()) {
            return shared;
        }
        return perLoop.computeIfAbsent(internal.nettyEventLoop(), loop -> vertx.createHttpClient(options, pool));
    }

    /** Options for a request to {@code upstream} at {@code pathAndQuery}, with the configured timeouts. */
    public RequestOptions request(String upstream, HttpMethod method, String pathAndQuery) {
        Target target = targets.computeIfAbsent(upstream, name -> Target.of(config.upstream(name)));
        return new RequestOptions()
                .setMethod(method)
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.ssl())
                .setURI(target.basePath() + pathAndQuery)
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(config.upstreamTimeout().toMillis());
    }

    @PreDestroy
    void close() {
        perLoop.values().forEach(HttpClient::close);
        shared.close();
    }
}
