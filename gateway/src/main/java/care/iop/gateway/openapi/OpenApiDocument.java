package care.iop.gateway.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import care.iop.gateway.GatewayConfig;
import care.iop.gateway.Routes;
import care.iop.gateway.metrics.CacheGauges;
import care.iop.gateway.problem.Problems;
import care.iop.gateway.proxy.Upstreams;
import care.iop.problems.ProblemType;

/**
 * {@code GET /q/openapi}: the services' documents merged into one (JSON). The last complete merge is kept
 * (one document) and reused for {@code iop.gateway.openapi.cache-ttl}; after that the services are asked
 * again, one merge at a time however many clients ask at once. When a service does not answer, the last
 * complete merge is served as it is, marked stale ({@value #STALE_HEADER} header, {@code Age}, a warning
 * in the log); only before any complete merge are the others merged with {@code x-iop-unavailable}
 * naming the missing ones. When no service answers and nothing was merged yet: 503.
 */
@ApplicationScoped
public class OpenApiDocument {
    public static final String STALE_HEADER = "X-IOP-Stale";
    private static final Logger LOG = Logger.getLogger(OpenApiDocument.class);

    @Inject
    Upstreams upstreams;

    @Inject
    GatewayConfig config;

    @Inject
    MeterRegistry registry;

    private volatile Merged lastComplete;
    private final AtomicReference<Future<Merge>> inFlight = new AtomicReference<>();

    @PostConstruct
    void init() {
        CacheGauges.register(registry, "openapi", () -> lastComplete == null ? 0 : 1);
    }

    public void handle(RoutingContext ctx) {
        Merged known = lastComplete;
        if (known != null && System.nanoTime() - known.mergedAt() < config.openapi().cacheTtl().toNanos()) {
            send(ctx, known.document());
            return;
        }
        merge().onComplete(done -> {
            Merge merge = done.result();
            Merged complete = lastComplete;
            if (merge.missing().isEmpty()) {
                send(ctx, merge.document());
            } else if (complete != null) {
                long age = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - complete.mergedAt());
                ctx.response().putHeader(STALE_HEADER, "true").putHeader("Age", Long.toString(age));
                send(ctx, complete.document());
            } else if (merge.document() != null) {
                send(ctx, merge.document());
            } else {
                Problems.send(ctx, ProblemType.SERVICE_UNAVAILABLE, "No service answered with its API document; try again later.");
            }
        });
    }

    /** Forgets the last complete merge (tests: the gateway as it starts while a service is down). */
    void forget() {
        lastComplete = null;
    }

    /** The merge under way, or a new one; it never fails. */
    private Future<Merge> merge() {
        Promise<Merge> promise = Promise.promise();
        Future<Merge> running = inFlight.compareAndExchange(null, promise.future());
        if (running != null) {
            return running;
        }
        fetchAndMerge().onComplete(done -> {
            inFlight.set(null);
            promise.complete(done.succeeded() ? done.result() : new Merge(null, Routes.upstreamNames()));
        });
        return promise.future();
    }

    private Future<Merge> fetchAndMerge() {
        List<String> names = Routes.upstreamNames();
        List<Future<JsonObject>> documents = names.stream().map(this::fetch).toList();
        return Future.join(documents).transform(done -> {
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
                return staleOrNot(new Merge(null, missing));
            }
            GatewayConfig.OpenApi openapi = config.openapi();
            OpenApiMerger merger = new OpenApiMerger(OpenApiMerger.info(openapi.title(), openapi.version(), openapi.contactName(),
                    openapi.contactUrl(), openapi.licenseName(), openapi.licenseUrl().or(openapi::licenseIdentifier).orElse(null)), openapi.servers());
            JsonObject merged = merger.merge(answered);
            if (missing.isEmpty()) {
                Buffer encoded = merged.toBuffer();
                lastComplete = new Merged(encoded, System.nanoTime());
                return Future.succeededFuture(new Merge(encoded, missing));
            }
            merged.put("x-iop-unavailable", new JsonArray(missing));
            return staleOrNot(new Merge(merged.toBuffer(), missing));
        });
    }

    private Future<Merge> staleOrNot(Merge partial) {
        Merged complete = lastComplete;
        if (complete != null) {
            LOG.warnf("Serving the API document merged %d s ago: %s did not answer",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - complete.mergedAt()), String.join(", ", partial.missing()));
        }
        return Future.succeededFuture(partial);
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

    /** The last complete merge, encoded, and when it was made. */
    private record Merged(Buffer document, long mergedAt) {
    }

    /** One attempt: the document (null when no service answered) and the services that did not answer. */
    private record Merge(Buffer document, List<String> missing) {
    }
}
