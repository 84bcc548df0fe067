package care.iop.gateway.health;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;

import care.iop.gateway.Routes;
import care.iop.gateway.proxy.Upstreams;

/**
 * One check per upstream ({@code upstream-participant}, ...): UP when its {@code /q/health/ready}
 * answers 200 within two seconds. Reported in {@code /q/health} and {@code /q/health/well}, not in
 * the gateway's own readiness: with one service down the gateway must stay in rotation, answer 503
 * problem+json for that service's routes and keep serving the others.
 */
@ApplicationScoped
public class UpstreamReadiness {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Inject
    Upstreams upstreams;

    @Inject
    @Wellness
    HealthRegistry upstreamHealth;

    void register(@Observes StartupEvent start) {
        for (String upstream : Routes.upstreamNames()) {
            upstreamHealth.register("upstream-" + upstream, () -> check(upstream));
        }
    }

    Uni<HealthCheckResponse> check(String upstream) {
        String name = "upstream-" + upstream;
        return Uni.createFrom().completionStage(() -> upstreams.client()
                        .request(upstreams.request(upstream, HttpMethod.GET, "/q/health/ready").setIdleTimeout(TIMEOUT.toMillis()))
                        .compose(request -> request.send())
                        .compose(response -> response.body().map(body -> response.statusCode()))
                        .toCompletionStage())
                .map(status -> HealthCheckResponse.named(name).status(status == 200).withData("status", status).build())
                .onFailure().recoverWithItem(error -> HealthCheckResponse.named(name).down()
                        .withData("error", error instanceof java.net.ConnectException || error.getCause() instanceof java.net.ConnectException
                                ? "not reachable" : "no answer").build());
    }
}
