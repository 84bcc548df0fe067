package care.iop.gateway.proxy;

import java.net.URI;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import care.iop.gateway.GatewayConfig;

/** The one pooled HTTP client to the upstream services and request options addressed to one of them. */
@ApplicationScoped
public class Upstreams {

    private final HttpClient client;
    private final GatewayConfig config;

    @Inject
    public Upstreams(Vertx vertx, GatewayConfig config) {
        this.config = config;
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setConnectTimeout((int) config.connectTimeout().toMillis()),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerUpstream()));
    }

    public HttpClient client() {
        return client;
    }

    /** Options for a request to {@code upstream} at {@code pathAndQuery}, with the configured timeouts. */
    public RequestOptions request(String upstream, HttpMethod method, String pathAndQuery) {
        URI base = config.upstream(upstream);
        boolean ssl = "https".equalsIgnoreCase(base.getScheme());
        int port = base.getPort() > 0 ? base.getPort() : (ssl ? 443 : 80);
        String basePath = base.getRawPath() == null || "/".equals(base.getRawPath()) ? "" : base.getRawPath().replaceAll("/$", "");
        return new RequestOptions()
                .setMethod(method)
                .setHost(base.getHost())
                .setPort(port)
                .setSsl(ssl)
                .setURI(basePath + pathAndQuery)
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(config.upstreamTimeout().toMillis());
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
