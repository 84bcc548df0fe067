package care.iop.gateway.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.ext.web.RoutingContext;

import care.iop.gateway.edge.Client;
import care.iop.gateway.edge.ClientResolver;

/**
 * The FHIR base URL as the client sees it ({@code https://api.iop.example/fhir/R4}): the scheme and host the client used
 * and the path a trusted proxy serves the gateway under, as {@link ClientResolver} tells them. The same URL the services
 * build from the forwarding headers the gateway sends them, so every link in an answer names the one public base.
 */
@ApplicationScoped
public class FhirBase {

    @Inject
    ClientResolver clients;

    public String of(RoutingContext ctx) {
        Client client = clients.client(ctx);
        String host = client.host() != null ? client.host() : "localhost";
        return client.scheme() + "://" + host + clients.prefix(ctx) + FhirTypes.BASE;
    }
}
