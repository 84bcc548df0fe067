package care.iop.session.domain;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
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
    /** When the row last changed; kept by the database (V16 trigger), read-only here (FHIR meta.lastUpdated). */
    @Column(name = "updated_at", insertable = false, updatable = false)
    public OffsetDateTime updatedAt;
    /**
     * Since when the patient holds its seat (BOOKED, or CANCELLED after holding one); null on the waitlist and for a
     * waitlist place cancelled. Kept by the database (V16 trigger), read-only here (FHIR Group.member.period).
     */
    @Column(name = "seated_at", insertable = false, updatable = false)
    public OffsetDateTime seatedAt;
    /** The waitlist position established under the session lock by the transaction that placed this booking. */
    @Transient
    private Integer placedAtPosition;

    public static Booking of(UUID sessionId, UUID patientId) {
        return find("sessionId = ?1 and patientId = ?2", sessionId, patientId).firstResult();
    }

    /** A new booking of the patient in the session; its status is set by whoever places it. */
    public static Booking newFor(TherapySession session, UUID patientId) {
        Booking booking = new Booking();
        booking.id = UUID.randomUUID();
        booking.sessionId = session.id;
        booking.patientId = patientId;
        return booking;
    }

    /** Takes the session's times and the time of the request, clearing an earlier cancellation (a re-booking). */
    public void requestedFor(TherapySession session, OffsetDateTime at) {
        start = session.start;
        end = session.end;
        requestedAt = at;
        cancelledAt = null;
        lateCancellation = false;
        cancelReason = null;
    }

    /** The session's bookings (in any status) of these patients, by patient. */
    public static Map<UUID, Booking> ofPatients(UUID sessionId, List<UUID> patientIds) {
        Map<UUID, Booking> byPatient = new HashMap<>();
        Booking.<Booking>list("sessionId = ?1 and patientId in ?2", sessionId, patientIds).forEach(b -> byPatient.put(b.patientId, b));
        return byPatient;
    }

    /**
     * How many of a session's bookings are BOOKED and how many WAITLISTED, and the highest
     * {@code waitlistSeq} in use (0 when none): the next one to join the waitlist takes the one after.
     */
    public record RosterCounts(long booked, long waitlisted, long lastWaitlistSeq) {
    }

    /** The counts of a session's roster in one query; read under the session's lock, they stay true until commit. */
    public static RosterCounts counts(UUID sessionId) {
        Object[] row = getEntityManager().createQuery("""
                        select count(case when b.status = ?2 then 1 end), count(case when b.status = ?3 then 1 end),
                               coalesce(max(b.waitlistSeq), 0)
                        from Booking b where b.sessionId = ?1""", Object[].class)
                .setParameter(1, sessionId).setParameter(2, BookingStatus.BOOKED).setParameter(3, BookingStatus.WAITLISTED)
                .getSingleResult();
        return new RosterCounts(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue());
    }

    public static long countWithStatus(UUID sessionId, BookingStatus status) {
        return count("sessionId = ?1 and status = ?2", sessionId, status);
    }

    public static List<Booking> active(UUID sessionId) {
        return list("sessionId = ?1 and status <> ?2 order by requestedAt", sessionId, BookingStatus.CANCELLED);
    }

    /**
     * The roster: booked first (by request time), then the waitlist in order, then cancellations; each
     * waitlisted booking knows its position, numbered here rather than counted one query each.
     */
    public static List<Booking> roster(UUID sessionId) {
        List<Booking> roster = list("sessionId = ?1 order by case status when ?2 then 0 when ?3 then 1 else 2 end, waitlistSeq, requestedAt",
                sessionId, BookingStatus.BOOKED, BookingStatus.WAITLISTED);
        int position = 0;
        for (Booking booking : roster) {
            if (booking.status == BookingStatus.WAITLISTED) {
                booking.placedAt(++position);
            }
        }
        return roster;
    }

    public static Booking firstWaitlisted(UUID sessionId) {
        return find("sessionId = ?1 and status = ?2 order by waitlistSeq", sessionId, BookingStatus.WAITLISTED).firstResult();
    }

    /**
     * Records where this booking was placed: its waitlist position (null when BOOKED), counted under
     * the session lock, so the answer and the event need not count again.
     */
    public void placedAt(Integer waitlistPosition) {
        this.placedAtPosition = waitlistPosition;
    }

    /** 1-based position on the waitlist, or null when not waitlisted. */
    public Integer waitlistPosition() {
        if (status != BookingStatus.WAITLISTED) {
            return null;
        }
        if (placedAtPosition != null) {
            return placedAtPosition;
        }
        return (int) count("sessionId = ?1 and status = ?2 and waitlistSeq <= ?3", sessionId, BookingStatus.WAITLISTED, waitlistSeq);
    }
}
