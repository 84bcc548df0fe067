package care.iop.plan.risk.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.plan.outcomes.domain.SafetyFlag;
import care.iop.plan.outcomes.service.SafetyFlagEvents;
import care.iop.platform.outbox.Outbox;

/**
 * Marks open safety flags past their due time as overdue, once per flag ({@code overdue_at}), publishing SafetyFlagOverdue
 * in the same transaction. Replicas checking at the same time skip each other's rows.
 */
@ApplicationScoped
public class OverdueFlags {
    static final int BATCH = 500;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    /** Marks every open flag with {@code due_at <= now} not yet marked; returns how many. */
    @Transactional
    @SuppressWarnings("unchecked")
    public int markOverdue(OffsetDateTime now) {
        int marked = 0;
        List<UUID> ids;
        do {
            ids = em.createNativeQuery("""
                            select id from safety_flag
                            where status = 'OPEN' and overdue_at is null and due_at <= ?1
                            order by due_at, id limit ?2 for update skip locked""")
                    .setParameter(1, now).setParameter(2, BATCH).getResultList();
            for (UUID id : ids) {
                SafetyFlag flag = SafetyFlag.findById(id);
                flag.overdueAt = now;
                em.flush();
                outbox.publish(Topics.PLANS, flag.patientId, EventTypes.SAFETY_FLAG_OVERDUE, SafetyFlagEvents.state(flag));
                marked++;
            }
        } while (ids.size() == BATCH);
        return marked;
    }
}
