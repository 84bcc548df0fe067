package care.iop.gateway.edge;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import care.iop.problems.ProblemType;
import care.iop.gateway.problem.Problems;

/**
 * Edge authentication for {@code /api/*}: {@link #identify} reads the bearer token (without answering),
 * {@link #require} answers 401 when there is no valid one, {@link #requireRole} 403 for a missing role.
 */
@ApplicationScoped
public class Authentication {
    private static final Logger LOG = Logger.getLogger(Authentication.class);
    private static final String IDENTITY = "iop.identity";
    private static final String FAILURE = "iop.authFailure";
    private static final String BEARER = "Bearer ";
    /** Paths a signed link opens without a token: plan-service's chart (POST .../chart-links makes the link). */
    static final Set<String> SIGNED_LINK_PATHS = Set.of("/api/v1/outcomes/modality-comparison/chart");

    @Inject
    TokenVerifier verifier;

    @Inject
    Vertx vertx;

    public static Identity identity(RoutingContext ctx) {
        return ctx.get(IDENTITY);
    }

    /** Verifies the bearer token if there is one and remembers the identity (or why it was refused). */
    public void identify(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            ctx.put(FAILURE, header == null ? "A bearer token is required." : "The Authorization header must carry a bearer token.");
            ctx.next();
            return;
        }
        String token = header.substring(BEARER.length()).trim();
        var known = verifier.cached(token);
        if (known.isPresent()) {
            ctx.put(IDENTITY, known.get());
            ctx.next();
            return;
        }
        vertx.<Identity>executeBlocking(() -> verifier.verify(token), false).onComplete(result -> {
            if (result.succeeded()) {
                ctx.put(IDENTITY, result.result());
            } else {
                LOG.debugf("Token refused: %s", result.cause().getMessage());
                ctx.put(FAILURE, "The bearer token is invalid or expired.");
            }
            ctx.next();
        });
    }

    /**
     * 401 problem unless {@link #identify} found a valid token, or the request is a GET of a signed link
     * (a path of {@link #SIGNED_LINK_PATHS} with a {@code signature} parameter), which the service checks.
     */
    public void require(RoutingContext ctx) {
        if (identity(ctx) != null || isSignedLink(ctx)) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        String why = ctx.get(FAILURE);
        Problems.send(ctx, ProblemType.UNAUTHORIZED, why != null ? why : "A bearer token is required.");
    }

    private static boolean isSignedLink(RoutingContext ctx) {
        return ctx.request().method() == HttpMethod.GET && SIGNED_LINK_PATHS.contains(ctx.request().path())
                && ctx.request().getParam("signature") != null;
    }

    /** 403 problem unless the caller has the role. */
    public static boolean requireRole(RoutingContext ctx, String role) {
        Identity identity = identity(ctx);
        if (identity != null && identity.hasRole(role)) {
            return true;
        }
        Problems.send(ctx, ProblemType.FORBIDDEN, "This endpoint requires the role '" + role + "'.");
        return false;
    }
}
