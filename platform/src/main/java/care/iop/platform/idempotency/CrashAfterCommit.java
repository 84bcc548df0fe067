package care.iop.platform.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

import io.quarkus.runtime.StartupEvent;

/**
 * Test hook for the crash test of the system tests: with {@code iop.idempotency.test-hooks.halt-after-commit=true}, a
 * request with an Idempotency-Key and the header {@value #HEADER} halts the JVM (no shutdown hooks, like a kill -9)
 * right after its change and stored answer committed, before the answer is sent. Off by default; the local stack and
 * the Kubernetes manifests never turn it on, and the gateway never forwards {@code X-IOP-Test-*} headers.
 */
@ApplicationScoped
public class CrashAfterCommit {
    public static final String HEADER = "X-IOP-Test-Halt-After-Commit";
    private static final Logger LOG = Logger.getLogger(CrashAfterCommit.class);

    @Inject
    IdempotencyConfig config;

    void warnWhenOn(@Observes StartupEvent event) {
        if (config.testHooks().haltAfterCommit()) {
            LOG.warnf("TEST HOOK ON: iop.idempotency.test-hooks.halt-after-commit lets a request with %s stop this process."
                    + " Never enable it outside tests.", HEADER);
        }
    }

    void haltIfAsked(ResteasyReactiveRequestContext request) {
        if (config.testHooks().haltAfterCommit() && "true".equalsIgnoreCase(request.serverRequest().getRequestHeader(HEADER))) {
            LOG.warn("TEST HOOK: halting after the commit, before the answer (" + HEADER + ")");
            Runtime.getRuntime().halt(137);
        }
    }
}
