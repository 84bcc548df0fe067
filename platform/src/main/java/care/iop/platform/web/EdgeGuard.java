package care.iop.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import care.iop.problems.EdgeChecks;
import care.iop.problems.ProblemType;

/**
 * What the HTTP server would refuse with a bare status, answered as problem+json by the first route of every service
 * (docs/gateway.md, "Errors at the edge"): a target over {@code iop.http.max-uri-length} (414), header fields over
 * {@code iop.http.max-header-size} (431), a target that is no URI (400 malformed-request). A target that is no URI only
 * because of characters such as the {@code |} of {@code identifier=system|value} is percent-encoded and routed again,
 * so the REST layer sees a valid URI and decodes the parameter to {@code system|value}. Quarkus' own check, which
 * answers an empty 400, is switched off by {@link UriValidationHandover}.
 */
@ApplicationScoped
public class EdgeGuard {
    /** Before every other route of the service (Quarkus' filters and the REST layer come later). */
    static final int ORDER = -10_000;

    @ConfigProperty(name = "iop.http.max-uri-length", defaultValue = "4096")
    int maxUriLength;

    @ConfigProperty(name = "iop.http.max-header-size", defaultValue = "20K")
    MemorySize maxHeaderSize;

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    void check(RoutingContext ctx) {
        EdgeChecks.Outcome headers = EdgeChecks.headers(ctx.request().headers(), (int) Math.min(Integer.MAX_VALUE, maxHeaderSize.asLongValue()));
        if (headers.refused()) {
            refuse(ctx, headers);
            return;
        }
        String received = ctx.request().uri();
        EdgeChecks.Outcome target = EdgeChecks.target(received, maxUriLength);
        if (target.refused()) {
            refuse(ctx, target);
        } else if (!target.target().equals(received)) {
            ctx.reroute(ctx.request().method(), target.target());
        } else {
            ctx.next();
        }
    }

    /** The problem, with the request id the REST layer would have used (it never sees this request). */
    private static void refuse(RoutingContext ctx, EdgeChecks.Outcome outcome) {
        ProblemType type = outcome.problem();
        String requestId = RequestIds.accept(ctx.request().getHeader(RequestIds.HEADER));
        JsonObject body = new JsonObject()
                .put("type", type.uri().toString())
                .put("title", type.title())
                .put("status", type.status())
                .put("detail", outcome.detail())
                .put("instance", ctx.request().path())
                .put("requestId", requestId);
        ctx.response().setStatusCode(type.status())
                .putHeader("Content-Type", ProblemType.MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, requestId)
                .end(body.toBuffer());
    }
}
