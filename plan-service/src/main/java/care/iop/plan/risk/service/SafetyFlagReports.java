package care.iop.plan.risk.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import care.iop.plan.outcomes.domain.SafetyFlag;
import care.iop.plan.outcomes.service.DateWindow;
import care.iop.plan.outcomes.service.SafetyFlagService;
import care.iop.plan.risk.domain.SafetyFlagReport;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.time.ProgramTime;

/**
 * The safety-flag report of a window of program days (flags by the day they were raised on). Overdue counts the flags that
 * were still open at their due time: closed after it, or still open at {@code now} past it. The patients of the listed
 * acknowledgements are audited as read.
 */
@ApplicationScoped
public class SafetyFlagReports {
    private static final String IN_WINDOW = "from SafetyFlag f where f.raisedAt >= :start and f.raisedAt < :end";

    @Inject
    EntityManager em;

    @Inject
    ProgramTime time;

    @Inject
    AuditLog audit;

    /** 400 naming {@code from} or {@code to} when missing, {@code to} when before {@code from}. */
    @Transactional
    public SafetyFlagReport report(LocalDate from, LocalDate to, OffsetDateTime now) {
        if (from == null) {
            throw ProblemException.invalidField("from", "must not be null");
        }
        if (to == null) {
            throw ProblemException.invalidField("to", "must not be null");
        }
        DateWindow window = DateWindow.of(from, to, time.zone());
        long raised = count("", window, Map.of());
        long urgent = count(" and f.kind = :kind", window, Map.of("kind", SafetyFlag.Kind.URGENT));
        long resolved = count(" and f.status = :status", window, Map.of("status", SafetyFlag.Status.RESOLVED));
        long open = count(" and f.status = :status", window, Map.of("status", SafetyFlag.Status.OPEN));
        long overdue = count(" and ((f.status = :status and f.dueAt <= :now) or f.resolvedAt >= f.dueAt or f.acknowledgedAt >= f.dueAt)",
                window, Map.of("status", SafetyFlag.Status.OPEN, "now", now));
        List<SafetyFlag> acknowledged = em.createQuery("select f " + IN_WINDOW + " and f.status = :status order by f.acknowledgedAt, f.id",
                        SafetyFlag.class)
                .setParameter("start", window.start()).setParameter("end", window.endExclusive())
                .setParameter("status", SafetyFlag.Status.ACKNOWLEDGED).getResultList();
        List<SafetyFlagReport.Acknowledgement> acknowledgements = acknowledged.stream()
                .map(f -> new SafetyFlagReport.Acknowledgement(f.id, f.patientId, f.acknowledgedBy, f.acknowledgedAt, f.acknowledgementNote))
                .toList();
        audit.success(AuditAction.SEARCH, SafetyFlagService.RESOURCE, null, acknowledged.stream().map(f -> f.patientId).distinct().toList());
        return new SafetyFlagReport(from, to, raised, urgent, resolved, acknowledgements.size(), overdue, open, acknowledgements);
    }

    private long count(String condition, DateWindow window, Map<String, Object> parameters) {
        var query = em.createQuery("select count(f) " + IN_WINDOW + condition, Long.class)
                .setParameter("start", window.start()).setParameter("end", window.endExclusive());
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }
}
