package care.iop.gateway.fhir;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import care.iop.gateway.GatewayConfig;
import care.iop.gateway.edge.Authentication;
import care.iop.gateway.fhir.export.ExportEndpoints;
import care.iop.gateway.problem.Problems;
import care.iop.gateway.proxy.ProxyHandler;

/**
 * The FHIR front door, {@code /fhir/R4} (docs/fhir.md). Under {@code /fhir/} the same edge as under {@code /api/}: body
 * limit, token verification, the per-client rate limit (registered by the gateway for every path), token required,
 * except for the CapabilityStatement and the SMART configuration; every error the gateway itself answers here is an
 * OperationOutcome ({@link OperationOutcomes}, through {@link Problems}). Then: the gateway's own operations (metadata,
 * {@code Patient/{id}/$everything}, bulk export), or the service that owns the resource type of the first segment
 * ({@link FhirTypes}), the request forwarded as the proxy forwards any other; an unknown type is 404.
 */
@ApplicationScoped
public class FhirRouter {
    private static final String FHIR = "/fhir/*";
    private static final String METADATA = FhirTypes.BASE + "/metadata";
    private static final String SMART_UNDER_BASE = FhirTypes.BASE + SmartConfiguration.PATH;
    /** A FHIR logical id: what a resource id can be at all; anything else cannot exist. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    @Inject
    GatewayConfig config;

    @Inject
    Authentication authentication;

    @Inject
    ProxyHandler proxy;

    @Inject
    MetadataEndpoint metadata;

    @Inject
    SmartConfiguration smart;

    @Inject
    EverythingMerge everything;

    @Inject
    ExportEndpoints export;

    /** Adds the FHIR routes: the edge steps by their order around the gateway's rate limit, then the dispatch. */
    public void register(Router router) {
        router.route(FHIR).order(-90)
                .handler(BodyHandler.create(false).setBodyLimit(config.maxBodySize().asLongValue()).setHandleFileUploads(false))
                .failureHandler(Problems::onFailure);
        router.route(FHIR).order(-80).handler(authentication::identify);
        router.route(FHIR).order(-60).handler(this::requireToken);
        router.route(FHIR).handler(this::dispatch);
        router.route(FHIR).order(10_001).failureHandler(Problems::onFailure);
        router.route(SmartConfiguration.PATH).method(HttpMethod.GET).handler(smart::handle);
    }

    private void requireToken(RoutingContext ctx) {
        String path = ctx.request().path();
        if (ctx.request().method() == HttpMethod.GET && (path.equals(METADATA) || path.equals(SMART_UNDER_BASE))) {
            ctx.next();
        } else {
            authentication.require(ctx);
        }
    }

    private void dispatch(RoutingContext ctx) {
        try {
            route(ctx);
        } catch (BadFhirRequest refused) {
            OperationOutcomes.send(ctx, refused.status, refused.code, refused.getMessage(), refused.expression);
        }
    }

    private void route(RoutingContext ctx) {
        String path = ctx.request().path();
        if (!path.startsWith(FhirTypes.BASE + "/")) {
            throw new BadFhirRequest(404, "not-found", "No FHIR API at " + path + "; the FHIR base is " + FhirTypes.BASE + ".", null);
        }
        // a client that percent-encodes the '$' of an operation ($everything as %24everything) means the same operation
        String[] segments = path.substring(FhirTypes.BASE.length() + 1).replace("%24", "$").split("/", -1);
        HttpMethod method = ctx.request().method();
        String first = segments[0];
        if (path.equals(METADATA)) {
            only(method, HttpMethod.GET);
            metadata.handle(ctx);
        } else if (path.equals(SMART_UNDER_BASE)) {
            only(method, HttpMethod.GET);
            smart.handle(ctx);
        } else if (first.equals(FhirTypes.EXPORT_STATUS) && segments.length == 2) {
            if (method == HttpMethod.DELETE) {
                export.cancel(ctx, segments[1]);
            } else {
                only(method, HttpMethod.GET);
                export.status(ctx, segments[1]);
            }
        } else if (first.equals(FhirTypes.EXPORT_FILE) && segments.length == 3) {
            only(method, HttpMethod.GET);
            export.file(ctx, segments[1], segments[2]);
        } else if (first.equals("Patient") && segments.length == 2 && segments[1].equals("$export")) {
            only(method, HttpMethod.GET);
            export.kickOff(ctx, null);
        } else if (first.equals("Group") && segments.length == 3 && segments[2].equals("$export")) {
            only(method, HttpMethod.GET);
            export.kickOff(ctx, id(segments[1], "Group"));
        } else if (first.equals("Patient") && segments.length == 3 && segments[2].equals("$everything")) {
            only(method, HttpMethod.GET);
            everything.handle(ctx, id(segments[1], "Patient"));
        } else if (segments[segments.length - 1].startsWith("$") && segments[segments.length - 1].endsWith("-part")) {
            // the services' internal parts ($everything-part, $export-part) are the gateway's to call, not clients'
            throw new BadFhirRequest(404, "not-supported", "No operation " + segments[segments.length - 1] + " here.", null);
        } else {
            String upstream = FhirTypes.ownerOf(first).orElseThrow(() -> new BadFhirRequest(404, "not-supported",
                    (first.isEmpty() ? "System-level interactions are" : "Resource type '" + first + "' is") + " not served here; "
                            + "this server serves " + String.join(", ", FhirTypes.types()) + ".", null));
            proxy.forward(ctx, FhirTypes.BASE + "/" + first, upstream);
        }
    }

    private static void only(HttpMethod method, HttpMethod allowed) {
        if (method != allowed) {
            throw new BadFhirRequest(405, "not-supported", "Only " + allowed.name() + " is supported here.", null);
        }
    }

    private static String id(String value, String type) {
        if (!ID.matcher(value).matches()) {
            throw new BadFhirRequest(404, "not-found", type + "/" + value + " does not exist.", null);
        }
        return value;
    }
}
