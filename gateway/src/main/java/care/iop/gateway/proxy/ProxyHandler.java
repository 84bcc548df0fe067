package care.iop.gateway.proxy;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import care.iop.problems.ProblemType;
import care.iop.gateway.problem.Problems;

/**
 * Forwards a request (already buffered and authenticated) to its upstream and relays the answer.
 * Hop-by-hop headers are dropped; {@code Authorization} and {@code X-Request-Id} go through. Upstream
 * 5xx answers that are not problem+json, refused connections and timeouts become the gateway's own problems.
 */
@ApplicationScoped
public class ProxyHandler {
    private static final Logger LOG = Logger.getLogger(ProxyHandler.class);
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
            "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length");

    @Inject
    Upstreams upstreams;

    @Inject
    UpstreamMetrics metrics;

    public void forward(RoutingContext ctx, String prefix, String upstream) {
        HttpServerRequest in = ctx.request();
        long start = System.nanoTime();
        Buffer body = ctx.body().buffer();
        upstreams.client().request(upstreams.request(upstream, in.method(), in.uri()))
                .compose(out -> {
                    copyRequestHeaders(in, out);
                    return body == null || body.length() == 0 ? out.send() : out.send(body);
                })
                .compose(response -> response.body().map(buffer -> {
                    relay(ctx, upstream, response, buffer);
                    return response.statusCode();
                }))
                .onSuccess(status -> metrics.record(upstream, Integer.toString(status / 100) + "xx", start))
                .onFailure(error -> {
                    ProblemType type = UpstreamFailure.type(error);
                    metrics.record(upstream, type.name().toLowerCase(), start);
                    LOG.debugf("Upstream %s failed for %s %s: %s", upstream, in.method(), in.path(), error.toString());
                    Problems.send(ctx, type, UpstreamFailure.detail(type, upstream));
                });
    }

    private static void copyRequestHeaders(HttpServerRequest in, HttpClientRequest out) {
        MultiMap headers = out.headers();
        in.headers().forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase())) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        headers.set("X-Forwarded-For", in.remoteAddress().hostAddress());
        headers.set("X-Forwarded-Proto", in.scheme());
        if (in.authority() != null) {
            headers.set("X-Forwarded-Host", in.authority().toString());
        }
    }

    private static void relay(RoutingContext ctx, String upstream, HttpClientResponse response, Buffer body) {
        String contentType = response.getHeader("Content-Type");
        if (response.statusCode() >= 500 && (contentType == null || !contentType.startsWith(ProblemType.MEDIA_TYPE))) {
            LOG.warnf("Upstream %s answered %d without a problem document; hiding it", upstream, response.statusCode());
            Problems.send(ctx, ProblemType.BAD_GATEWAY, UpstreamFailure.detail(ProblemType.BAD_GATEWAY, upstream));
            return;
        }
        HttpServerResponse out = ctx.response();
        if (out.ended() || out.closed()) {
            return;
        }
        out.setStatusCode(response.statusCode());
        if (response.statusMessage() != null) {
            out.setStatusMessage(response.statusMessage());
        }
        response.headers().forEach(header -> {
            String name = header.getKey().toLowerCase();
            if (!HOP_BY_HOP.contains(name) && !"x-request-id".equals(name)) {
                out.headers().add(header.getKey(), header.getValue());
            }
        });
        if (ctx.request().method() == io.vertx.core.http.HttpMethod.HEAD && response.getHeader("Content-Length") != null) {
            out.putHeader("Content-Length", response.getHeader("Content-Length"));
        }
        out.end(body);
    }
}
