package care.iop.plan.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A periodic review of a plan and its decision; it moves the plan's next review date. */
@Entity
@Table(name = "plan_review")
public class PlanReview extends PanacheEntityBase {
    public enum Decision { CONTINUE, ADJUST, STEP_DOWN, DISCHARGE }

    @Id
    public UUID id;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "reviewed_on")
    public LocalDate reviewedOn;
    public String summary;
    @Enumerated(EnumType.STRING)
    public Decision decision;
    @Column(name = "next_review_due")
    public LocalDate nextReviewDue;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    public static List<PlanReview> ofPlan(UUID planId) {
        return list("planId = ?1 order by recordedAt, id", planId);
    }
}
