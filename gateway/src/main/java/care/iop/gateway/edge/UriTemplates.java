package care.iop.gateway.edge;

import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

import care.iop.gateway.Routes;

/**
 * Names each request by its route, not its concrete path, for the HTTP metrics
 * ({@code uri="/api/v1/patients/*"}, never an id; {@code /q/swagger-ui/*}, never a file name a client made up),
 * so the number of metric series stays bounded whatever paths clients send.
 */
public final class UriTemplates {
    /** The Vert.x context key Quarkus Micrometer reads as the request's URI template. */
    private static final String KEY = "UrlPathTemplate";

    private UriTemplates() {
    }

    public static void assign(RoutingContext ctx) {
        if (ctx.request() instanceof HttpServerRequestInternal internal) {
            internal.context().putLocal(KEY, Routes.templateFor(ctx.request().path()));
        }
        ctx.next();
    }
}
