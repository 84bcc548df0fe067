package care.iop.platform.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import care.iop.platform.db.DirectSql;
import care.iop.platform.idempotency.IdempotencyClaim;
import care.iop.platform.privacy.Disclosure;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;
import care.iop.platform.web.RequestIds;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The append-only audit trail of patient-data access: time, subject, roles, action, resource,
 * patient, outcome and request id. A successful change is recorded in the caller's transaction (so a
 * rolled-back write leaves no "success"); a successful read of an HTTP request is committed together
 * with other reads just before its response leaves ({@link ReadAudits}); a denial is recorded in a
 * transaction of its own.
 */
@ApplicationScoped
public class AuditLog {
    public static final String SUCCESS = "SUCCESS";
    public static final String DENIED = "DENIED";
    public static final String SIGNED_LINK = "signed-link";

    @Inject
    EntityManager em;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    ReadAudits reads;

    @Inject
    Disclosure disclosure;

    @ConfigProperty(name = "quarkus.application.name", defaultValue = "iop")
    String service;

    /** Records a successful access; joins the current transaction, or runs in a new one. */
    public void success(AuditAction action, String resourceType, Object resourceId, UUID patientId) {
        attribute(action, patientId == null ? List.of() : List.of(patientId));
        noteChange(action, resourceType, resourceId, patientId);
        record(action, entry(action.name(), resourceType, resourceId, patientId, SUCCESS));
    }

    /**
     * Records an answer that carries the data of several patients (a search, a roster, an alert list): one row
     * per patient, so each patient's accounting of disclosures sees it; one row without patient when none.
     */
    public void success(AuditAction action, String resourceType, Object resourceId, Collection<UUID> patientIds) {
        Set<UUID> distinct = new LinkedHashSet<>(patientIds);
        distinct.remove(null);
        if (distinct.isEmpty()) {
            success(action, resourceType, resourceId, (UUID) null);
            return;
        }
        attribute(action, distinct);
        for (UUID patientId : distinct) {
            noteChange(action, resourceType, resourceId, patientId);
            record(action, entry(action.name(), resourceType, resourceId, patientId, SUCCESS));
        }
    }

    /**
     * Records that a caller outside the program was refused the records of a Part 2 patient (answered 404), with
     * the reason ({@link Disclosure}), in a transaction of its own: the refusal stays although the request fails.
     */
    public void deniedDisclosure(String resourceType, Object resourceId, UUID patientId, String reason) {
        AuditEntry base = entry("ACCESS", resourceType, resourceId, patientId, DENIED);
        AuditEntry entry = new AuditEntry(base.occurredAt(), base.subject(), base.roles(), base.action(), base.resourceType(),
                base.resourceId(), base.patientId(), base.outcome(), base.requestId(), reason, base.recipient(), null);
        QuarkusTransaction.requiringNew().run(() -> insert(entry));
    }

    /**
     * An answer to a caller outside the program is a disclosure of each patient's records in it (not a record it created
     * itself). A replay is the caller's own earlier answer again: the idempotency keys check its consent beforehand when
     * that answer was a disclosure.
     */
    private void attribute(AuditAction action, Collection<UUID> patientIds) {
        if (action != AuditAction.CREATE && action != AuditAction.REPLAY && !patientIds.isEmpty() && requestActive()) {
            disclosure.attribute(patientIds);
        }
    }

    /** A change made by a request with an Idempotency-Key is remembered with its answer, so that a replay is audited against it. */
    private static void noteChange(AuditAction action, String resourceType, Object resourceId, UUID patientId) {
        if (action == AuditAction.CREATE || action == AuditAction.UPDATE || action == AuditAction.DELETE) {
            IdempotencyClaim.noteChange(resourceType, resourceId, patientId);
        }
    }

    /**
     * Captures a successful change now (the caller's identity, the request id) to be recorded later
     * with {@link #write}, in the transaction that makes the change, possibly on another thread: a
     * change made for several requests at once records each with its own caller.
     */
    public AuditEntry change(AuditAction action, String resourceType, Object resourceId, UUID patientId) {
        noteChange(action, resourceType, resourceId, patientId);
        return entry(action.name(), resourceType, resourceId, patientId, SUCCESS);
    }

    /** Records an entry captured with {@link #change}; joins the current transaction, or runs in a new one. */
    public void write(AuditEntry entry) {
        QuarkusTransaction.joiningExisting().run(() -> insert(entry));
    }

    /**
     * Records a successful access without a token through a signed link: the subject is whoever made
     * the link, the roles column says {@value #SIGNED_LINK}.
     */
    public void successThroughLink(String linkIssuer, AuditAction action, String resourceType, Object resourceId) {
        record(action, entry(linkIssuer, SIGNED_LINK, action.name(), resourceType, resourceId, null, SUCCESS));
    }

    /** Reads (and replays) go to the group commit of their request; changes (and reads outside a request) join the caller's transaction. */
    private void record(AuditAction action, AuditEntry entry) {
        boolean read = action == AuditAction.READ || action == AuditAction.SEARCH || action == AuditAction.REPLAY;
        if (!read || !reads.defer(entry)) {
            write(entry);
        }
    }

    /**
     * Records a refused access (wrong role) to the request path. Callable on an I/O thread: the
     * caller's identity is captured now, the row written on a worker thread.
     */
    public Uni<Void> denied(String path) {
        AuditEntry entry = entry("ACCESS", "http", path, null, DENIED);
        return Uni.createFrom().item(() -> {
            QuarkusTransaction.requiringNew().run(() -> insert(entry));
            return (Void) null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * Records that a patient token asked for another patient's data (answered 404), naming the patient
     * whose data was asked for, in a transaction of its own: the refusal stays on record although the
     * request fails.
     */
    public void deniedPatientAccess(String resourceType, Object resourceId, UUID patientId) {
        AuditEntry entry = entry("ACCESS", resourceType, resourceId, patientId, DENIED);
        QuarkusTransaction.requiringNew().run(() -> insert(entry));
    }

    private AuditEntry entry(String action, String resourceType, Object resourceId, UUID patientId, String outcome) {
        SecurityIdentity identity = identities.getIdentity();
        String subject = identity == null || identity.isAnonymous() ? null : identity.getPrincipal().getName();
        String roles = identity == null ? "" : String.join(",", new java.util.TreeSet<>(identity.getRoles()));
        String recipient = null;
        UUID consentId = null;
        if (identity != null && !identity.isAnonymous() && requestActive() && disclosure.external()) {
            recipient = disclosure.recipient();
            consentId = patientId == null ? null : disclosure.consentFor(patientId).orElse(null);
        }
        return new AuditEntry(OffsetDateTime.now(ZoneOffset.UTC), subject, roles, action, resourceType,
                resourceId == null ? null : resourceId.toString(), patientId, outcome, RequestIds.current(), null, recipient, consentId);
    }

    private static AuditEntry entry(String subject, String roles, String action, String resourceType, Object resourceId, UUID patientId,
                               String outcome) {
        return new AuditEntry(OffsetDateTime.now(ZoneOffset.UTC), subject, roles, action, resourceType,
                resourceId == null ? null : resourceId.toString(), patientId, outcome, RequestIds.current(), null, null, null);
    }

    private static boolean requestActive() {
        return Arc.container().requestContext().isActive();
    }

    private void insert(AuditEntry entry) {
        DirectSql.update(em, AuditEntry.INSERT, entry.parameters());
    }

    /** The trail in time order, optionally for one patient and a time window. */
    @SuppressWarnings("unchecked")
    public Page<AuditRecord> search(UUID patientId, Instant from, Instant to, PageQuery page) {
        String where = " where (cast(?1 as uuid) is null or patient_id = ?1)"
                + " and (cast(?2 as timestamptz) is null or occurred_at >= ?2)"
                + " and (cast(?3 as timestamptz) is null or occurred_at < ?3)";
        Timestamp fromTs = from == null ? null : Timestamp.from(from);
        Timestamp toTs = to == null ? null : Timestamp.from(to);
        List<Object[]> rows = em.createNativeQuery("select id, occurred_at, subject, roles, action, resource_type, resource_id, patient_id, outcome, request_id,"
                        + " reason, recipient, consent_id"
                        + " from audit_event" + where + " order by occurred_at, id limit ?4 offset ?5")
                .setParameter(1, patientId).setParameter(2, fromTs).setParameter(3, toTs)
                .setParameter(4, page.size).setParameter(5, page.offset())
                .getResultList();
        long total = ((Number) em.createNativeQuery("select count(*) from audit_event" + where)
                .setParameter(1, patientId).setParameter(2, fromTs).setParameter(3, toTs)
                .getSingleResult()).longValue();
        List<AuditRecord> items = rows.stream().map(r -> new AuditRecord(((Number) r[0]).longValue(),
                toOffset(r[1]), service, (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6],
                (UUID) r[7], (String) r[8], (String) r[9], (String) r[10], (String) r[11], (UUID) r[12])).toList();
        return Page.of(items, page, total);
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
