package care.iop.plan.fhir.service;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import care.iop.plan.domain.CarePlan;
import care.iop.plan.outcomes.domain.Assessment;
import care.iop.plan.outcomes.domain.SafetyFlag;

/**
 * Walks a table for a bulk export in id order, one short transaction per batch of ids ({@code after} the last one seen),
 * optionally only some patients' rows. It selects ids only: the records themselves are read through the services, which
 * apply the privacy rules and audit, by these ids.
 */
@ApplicationScoped
public class ExportBatches {
    /** The tables an export walks. */
    public enum Table {
        PLANS(CarePlan.class), ASSESSMENTS(Assessment.class), SAFETY_FLAGS(SafetyFlag.class);

        private final Class<?> entity;

        Table(Class<?> entity) {
            this.entity = entity;
        }
    }

    @Inject
    EntityManager em;

    /** At most {@code limit} ids after {@code after} (null: from the start), in order; empty {@code patients}: every patient's. */
    @Transactional
    public List<UUID> next(Table table, Set<UUID> patients, UUID after, int limit) {
        String query = "select e.id from " + table.entity.getSimpleName() + " e where 1 = 1"
                + (patients.isEmpty() ? "" : " and e.patientId in :patients")
                + (after == null ? "" : " and e.id > :after")
                + " order by e.id";
        TypedQuery<UUID> ids = em.createQuery(query, UUID.class).setMaxResults(limit);
        if (!patients.isEmpty()) {
            ids.setParameter("patients", patients);
        }
        if (after != null) {
            ids.setParameter("after", after);
        }
        return ids.getResultList();
    }
}
