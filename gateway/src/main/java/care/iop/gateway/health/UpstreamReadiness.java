package care.iop.gateway.health;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;

import care.iop.gateway.Routes;
import care.iop.gateway.proxy.Upstreams;

/**
 * One readiness check per upstream ({@code upstream-participant}, ...): UP when its
 * {@code /q/health/ready} answers 200 within two seconds. The gateway is ready when every service is.
 */
@ApplicationScoped
public class UpstreamReadiness {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Inject
    Upstreams upstreams;

    @Inject
    @Readiness
    HealthRegistry readiness;

    void register(@Observes StartupEvent start) {
        for (String upstream : Routes.upstreamNames()) {
            readiness.register("upstream-" + upstream, () -> check(upstream));
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
