package care.iop.plan.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One lifecycle step of a plan: who, when, from, to, why. The creation is the step from nothing to draft. */
@Entity
@Table(name = "plan_status_transition")
public class PlanStatusTransition extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "from_status")
    @Convert(converter = PlanStatusConverter.class)
    public PlanStatus fromStatus;
    @Column(name = "to_status")
    @Convert(converter = PlanStatusConverter.class)
    public PlanStatus toStatus;
    public String reason;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    /** Records the step {@code from} -> {@code to} of {@code plan} now, by {@code by} (a token subject or the event that caused it). */
    public static PlanStatusTransition record(CarePlan plan, PlanStatus from, PlanStatus to, String reason, String by) {
        PlanStatusTransition t = new PlanStatusTransition();
        t.planId = plan.id;
        t.fromStatus = from;
        t.toStatus = to;
        t.reason = reason;
        t.changedBy = by;
        t.changedAt = OffsetDateTime.now(ZoneOffset.UTC);
        t.persist();
        return t;
    }

    public static List<PlanStatusTransition> ofPlan(UUID planId) {
        return list("planId = ?1 order by id", planId);
    }
}
