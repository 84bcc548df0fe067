package care.iop.plan.risk.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One version of a patient's safety plan. Never changed once recorded: a new plan is a new row with the next
 * {@code planVersion} that supersedes the previous one; the latest version is the one in force.
 */
@Entity
@Table(name = "safety_plan")
public class SafetyPlan extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "plan_version", nullable = false)
    public int planVersion;

    @Column(name = "supersedes_id")
    public UUID supersedesId;

    /** The screen the plan was made after, if given. */
    @Column(name = "screen_id")
    public UUID screenId;

    @Convert(converter = SafetyPlanSectionsConverter.class)
    @Column(nullable = false)
    public SafetyPlanSections sections;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Version
    public long version;
}
