package care.iop.plan.outcomes.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One scored questionnaire of one patient. Immutable once recorded. */
@Entity
@Table(name = "assessment")
public class Assessment extends PanacheEntityBase {
    /** Who entered it: a staff member, or the patient itself from the mobile app. */
    public enum Source { CLINICIAN, SELF_REPORT }

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Instrument instrument;

    @Convert(converter = AnswersConverter.class)
    @Column(nullable = false)
    public List<Integer> answers;

    @Column(nullable = false)
    public int total;

    @Column(nullable = false)
    public String band;

    @Column(name = "safety_flag", nullable = false)
    public boolean safetyFlag;

    @Column(name = "taken_at", nullable = false)
    public OffsetDateTime takenAt;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;

    @Version
    public long version;
}
