package care.iop.plan.worklist.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import care.iop.plan.domain.PlanStatus;
import care.iop.platform.time.ProgramTime;
import care.iop.platform.worklist.WorklistAction;
import care.iop.platform.worklist.WorklistItem;
import care.iop.platform.worklist.WorklistItemKind;

/**
 * REVIEW_DUE: the active or on-hold plans a clinician is primary for whose next review ({@code next_review_due}, kept by
 * {@code ReviewService}) falls on a day up to the horizon or before. A review is due on its day: overdue once that program
 * day ended. One indexed query (care_plan_clinician).
 */
@ApplicationScoped
public class ReviewsDue implements WorklistSource {

    @Inject
    EntityManager em;

    @Inject
    ProgramTime time;

    @Override
    public List<WorklistItem> itemsFor(UUID clinicianId, OffsetDateTime now, OffsetDateTime horizon) {
        LocalDate lastDay = time.dayOf(horizon.minusNanos(1));
        List<Object[]> rows = em.createQuery("select p.id, p.patientId, p.nextReviewDue from CarePlan p where p.primaryClinicianId = ?1"
                        + " and p.status in ?2 and p.nextReviewDue <= ?3", Object[].class)
                .setParameter(1, clinicianId).setParameter(2, List.of(PlanStatus.ACTIVE, PlanStatus.ON_HOLD)).setParameter(3, lastDay)
                .getResultList();
        return rows.stream().map(row -> item((UUID) row[0], (UUID) row[1], (LocalDate) row[2], now)).toList();
    }

    private WorklistItem item(UUID planId, UUID patientId, LocalDate dueOn, OffsetDateTime now) {
        OffsetDateTime dueAt = time.endOf(dueOn);
        return new WorklistItem(WorklistItemKind.REVIEW_DUE, "Plan review due on " + dueOn, patientId, "CarePlan", planId, dueAt,
                !now.isBefore(dueAt), WorklistAction.post("/api/v1/plans/" + planId + "/reviews"));
    }
}
