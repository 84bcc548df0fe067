package care.iop.session.domain;

import java.time.LocalDate;
import java.time.LocalTime;
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

/** A weekly recurrence: its occurrences are sessions pointing back at it. */
@Entity
@Table(name = "session_series")
public class SessionSeries extends PanacheEntityBase {
    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public SessionType type;
    @Column(name = "clinician_id")
    public UUID clinicianId;
    @Column(name = "patient_id")
    public UUID patientId;
    /** Comma-separated java.time.DayOfWeek names. */
    @Column(name = "days_of_week")
    public String daysOfWeek;
    @Column(name = "local_start_time")
    public LocalTime localStartTime;
    @Column(name = "duration_minutes")
    public int durationMinutes;
    @Column(name = "from_date")
    public LocalDate fromDate;
    @Column(name = "until_date")
    public LocalDate untilDate;
    @Column(name = "occurrence_count")
    public Integer occurrenceCount;
    @Column(name = "time_zone")
    public String timeZone;
    public String topic;
    public int capacity;
    public String location;
    @Version
    public long version;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
