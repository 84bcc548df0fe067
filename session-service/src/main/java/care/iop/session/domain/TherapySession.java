package care.iop.session.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One scheduled session (FHIR Appointment). The database refuses overlaps per clinician and per room. */
@Entity
@Table(name = "therapy_session")
public class TherapySession extends PanacheEntityBase {
    public static final String TELEHEALTH = "TELEHEALTH";

    @Id
    public UUID id;
    @Column(name = "series_id")
    public UUID seriesId;
    @Enumerated(EnumType.STRING)
    public SessionType type;
    @Column(name = "clinician_id")
    public UUID clinicianId;
    /** The patient of an INDIVIDUAL or FAMILY session. */
    @Column(name = "patient_id")
    public UUID patientId;
    @Column(name = "start_at")
    public OffsetDateTime start;
    @Column(name = "end_at")
    public OffsetDateTime end;
    public String topic;
    public int capacity;
    public String location;
    /** Normalised room name, null for telehealth: the key of the room overlap constraint. */
    public String room;
    public String status;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Column(name = "group_note")
    public String groupNote;
    @Version
    public long version;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    /** When the row last changed; kept by the database (V16 trigger), read-only here (FHIR meta.lastUpdated). */
    @Column(name = "updated_at", insertable = false, updatable = false)
    public OffsetDateTime updatedAt;

    public static TherapySession lockById(UUID id) {
        return getEntityManager().find(TherapySession.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    public void placeAt(String location) {
        this.location = location.trim();
        this.room = TELEHEALTH.equalsIgnoreCase(this.location) ? null : this.location.toLowerCase(java.util.Locale.ROOT);
        if (this.room == null) {
            this.location = TELEHEALTH;
        }
    }

    public boolean isCancelled() {
        return SessionStatus.CANCELLED.equals(status);
    }

    public boolean isFulfilled() {
        return SessionStatus.FULFILLED.equals(status);
    }

    public long durationMinutes() {
        return java.time.Duration.between(start, end).toMinutes();
    }
}
