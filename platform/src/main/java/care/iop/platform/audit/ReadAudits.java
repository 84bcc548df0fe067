package care.iop.platform.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import care.iop.platform.problem.ProblemResponses;
import care.iop.problems.ProblemType;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

/**
 * The audit entries of an HTTP read are not written in the read's transaction: they are collected
 * with the request and, when the answer is a success, handed to the {@link AuditWriter} just before
 * the response leaves. The response waits until they are committed, so no patient data leaves the
 * service without its durable audit row; if the row cannot be written the caller gets a 503 instead
 * of the data. An answer that is not a success records no success.
 */
@ApplicationScoped
public class ReadAudits {
    private static final String KEY = "iop.read-audits";

    @Inject
    AuditWriter writer;

    /** Defers {@code entry} to the end of the current HTTP request; false when there is none (the caller writes it now). */
    boolean defer(AuditEntry entry) {
        ResteasyReactiveRequestContext current = CurrentRequestManager.get();
        if (current == null) {
            return false;
        }
        @SuppressWarnings("unchecked")
        List<AuditEntry> entries = (List<AuditEntry>) current.getProperty(KEY);
        if (entries == null) {
            entries = new ArrayList<>(1);
            current.setProperty(KEY, entries);
        }
        entries.add(entry);
        return true;
    }

    @ServerResponseFilter
    public void writeBeforeResponding(ContainerRequestContext request, ContainerResponseContext response) {
        @SuppressWarnings("unchecked")
        List<AuditEntry> entries = (List<AuditEntry>) request.getProperty(KEY);
        request.removeProperty(KEY);
        if (entries == null || response.getStatus() >= 300) {
            return;
        }
        try {
            writer.write(entries).get(writer.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            refuse(response);
        } catch (ExecutionException | TimeoutException e) {
            refuse(response);
        }
    }

    private static void refuse(ContainerResponseContext response) {
        Response problem = ProblemResponses.of(ProblemType.SERVICE_UNAVAILABLE,
                "The access could not be recorded in the audit trail, so the data is withheld; try again.", null, null);
        response.setStatus(problem.getStatus());
        for (String header : new String[] { HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.LAST_MODIFIED, "Content-Disposition" }) {
            response.getHeaders().remove(header);
        }
        response.setEntity(problem.getEntity(), new java.lang.annotation.Annotation[0], problem.getMediaType());
        response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, "5");
    }
}
