package care.iop.plan.risk.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One recorded C-SSRS screener of one patient, with the risk it found ({@link CssrsScreener}). Immutable once recorded. */
@Entity
@Table(name = "risk_screen")
public class RiskScreen extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    /** The safety flag the screen was taken for, if any. */
    @Column(name = "flag_id")
    public UUID flagId;

    @Column(nullable = false)
    public boolean item1;
    @Column(nullable = false)
    public boolean item2;
    @Column(nullable = false)
    public boolean item3;
    @Column(nullable = false)
    public boolean item4;
    @Column(nullable = false)
    public boolean item5;
    @Column(nullable = false)
    public boolean item6;

    /** Set exactly when item 6 is yes. */
    @Column(name = "item6_within_three_months")
    public Boolean item6WithinThreeMonths;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RiskLevel risk;

    @Column(name = "taken_at", nullable = false)
    public OffsetDateTime takenAt;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Version
    public long version;

    public List<Boolean> answers() {
        return List.of(item1, item2, item3, item4, item5, item6);
    }

    public void answers(List<Boolean> answers) {
        item1 = answers.get(0);
        item2 = answers.get(1);
        item3 = answers.get(2);
        item4 = answers.get(3);
        item5 = answers.get(4);
        item6 = answers.get(5);
    }
}
