package care.iop.gateway.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import care.iop.gateway.GatewayConfig;
import care.iop.gateway.Routes;
import care.iop.problems.ProblemType;
import care.iop.gateway.problem.Problems;
import care.iop.gateway.proxy.Upstreams;

/**
 * {@code GET /q/openapi}: the services' documents merged into one (JSON). A complete merge is reused for
 * {@code iop.gateway.openapi.cache-ttl}; when a service does not answer, the others are merged, the
 * document names the missing ones in {@code x-iop-unavailable}, and nothing is cached.
 */
@ApplicationScoped
public class OpenApiDocument {
    private static final Logger LOG = Logger.getLogger(OpenApiDocument.class);

    @Inject
    Upstreams upstreams;

    @Inject
    GatewayConfig config;

    private volatile Cached cached;

    public void handle(RoutingContext ctx) {
        Cached current = cached;
        if (current != null && System.nanoTime() < current.expiresAt) {
            send(ctx, current.document);
            return;
        }
        List<String> names = Routes.upstreamNames();
        List<Future<JsonObject>> documents = names.stream().map(this::fetch).toList();
        Future.join(documents).onComplete(done -> {
            Map<String, JsonObject> answered = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (documents.get(i).succeeded()) {
                    answered.put(names.get(i), documents.get(i).result());
                } else {
                    LOG.warnf("No API document from %s: %s", names.get(i), documents.get(i).cause().toString());
                    missing.add(names.get(i));
                }
            }
            if (answered.isEmpty()) {
                Problems.send(ctx, ProblemType.SERVICE_UNAVAILABLE, "No service answered with its API document; try again later.");
                return;
            }
            OpenApiMerger merger = new OpenApiMerger(config.openapi().title(), config.openapi().version(), config.openapi().servers());
            JsonObject merged = merger.merge(answered);
            if (missing.isEmpty()) {
                Buffer encoded = merged.toBuffer();
                cached = new Cached(encoded, System.nanoTime() + config.openapi().cacheTtl().toNanos());
                send(ctx, encoded);
            } else {
                merged.put("x-iop-unavailable", new JsonArray(missing));
                send(ctx, merged.toBuffer());
            }
        });
    }

    private Future<JsonObject> fetch(String upstream) {
        return upstreams.client().request(upstreams.request(upstream, HttpMethod.GET, "/q/openapi?format=json"))
                .compose(request -> request.putHeader("Accept", "application/json").send())
                .compose(response -> response.body().compose(body -> response.statusCode() == 200
                        ? Future.succeededFuture(body.toJsonObject())
                        : Future.failedFuture(upstream + " answered " + response.statusCode())));
    }

    private static void send(RoutingContext ctx, Buffer document) {
        ctx.response().putHeader("Content-Type", "application/json").end(document);
    }

    /** An encoded merged document and when it goes stale. */
    private record Cached(Buffer document, long expiresAt) {
    }
}
