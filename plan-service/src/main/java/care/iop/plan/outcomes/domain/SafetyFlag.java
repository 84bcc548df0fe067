package care.iop.plan.outcomes.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A safety concern raised by an assessment (PHQ-9 item 9 above 0); open until a clinician acknowledges it. */
@Entity
@Table(name = "safety_flag")
public class SafetyFlag extends PanacheEntityBase {
    public enum Status { OPEN, ACKNOWLEDGED }

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Instrument instrument;

    @Column(nullable = false)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "raised_at", nullable = false)
    public OffsetDateTime raisedAt;

    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "acknowledgement_note")
    public String acknowledgementNote;

    @Version
    public long version;
}
