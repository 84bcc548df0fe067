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
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A patient on a session's roster: BOOKED, WAITLISTED (ordered by {@code waitlistSeq}) or CANCELLED.
 * Carries the session's times so the database refuses a patient's overlapping bookings.
 */
@Entity
@Table(name = "booking")
public class Booking extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "patient_id")
    public UUID patientId;
    @Enumerated(EnumType.STRING)
    public BookingStatus status;
    @Column(name = "start_at")
    public OffsetDateTime start;
    @Column(name = "end_at")
    public OffsetDateTime end;
    @Column(name = "waitlist_seq")
    public Long waitlistSeq;
    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;
    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;
    @Column(name = "late_cancellation")
    public boolean lateCancellation;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Version
    public long version;

    public static Booking of(UUID sessionId, UUID patientId) {
        return find("sessionId = ?1 and patientId = ?2", sessionId, patientId).firstResult();
    }

    public static long countWithStatus(UUID sessionId, BookingStatus status) {
        return count("sessionId = ?1 and status = ?2", sessionId, status);
    }

    public static List<Booking> active(UUID sessionId) {
        return list("sessionId = ?1 and status <> ?2 order by requestedAt", sessionId, BookingStatus.CANCELLED);
    }

    /** The roster: booked first (by request time), then the waitlist in order, then cancellations. */
    public static List<Booking> roster(UUID sessionId) {
        return list("sessionId = ?1 order by case status when ?2 then 0 when ?3 then 1 else 2 end, waitlistSeq, requestedAt",
                sessionId, BookingStatus.BOOKED, BookingStatus.WAITLISTED);
    }

    public static Booking firstWaitlisted(UUID sessionId) {
        return find("sessionId = ?1 and status = ?2 order by waitlistSeq", sessionId, BookingStatus.WAITLISTED).firstResult();
    }

    /** 1-based position on the waitlist, or null when not waitlisted. */
    public Integer waitlistPosition() {
        if (status != BookingStatus.WAITLISTED) {
            return null;
        }
        return (int) count("sessionId = ?1 and status = ?2 and waitlistSeq <= ?3", sessionId, BookingStatus.WAITLISTED, waitlistSeq);
    }
}
