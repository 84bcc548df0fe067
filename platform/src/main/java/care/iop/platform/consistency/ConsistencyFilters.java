package care.iop.platform.consistency;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import care.iop.platform.security.CurrentUser;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * {@value ConsistencyToken#HEADER} on the way in and out. In: an authenticated request that names aggregate versions
 * waits until this service's read models hold them (at most {@code iop.read-your-writes.max-wait}, then 503
 * {@code read-model-behind}); a service without read models, and a request of a patient, only check the header's form. Out: a success answer names
 * the aggregate versions the request wrote.
 */
public class ConsistencyFilters {

    @Inject
    ReadModelWait wait;

    @Inject
    ReadModelVersions versions;

    @Inject
    ConsistencyTokens tokens;

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentUser user;

    @ServerRequestFilter(priority = Priorities.USER + 100)
    public void awaitToken(ContainerRequestContext request) {
        String header = request.getHeaderString(ConsistencyToken.HEADER);
        if (header == null) {
            return;
        }
        List<AggregateVersion> wanted = ConsistencyToken.parse(header);
        if (!versions.any() || versions.held(wanted).isEmpty() || identity.isAnonymous() || user.isPatientOnly()) {
            // nothing this service keeps; an anonymous request is refused by the endpoint anyway; a patient's token never
            // comes from a write of theirs, and waiting for another patient's id would tell whether it exists
            return;
        }
        wait.until(wanted, ConsistencyToken.HEADER, wait.deadline());
    }

    @ServerResponseFilter
    public void nameWrites(ContainerResponseContext response) {
        if (response.getStatus() < 200 || response.getStatus() >= 300) {
            return;
        }
        List<AggregateVersion> written = tokens.written();
        if (!written.isEmpty()) {
            response.getHeaders().putSingle(ConsistencyToken.HEADER, ConsistencyToken.format(written));
        }
    }
}
