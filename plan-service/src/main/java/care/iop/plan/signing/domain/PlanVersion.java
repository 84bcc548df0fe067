package care.iop.plan.signing.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One version of a plan's clinical content: a JSON snapshot ({@code content}), the names of the fields that differ from
 * the version before ({@code changes}, a JSON array), why it was made and whether it must be signed. Never changed once
 * written: a change of the plan makes the next version.
 */
@Entity
@Table(name = "plan_version")
@IdClass(PlanVersion.Key.class)
public class PlanVersion extends PanacheEntityBase {
    @Id
    @Column(name = "plan_id")
    public UUID planId;
    @Id
    public int number;
    public String content;
    public String changes;
    @Column(name = "cause")
    public String causeCode;
    @Column(name = "signature_required")
    public boolean signatureRequired;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public VersionCause cause() {
        return VersionCause.fromCode(causeCode);
    }

    public static Optional<PlanVersion> of(UUID planId, int number) {
        return find("planId = ?1 and number = ?2", planId, number).firstResultOptional();
    }

    /** Oldest first. */
    public static List<PlanVersion> ofPlan(UUID planId) {
        return list("planId = ?1 order by number", planId);
    }

    /** The composite key (plan, number). */
    public static class Key implements Serializable {
        public UUID planId;
        public int number;

        public Key() {
        }

        public Key(UUID planId, int number) {
            this.planId = planId;
            this.number = number;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && number == k.number && Objects.equals(planId, k.planId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(planId, number);
        }
    }
}
