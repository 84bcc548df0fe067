package care.iop.gateway.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import care.iop.gateway.Routes;
import care.iop.gateway.openapi.OpenApiDocument;

/**
 * {@code GET /fhir/R4/metadata} (no token): the services' CapabilityStatements merged into one ({@link CapabilityMerge}).
 * As the merged API document: the last complete merge is reused for {@code iop.gateway.fhir.metadata-cache-ttl}, one merge
 * at a time however many clients ask; when a service does not answer, the last complete merge is served, marked stale
 * ({@code X-IOP-Stale}, {@code Age}); only before any complete merge are the others served, the description naming the
 * missing service (its types absent). No service answering and nothing merged yet: 503 OperationOutcome.
 */
@ApplicationScoped
public class MetadataEndpoint {
    private static final Logger LOG = Logger.getLogger(MetadataEndpoint.class);
    static final String SERVICE_METADATA = FhirTypes.BASE + "/metadata";

    @Inject
    FhirCalls calls;

    @Inject
    FhirConfig config;

    @Inject
    FhirBase base;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev")
    String version;

    private volatile Merged lastComplete;
    private final AtomicReference<Future<Merged>> inFlight = new AtomicReference<>();

    public void handle(RoutingContext ctx) {
        Merged known = lastComplete;
        if (known != null && System.nanoTime() - known.mergedAtNanos() < config.metadataCacheTtl().toNanos()) {
            send(ctx, known);
            return;
        }
        merge(ctx).onComplete(done -> {
            Merged merge = done.result();
            Merged complete = lastComplete;
            if (merge.missing().isEmpty()) {
                send(ctx, merge);
            } else if (complete != null) {
                LOG.warnf("Serving the CapabilityStatement merged %d s ago: %s did not answer",
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - complete.mergedAtNanos()), String.join(", ", merge.missing()));
                ctx.response().putHeader(OpenApiDocument.STALE_HEADER, "true")
                        .putHeader("Age", Long.toString(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - complete.mergedAtNanos())));
                send(ctx, complete);
            } else if (merge.missing().size() < Routes.upstreamNames().size()) {
                send(ctx, merge);
            } else {
                OperationOutcomes.send(ctx, 503, "transient", "No service answered with its CapabilityStatement; try again later.", null);
            }
        });
    }

    /** Forgets the last complete merge (tests: the gateway as it starts while a service is down). */
    void forget() {
        lastComplete = null;
    }

    private void send(RoutingContext ctx, Merged merged) {
        CapabilityMerge.Server server = new CapabilityMerge.Server(base.of(ctx), version, config.tokenEndpoint(), config.authorizationEndpoint());
        JsonObject statement = CapabilityMerge.statement(merged.resources(), server, merged.mergedAt(), merged.missing());
        ctx.response().putHeader("Content-Type", OperationOutcomes.FHIR_JSON).end(statement.toBuffer());
    }

    /** The merge under way, or a new one; it never fails (a service that did not answer is named in {@code missing}). */
    private Future<Merged> merge(RoutingContext ctx) {
        Promise<Merged> promise = Promise.promise();
        Future<Merged> running = inFlight.compareAndExchange(null, promise.future());
        if (running != null) {
            return running;
        }
        List<String> names = Routes.upstreamNames();
        List<Future<JsonObject>> statements = names.stream().map(name -> calls.get(ctx, name, SERVICE_METADATA, false)).toList();
        Future.join(statements).onComplete(done -> {
            List<JsonObject> answered = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                Future<JsonObject> statement = statements.get(i);
                if (statement.succeeded() && "CapabilityStatement".equals(statement.result().getString("resourceType"))) {
                    answered.add(statement.result());
                } else {
                    LOG.warnf("No CapabilityStatement from %s: %s", names.get(i),
                            statement.succeeded() ? "not a CapabilityStatement" : statement.cause().toString());
                    missing.add(names.get(i));
                }
            }
            Merged merged = new Merged(CapabilityMerge.resources(answered), Instant.now(), System.nanoTime(), List.copyOf(missing));
            if (missing.isEmpty()) {
                lastComplete = merged;
            }
            inFlight.set(null);
            promise.complete(merged);
        });
        return promise.future();
    }

    /** One merge: the resource entries, when it was made, and the services that did not answer. */
    private record Merged(JsonArray resources, Instant mergedAt, long mergedAtNanos, List<String> missing) {
    }
}
