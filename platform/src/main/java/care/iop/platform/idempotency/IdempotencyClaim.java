package care.iop.platform.idempotency;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

/**
 * The key a running request holds: the caller (token subject and client identity), the key, and this request's claim
 * on it. Its answer is recorded with {@link #record} in the transaction that commits the change, on whatever thread
 * commits it.
 */
public final class IdempotencyClaim {
    private static final String PROPERTY = IdempotencyClaim.class.getName();

    final String subject;
    final String client;
    final String key;
    final UUID claimId;
    private final IdempotencyStore store;
    private final List<StoredAnswer.Change> changes = new ArrayList<>();
    private volatile boolean recorded;

    IdempotencyClaim(IdempotencyStore store, String subject, String client, String key, UUID claimId) {
        this.store = store;
        this.subject = subject;
        this.client = client;
        this.key = key;
        this.claimId = claimId;
    }

    /** The claim of the current HTTP request, when it carries an Idempotency-Key (call on the request's thread). */
    public static Optional<IdempotencyClaim> current() {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        return request == null ? Optional.empty() : Optional.ofNullable((IdempotencyClaim) request.getProperty(PROPERTY));
    }

    /** Called by the audit trail for every change the current request records: a replay is audited against them. */
    public static void noteChange(String resourceType, Object resourceId, UUID patientId) {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        if (request != null && request.getProperty(PROPERTY) instanceof IdempotencyClaim claim) {
            synchronized (claim.changes) {
                claim.changes.add(new StoredAnswer.Change(resourceType, resourceId == null ? null : resourceId.toString(), patientId));
            }
        }
    }

    void attachTo(ResteasyReactiveRequestContext request) {
        request.setProperty(PROPERTY, this);
    }

    /**
     * Records the answer of the change; call it in the transaction that commits the change, before it commits. Fails (so
     * the change rolls back) when the request lost its claim: it ran longer than the lease and a repeat took the key over.
     */
    public void record(IdempotentAnswer answer) {
        record(answer, false);
    }

    void record(IdempotentAnswer answer, boolean disclosed) {
        List<StoredAnswer.Change> noted;
        synchronized (changes) {
            noted = List.copyOf(changes);
        }
        store.complete(this, answer, noted, disclosed);
        recorded = true;
    }

    boolean recorded() {
        return recorded;
    }
}
