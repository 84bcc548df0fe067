package care.iop.session.domain;

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

/** Whether and how long one patient attended one session, with the suggested billing code. */
@Entity
@Table(name = "attendance")
public class Attendance extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "patient_id")
    public UUID patientId;
    @Enumerated(EnumType.STRING)
    public AttendanceStatus status;
    @Column(name = "minutes_attended")
    public int minutesAttended;
    public String note;
    @Column(name = "billing_code")
    public String billingCode;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
    @Column(name = "recorded_by")
    public String recordedBy;

    public static List<Attendance> forSession(UUID sessionId) {
        return list("sessionId = ?1 order by patientId", sessionId);
    }
}
