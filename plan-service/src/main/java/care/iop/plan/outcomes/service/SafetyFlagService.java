package care.iop.plan.outcomes.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.plan.outcomes.domain.SafetyFlag;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.outbox.Outbox;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.CurrentUser;
import care.iop.platform.web.ETags;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/**
 * The safety-flag work queue: list (by status, patient, assigned clinician, kind, overdue), read, and acknowledge without
 * a screen (an admin, with a reason, publishing an event). Closing a flag with a screen is
 * {@code care.iop.plan.risk.service.SafetyFlagResolution}.
 */
@ApplicationScoped
public class SafetyFlagService {
    public static final String RESOURCE = "SafetyFlag";
    /** A flag's last change: raised, found overdue, acknowledged or resolved, whichever is latest. */
    private static final String LAST_CHANGE = "greatest(raisedAt, coalesce(overdueAt, raisedAt), coalesce(acknowledgedAt, raisedAt),"
            + " coalesce(resolvedAt, raisedAt))";

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    /**
     * What to list: every field optional; {@code statuses} and {@code ids} any of them (empty: none); {@code overdue} is judged at
     * {@code now}; the flag's last change (raised, found overdue, acknowledged or resolved, the latest) from (inclusive)
     * and before (exclusive).
     */
    public record Filter(Set<SafetyFlag.Status> statuses, Set<UUID> ids, UUID patientId, UUID assignedClinicianId, SafetyFlag.Kind kind,
                         Boolean overdue, OffsetDateTime now, OffsetDateTime changedFrom, OffsetDateTime changedBefore) {

        public Filter(SafetyFlag.Status status, UUID patientId, UUID assignedClinicianId, SafetyFlag.Kind kind, Boolean overdue,
                      OffsetDateTime now) {
            this(status == null ? null : Set.of(status), null, patientId, assignedClinicianId, kind, overdue, now, null, null);
        }
    }

    /** Oldest first, so the longest-waiting flag is on top; every listed flag is audited as read. */
    @Transactional
    public Page<SafetyFlag> list(Filter filter, PageQuery page) {
        Page<SafetyFlag> found = list(filter, page.offset(), page.size);
        return Page.of(found.items(), page, found.total());
    }

    /** Like {@link #list(Filter, PageQuery)} from {@code offset}, at most {@code limit}. */
    @Transactional
    public Page<SafetyFlag> list(Filter filter, int offset, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (filter.statuses() != null) {
            query.append(filter.statuses().isEmpty() ? " and 1 = 0" : " and status in :statuses");
            if (!filter.statuses().isEmpty()) {
                params.and("statuses", filter.statuses());
            }
        }
        if (filter.ids() != null) {
            query.append(filter.ids().isEmpty() ? " and 1 = 0" : " and id in :ids");
            if (!filter.ids().isEmpty()) {
                params.and("ids", filter.ids());
            }
        }
        if (filter.patientId() != null) {
            query.append(" and patientId = :patient");
            params.and("patient", filter.patientId());
        }
        if (filter.assignedClinicianId() != null) {
            query.append(" and assignedClinicianId = :clinician");
            params.and("clinician", filter.assignedClinicianId());
        }
        if (filter.kind() != null) {
            query.append(" and kind = :kind");
            params.and("kind", filter.kind());
        }
        if (filter.overdue() != null) {
            query.append(filter.overdue() ? " and status = :open and dueAt <= :now" : " and (status <> :open or dueAt > :now)");
            params.and("open", SafetyFlag.Status.OPEN).and("now", filter.now());
        }
        if (filter.changedFrom() != null) {
            query.append(" and ").append(LAST_CHANGE).append(" >= :changedFrom");
            params.and("changedFrom", filter.changedFrom());
        }
        if (filter.changedBefore() != null) {
            query.append(" and ").append(LAST_CHANGE).append(" < :changedBefore");
            params.and("changedBefore", filter.changedBefore());
        }
        var found = SafetyFlag.<SafetyFlag>find(query.toString(), Sort.by("raisedAt").and("id"), params);
        List<SafetyFlag> items = limit == 0 ? List.of() : found.range(offset, offset + limit - 1).list();
        audit.success(AuditAction.SEARCH, RESOURCE, null, filter.patientId());
        items.forEach(flag -> audit.success(AuditAction.READ, RESOURCE, flag.id, flag.patientId));
        return new Page<>(items, limit == 0 ? 0 : offset / limit, limit, found.count());
    }

    @Transactional
    public SafetyFlag get(@NotNull UUID id) {
        SafetyFlag flag = find(id);
        audit.success(AuditAction.READ, RESOURCE, id, flag.patientId);
        return flag;
    }

    /**
     * Closes an open flag without a screen (an admin's exception to the pathway, with a reason that the report lists). 409
     * when it is no longer open; with {@code If-Match}, 412 when the flag changed since it was read.
     */
    @Transactional
    public SafetyFlag acknowledge(@NotNull UUID id, @NotBlank String reason, String ifMatch) {
        SafetyFlag flag = find(id);
        if (ifMatch != null && !ifMatch.isBlank()) {
            ETags.requireMatch(ifMatch, flag.version);
        }
        if (flag.status != SafetyFlag.Status.OPEN) {
            throw ProblemException.conflict("Safety flag " + id + " is already closed (" + flag.status + ")");
        }
        flag.status = SafetyFlag.Status.ACKNOWLEDGED;
        flag.acknowledgedAt = OffsetDateTime.now(ZoneOffset.UTC);
        flag.acknowledgedBy = user.subject();
        flag.acknowledgementNote = reason.strip();
        SafetyFlag.getEntityManager().flush();
        outbox.publish(Topics.PLANS, flag.patientId, EventTypes.SAFETY_FLAG_ACKNOWLEDGED, SafetyFlagEvents.state(flag));
        audit.success(AuditAction.UPDATE, RESOURCE, id, flag.patientId);
        return flag;
    }

    private static SafetyFlag find(UUID id) {
        SafetyFlag flag = SafetyFlag.findById(id);
        if (flag == null) {
            throw ProblemException.notFound(RESOURCE, id);
        }
        return flag;
    }
}
