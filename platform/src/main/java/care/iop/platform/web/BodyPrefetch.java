package care.iop.platform.web;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Reads a small JSON request body on the I/O thread, before the REST layer hands the request to a worker thread. Every
 * endpoint of the services is blocking: without this, the worker reads the body through a stream that waits for the
 * I/O thread to deliver it and then to see the request end, two hand-offs between threads for every POST and PUT
 * (the largest wait of a registration in the profiles, docs/performance-log.md). The REST layer takes a body read here
 * as it is ({@link RoutingContext#body()}), so nothing after this route changes. A body without a Content-Length,
 * larger than {@value #LIMIT} bytes or not JSON is left to the stream as before, so size limits and their answers stay
 * Quarkus' own.
 */
@ApplicationScoped
public class BodyPrefetch {
    /** Bodies up to this size are read ahead: requests of the API are far smaller; uploads are not JSON. */
    static final int LIMIT = 64 * 1024;
    /** Right after {@link EdgeGuard}, before Quarkus' own routes and the REST layer. */
    static final int ORDER = EdgeGuard.ORDER + 1;

    private final BodyHandler bodies = BodyHandler.create(false).setBodyLimit(LIMIT).setPreallocateBodyBuffer(true)
            .setMergeFormAttributes(false);

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::prefetch);
    }

    void prefetch(RoutingContext ctx) {
        if (smallJson(ctx.request())) {
            bodies.handle(ctx);
        } else {
            ctx.next();
        }
    }

    /** A request that is still sending a JSON body of a known size of at most {@value #LIMIT} bytes. */
    static boolean smallJson(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (length == null || type == null || request.isEnded() || length.length() > 6) {
            return false;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        return bytes > 0 && bytes <= LIMIT && type.toLowerCase(Locale.ROOT).contains("json");
    }
}
