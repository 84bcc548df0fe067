package care.iop.session.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import care.iop.events.EventTypes;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.problem.ProblemException;
import care.iop.session.config.SessionConfig;
import care.iop.session.domain.Booking;
import care.iop.session.domain.BookingStatus;
import care.iop.session.domain.SessionStatus;
import care.iop.session.domain.SessionType;
import care.iop.session.domain.TherapySession;

/**
 * Rosters: booking with a hard capacity (the session row is locked while seats are counted),
 * waitlist in lock order, cancellation with late flag, automatic promotion.
 */
@ApplicationScoped
public class BookingService {
    private static final String BOOKING = "Booking";

    @Inject
    EntityManager em;

    @Inject
    Eligibility eligibility;

    @Inject
    ConflictGuard conflicts;

    @Inject
    SessionEvents events;

    @Inject
    SessionConfig config;

    @Inject
    AuditLog audit;

    /**
     * The patient's eligibility is read before the session row is locked: the lock serializes every
     * booking of a group, so it covers only what capacity and the waitlist need (count, insert, event).
     * A session rescheduled in between is checked again under the lock.
     */
    @Transactional
    public Booking book(UUID sessionId, UUID patientId) {
        TherapySession session = TherapySession.findById(sessionId);
        if (session == null) {
            throw ProblemException.notFound("Session", sessionId);
        }
        if (!session.type.hasRoster()) {
            throw ProblemException.ruleViolation("A " + session.type + " session books its patient when it is created");
        }
        eligibility.requirePatient(patientId, session.type, session.start);
        OffsetDateTime checkedStart = session.start;
        em.refresh(session, LockModeType.PESSIMISTIC_WRITE);
        if (!session.start.equals(checkedStart)) {
            eligibility.requirePatient(patientId, session.type, session.start);
        }
        return placeLocked(session, patientId);
    }

    /** Books into a locked session after checking the patient's eligibility. */
    Booking bookLocked(TherapySession session, UUID patientId) {
        eligibility.requirePatient(patientId, session.type, session.start);
        return placeLocked(session, patientId);
    }

    /** Places an eligible patient on a locked session's roster: BOOKED while seats are free, else WAITLISTED at the end of the line. */
    private Booking placeLocked(TherapySession session, UUID patientId) {
        if (!SessionStatus.BOOKED.equals(session.status)) {
            throw ProblemException.ruleViolation("Session " + session.id + " is " + session.status + " and takes no bookings");
        }
        if (!session.end.isAfter(Clock.now())) {
            throw ProblemException.ruleViolation("Session " + session.id + " has already ended");
        }
        Booking booking = Booking.of(session.id, patientId);
        if (booking != null && booking.status.active()) {
            throw ProblemException.conflict("Patient " + patientId + " is already " + booking.status + " in session " + session.id);
        }
        Booking.RosterCounts counts = Booking.counts(session.id);
        boolean seatFree = counts.booked() < session.capacity;
        boolean fresh = booking == null;
        if (fresh) {
            booking = new Booking();
            booking.id = UUID.randomUUID();
            booking.sessionId = session.id;
            booking.patientId = patientId;
        }
        booking.status = seatFree ? BookingStatus.BOOKED : BookingStatus.WAITLISTED;
        booking.waitlistSeq = seatFree ? null : counts.lastWaitlistSeq() + 1;
        booking.placedAt(seatFree ? null : (int) counts.waitlisted() + 1);
        booking.start = session.start;
        booking.end = session.end;
        booking.requestedAt = Clock.now();
        booking.cancelledAt = null;
        booking.lateCancellation = false;
        booking.cancelReason = null;
        if (fresh) {
            booking.persist();
        }
        conflicts.flush(new ConflictGuard.Slot(session.id, null, null, patientId, session.start, session.end));
        events.booking(seatFree ? EventTypes.BOOKING_CONFIRMED : EventTypes.BOOKING_WAITLISTED, session, booking);
        return booking;
    }

    /** Cancels one patient's booking; for an INDIVIDUAL or FAMILY session the session is cancelled with it. */
    @Transactional
    public Booking cancel(UUID sessionId, UUID patientId, String reason) {
        TherapySession session = lockOrNotFound(sessionId);
        Booking booking = Booking.of(sessionId, patientId);
        if (booking == null || !booking.status.active()) {
            throw ProblemException.notFound("Booking of patient " + patientId + " in session", sessionId);
        }
        if (session.isFulfilled()) {
            throw ProblemException.ruleViolation("Session " + sessionId + " already took place");
        }
        cancelLocked(session, booking, reason == null ? "Cancelled on request" : reason);
        return booking;
    }

    void cancelLocked(TherapySession session, Booking booking, String reason) {
        OffsetDateTime now = Clock.now();
        boolean wasBooked = booking.status == BookingStatus.BOOKED;
        booking.status = BookingStatus.CANCELLED;
        booking.waitlistSeq = null;
        booking.cancelledAt = now;
        booking.cancelReason = reason;
        booking.lateCancellation = wasBooked && now.isAfter(session.start.minus(config.lateCancellationWindow()));
        events.booking(EventTypes.BOOKING_CANCELLED, session, booking);
        if (!session.type.hasRoster()) {
            if (!session.isCancelled()) {
                session.status = SessionStatus.CANCELLED;
                session.cancelReason = reason;
                em.flush();
                events.session(EventTypes.SESSION_CANCELLED, session);
            }
        } else if (wasBooked) {
            promote(session);
        }
    }

    /** Fills free seats from the head of the waitlist. */
    void promote(TherapySession session) {
        if (!SessionStatus.BOOKED.equals(session.status)) {
            return;
        }
        while (Booking.countWithStatus(session.id, BookingStatus.BOOKED) < session.capacity) {
            Booking next = Booking.firstWaitlisted(session.id);
            if (next == null) {
                return;
            }
            next.status = BookingStatus.BOOKED;
            next.waitlistSeq = null;
            events.booking(EventTypes.BOOKING_PROMOTED, session, next);
        }
    }

    /** Cancels every active booking of a session being cancelled. */
    void cancelAll(TherapySession session, String reason) {
        for (Booking booking : Booking.active(session.id)) {
            booking.status = BookingStatus.CANCELLED;
            booking.waitlistSeq = null;
            booking.cancelledAt = Clock.now();
            booking.cancelReason = reason;
            events.booking(EventTypes.BOOKING_CANCELLED, session, booking);
            audit.success(AuditAction.UPDATE, BOOKING, session.id, booking.patientId);
        }
    }

    /**
     * After the patient's record or plan changed: cancels every future booking the patient is no
     * longer eligible for (e.g. group bookings after a switch to individual only) and promotes waitlists.
     * Runs inside the consumer's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Booking> revalidateFutureBookings(UUID patientId) {
        List<UUID> sessionIds = em.createQuery("""
                        select b.sessionId from Booking b where b.patientId = ?1 and b.status <> ?2 and b.start > ?3
                        order by b.start""", UUID.class)
                .setParameter(1, patientId).setParameter(2, BookingStatus.CANCELLED).setParameter(3, Clock.now())
                .getResultList();
        List<Booking> cancelled = new ArrayList<>();
        BiFunction<SessionType, OffsetDateTime, Optional<String>> lapses = eligibility.lapsedBookings(patientId);
        for (UUID sessionId : sessionIds) {
            TherapySession session = TherapySession.lockById(sessionId);
            Booking booking = Booking.of(sessionId, patientId);
            if (session == null || booking == null || !booking.status.active() || !SessionStatus.BOOKED.equals(session.status)) {
                continue;
            }
            Optional<String> reason = lapses.apply(session.type, session.start);
            if (reason.isPresent()) {
                cancelLocked(session, booking, "No longer eligible: " + reason.get());
                cancelled.add(booking);
            }
        }
        return cancelled;
    }

    TherapySession lockOrNotFound(UUID sessionId) {
        TherapySession session = TherapySession.lockById(sessionId);
        if (session == null) {
            throw ProblemException.notFound("Session", sessionId);
        }
        return session;
    }
}
