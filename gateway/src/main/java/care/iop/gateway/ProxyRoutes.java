package care.iop.gateway;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;

/** Forwards each routed prefix to its upstream service with Vert.x HTTP proxy. */
@ApplicationScoped
public class ProxyRoutes {

    @Inject
    GatewayConfig config;

    void register(@Observes Router router, Vertx vertx) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(64).setKeepAlive(true));
        Map<String, HttpProxy> proxies = new HashMap<>();
        config.upstreams().forEach((name, url) -> proxies.put(name, HttpProxy.reverseProxy(client).origin(port(url), url.getHost())));
        Routes.PREFIXES.forEach((prefix, upstream) -> {
            HttpProxy proxy = proxies.get(upstream);
            if (proxy == null) {
                throw new IllegalStateException("No upstream URL configured for '" + upstream + "' (iop.gateway.upstreams." + upstream + ")");
            }
            router.route(prefix).handler(ctx -> proxy.handle(ctx.request()));
            router.route(prefix + "/*").handler(ctx -> proxy.handle(ctx.request()));
        });
    }

    private static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : ("https".equals(url.getScheme()) ? 443 : 80);
    }
}
