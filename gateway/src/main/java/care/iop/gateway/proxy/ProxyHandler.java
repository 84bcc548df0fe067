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

import care.iop.gateway.consistency.ConsistencyTokens;
import care.iop.gateway.edge.ClientResolver;
import care.iop.gateway.problem.Problems;
import care.iop.problems.ProblemType;

/**
 * Forwards a request (already buffered and authenticated) to its upstream and relays the answer.
 * Hop-by-hop headers are dropped; {@code Authorization} and {@code X-Request-Id} go through; the
 * forwarding headers are the gateway's own ({@code X-Forwarded-For/-Proto/-Host} of the client); {@code Consistency-Token}
 * carries what the caller wrote lately ({@link ConsistencyTokens}). Upstream
 * 5xx answers that are not problem+json, refused connections and timeouts become the gateway's own problems.
 */
@ApplicationScoped
public class ProxyHandler {
    private static final Logger LOG = Logger.getLogger(ProxyHandler.class);
    /** Compared ignoring case, so no header name is lower-cased (copied) per request. */
    private static final Set<String> HOP_BY_HOP = caseInsensitive("connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
            "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length");
    private static final String TEST_HOOKS = "x-iop-test-";
    private static final String FORWARDED_PREFIX = "x-forwarded-";
    /** The outcome tag of an answer by its status class. */
    private static final String[] STATUS_CLASSES = { "0xx", "1xx", "2xx", "3xx", "4xx", "5xx" };

    @Inject
    Upstreams upstreams;

    @Inject
    UpstreamMetrics metrics;

    @Inject
    ClientResolver clients;

    @Inject
    ConsistencyTokens consistency;

    public void forward(RoutingContext ctx, String prefix, String upstream) {
        HttpServerRequest in = ctx.request();
        long start = System.nanoTime();
        Buffer body = ctx.body().buffer();
        upstreams.client().request(upstreams.request(upstream, in.method(), in.uri()))
                .compose(out -> {
                    copyRequestHeaders(ctx, out);
                    return body == null || body.length() == 0 ? out.send() : out.send(body);
                })
                .compose(response -> response.body().map(buffer -> {
                    consistency.remember(ctx, response);
                    relay(ctx, upstream, response, buffer);
                    return response.statusCode();
                }))
                .onSuccess(status -> metrics.record(upstream, statusClass(status), start))
                .onFailure(error -> {
                    ProblemType type = UpstreamFailure.type(error);
                    metrics.record(upstream, type.name().toLowerCase(), start);
                    LOG.debugf("Upstream %s failed for %s %s: %s", upstream, in.method(), in.path(), error.toString());
                    Problems.send(ctx, type, UpstreamFailure.detail(type, upstream));
                });
    }

    /**
     * Copies the end-to-end headers (so {@code Idempotency-Key} too), except every forwarding header the request came
     * with ({@code Forwarded}, {@code X-Forwarded-*}, {@code X-Real-IP}): the services trust those from the gateway, so
     * the gateway states them itself, from the client {@link ClientResolver} found; and except the services' test hooks
     * ({@code X-IOP-Test-*}), which no client may reach even where a hook was turned on by mistake.
     */
    private void copyRequestHeaders(RoutingContext ctx, HttpClientRequest out) {
        MultiMap headers = out.headers();
        ctx.request().headers().forEach(header -> {
            String name = header.getKey();
            if (!HOP_BY_HOP.contains(name) && !isForwarding(name) && !startsWithIgnoringCase(name, TEST_HOOKS)) {
                headers.add(name, header.getValue());
            }
        });
        clients.forwardTo(ctx, headers);
        consistency.attach(ctx, headers);
    }

    private static boolean isForwarding(String name) {
        return startsWithIgnoringCase(name, FORWARDED_PREFIX) || name.equalsIgnoreCase("forwarded") || name.equalsIgnoreCase("x-real-ip");
    }

    private static boolean startsWithIgnoringCase(String name, String lowerCasePrefix) {
        return name.regionMatches(true, 0, lowerCasePrefix, 0, lowerCasePrefix.length());
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(java.util.List.of(names));
        return java.util.Collections.unmodifiableSet(set);
    }

    static String statusClass(int status) {
        int hundreds = status / 100;
        return hundreds >= 0 && hundreds < STATUS_CLASSES.length ? STATUS_CLASSES[hundreds] : hundreds + "xx";
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
            String name = header.getKey();
            if (!HOP_BY_HOP.contains(name) && !"x-request-id".equalsIgnoreCase(name)) {
                out.headers().add(name, header.getValue());
            }
        });
        if (ctx.request().method() == io.vertx.core.http.HttpMethod.HEAD && response.getHeader("Content-Length") != null) {
            out.putHeader("Content-Length", response.getHeader("Content-Length"));
        }
        out.end(body);
    }
}
