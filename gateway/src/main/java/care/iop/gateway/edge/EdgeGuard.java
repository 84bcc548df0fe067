package care.iop.gateway.edge;

import io.vertx.ext.web.RoutingContext;

import care.iop.gateway.GatewayConfig;
import care.iop.gateway.problem.Problems;
import care.iop.problems.EdgeChecks;

/**
 * What the HTTP server would refuse with a bare status, answered as problem+json before routing (docs/gateway.md,
 * "Errors at the edge"): a target over {@code iop.gateway.max-uri-length} (414), header fields over
 * {@code iop.gateway.max-header-size} (431), a target that is no URI (400 malformed-request); a target that is no URI
 * only because of characters such as the {@code |} of {@code identifier=system|value} is percent-encoded and routed
 * again, so the proxy forwards a valid URI. Quarkus' own check, which answers an empty 400, is switched off by
 * {@link UriValidationHandover}.
 */
public final class EdgeGuard {
    private final int maxUriLength;
    private final int maxHeaderSize;

    public EdgeGuard(GatewayConfig config) {
        this.maxUriLength = config.maxUriLength();
        this.maxHeaderSize = (int) Math.min(Integer.MAX_VALUE, config.maxHeaderSize().asLongValue());
    }

    public void check(RoutingContext ctx) {
        EdgeChecks.Outcome headers = EdgeChecks.headers(ctx.request().headers(), maxHeaderSize);
        if (headers.refused()) {
            Problems.send(ctx, headers.problem(), headers.detail());
            return;
        }
        String received = ctx.request().uri();
        EdgeChecks.Outcome target = EdgeChecks.target(received, maxUriLength);
        if (target.refused()) {
            Problems.send(ctx, target.problem(), target.detail());
        } else if (!target.target().equals(received)) {
            ctx.reroute(ctx.request().method(), target.target());
        } else {
            ctx.next();
        }
    }
}
