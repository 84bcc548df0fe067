package care.iop.session.service;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import care.iop.events.EventTypes;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.idempotency.IdempotencyClaim;
import care.iop.platform.idempotency.IdempotentAnswer;
import care.iop.platform.consistency.ReadYourWrites;
import care.iop.platform.outbox.Outbox;
import care.iop.platform.problem.ProblemException;
import care.iop.session.config.SessionConfig;
import care.iop.session.domain.Booking;
import care.iop.session.domain.BookingStatus;
import care.iop.session.domain.SessionStatus;
import care.iop.session.domain.SessionType;
import care.iop.session.domain.TherapySession;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Rosters: booking with a hard capacity (the session row is locked while seats are counted),
 * waitlist in lock order, cancellation with late flag, automatic promotion.
 */
@ApplicationScoped
public class BookingService {
    private static final Logger LOG = Logger.getLogger(BookingService.class);
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

    @Inject
    MeterRegistry metrics;

    private final BookingLine line = new BookingLine();
    private DistributionSummary batchSizes;

    void registerMetrics(@Observes StartupEvent event) {
        batchSizes = DistributionSummary.builder("iop.booking.batch.size")
                .description("Booking requests of one group session decided together in one transaction").register(metrics);
        Gauge.builder("iop.booking.waiting", line, BookingLine::waiting)
                .description("Booking requests waiting for their session's current batch to commit").register(metrics);
    }

    /**
     * Books a patient into a group. The request waits in the session's {@link BookingLine} and is placed
     * together with the bookings that arrived with it, in one transaction that also checks each
     * patient's eligibility and records each request's audit entry and event, and, for a request with an
     * Idempotency-Key, its answer ({@code answer} of the booking placed), whichever request's thread commits it.
     */
    @ReadYourWrites
    public Booking book(UUID sessionId, UUID patientId, Function<Booking, IdempotentAnswer> answer) {
        Consumer<Booking> recordAnswer = IdempotencyClaim.current()
                .<Consumer<Booking>>map(claim -> booking -> claim.record(answer.apply(booking))).orElse(null);
        BookingLine.Ticket ticket = new BookingLine.Ticket(patientId, audit.change(AuditAction.CREATE, BOOKING, sessionId, patientId),
                Outbox.Origin.current(), recordAnswer);
        return line.place(sessionId, ticket, tickets -> placeTogether(sessionId, tickets));
    }

    /**
     * Places the tickets in one transaction. When the database refuses it (one booking overlaps another
     * of its patient), each ticket is placed in a transaction of its own, so only that one is refused.
     */
    private void placeTogether(UUID sessionId, List<BookingLine.Ticket> tickets) {
        try {
            List<Runnable> outcomes = QuarkusTransaction.requiringNew().call(() -> {
                TherapySession session = TherapySession.lockById(sessionId);
                if (session == null) {
                    ProblemException gone = ProblemException.notFound("Session", sessionId);
                    return tickets.stream().<Runnable>map(t -> () -> t.refused(gone)).toList();
                }
                return placeLocked(session, tickets);
            });
            outcomes.forEach(Runnable::run);
            batchSizes.record(tickets.size());
        } catch (RuntimeException e) {
            if (tickets.size() == 1) {
                tickets.get(0).refused(e);
                return;
            }
            // Expected when one patient of the batch is already booked elsewhere at that time; anything else is worth a look.
            LOG.infof("A batch of %d bookings of session %s was refused (%s); placing them one by one", tickets.size(), sessionId,
                    reason(e));
            tickets.forEach(ticket -> placeTogether(sessionId, List.of(ticket)));
        }
    }

    /** The SQL exception's class and state only (PostgreSQL's message names the values of the refused row). */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return t.getClass().getName() + ", SQL state " + sql.getSQLState();
            }
        }
        return e.getClass().getName();
    }

    /** Books into a locked session by the same rules (eligibility, roster, capacity); the caller audits. */
    Booking bookLocked(TherapySession session, UUID patientId) {
        BookingLine.Ticket ticket = new BookingLine.Ticket(patientId, null, Outbox.Origin.current());
        placeLocked(session, List.of(ticket)).forEach(Runnable::run);
        return ticket.outcome();
    }

    /**
     * Places patients on a locked session's roster in ticket order: BOOKED while seats are free, else
     * WAITLISTED at the end of the line. A ticket the rules refuse (the patient not eligible or already on
     * the roster, the session closed to bookings) is refused alone; a refusal of the database throws.
     * Returns what to tell each ticket once the transaction has committed.
     */
    private List<Runnable> placeLocked(TherapySession session, List<BookingLine.Ticket> tickets) {
        ProblemException closed = closedToBookings(session);
        if (closed != null) {
            return tickets.stream().<Runnable>map(t -> () -> t.refused(closed)).toList();
        }
        List<UUID> patientIds = tickets.stream().map(t -> t.patientId).toList();
        Map<UUID, ProblemException> ineligible = eligibility.refusals(patientIds, session.type, session.start);
        Map<UUID, Booking> roster = Booking.ofPatients(session.id, patientIds);
        Seats seats = new Seats(Booking.counts(session.id), session.capacity);
        List<Runnable> outcomes = new ArrayList<>();
        Map<BookingLine.Ticket, Booking> placed = new LinkedHashMap<>();
        for (BookingLine.Ticket ticket : tickets) {
            Booking existing = roster.get(ticket.patientId);
            ProblemException refusal = ineligible.containsKey(ticket.patientId) ? ineligible.get(ticket.patientId)
                    : existing != null && existing.status.active()
                    ? ProblemException.conflict("Patient " + ticket.patientId + " is already " + existing.status + " in session " + session.id)
                    : null;
            if (refusal != null) {
                outcomes.add(() -> ticket.refused(refusal));
                continue;
            }
            Booking booking = existing != null ? existing : Booking.newFor(session, ticket.patientId);
            seats.assign(booking);
            booking.requestedFor(session, Clock.now());
            if (existing == null) {
                booking.persist();
                roster.put(ticket.patientId, booking);
            }
            placed.put(ticket, booking);
            outcomes.add(() -> ticket.placed(booking));
        }
        if (tickets.size() == 1) {
            conflicts.flush(new ConflictGuard.Slot(session.id, null, null, tickets.get(0).patientId, session.start, session.end));
        } else {
            em.flush();
        }
        Set<UUID> part2 = events.part2Among(placed.values().stream().map(b -> b.patientId).toList());
        placed.forEach((ticket, booking) -> {
            events.booking(booking.status == BookingStatus.BOOKED ? EventTypes.BOOKING_CONFIRMED : EventTypes.BOOKING_WAITLISTED,
                    session, booking, ticket.origin, part2.contains(booking.patientId));
            if (ticket.audit != null) {
                audit.write(ticket.audit);
            }
            if (ticket.recordAnswer != null) {
                ticket.recordAnswer.accept(booking);
            }
        });
        return outcomes;
    }

    /** The seats and the waitlist of a locked session while bookings are placed one after another. */
    private static final class Seats {
        private final int capacity;
        private long booked;
        private long waitlisted;
        private long lastWaitlistSeq;

        Seats(Booking.RosterCounts counts, int capacity) {
            this.capacity = capacity;
            this.booked = counts.booked();
            this.waitlisted = counts.waitlisted();
            this.lastWaitlistSeq = counts.lastWaitlistSeq();
        }

        /** BOOKED while a seat is free, else WAITLISTED at the end of the line, knowing its position. */
        void assign(Booking booking) {
            boolean seatFree = booked < capacity;
            booking.status = seatFree ? BookingStatus.BOOKED : BookingStatus.WAITLISTED;
            booking.waitlistSeq = seatFree ? null : ++lastWaitlistSeq;
            booking.placedAt(seatFree ? null : (int) ++waitlisted);
            booked += seatFree ? 1 : 0;
        }
    }

    private static ProblemException closedToBookings(TherapySession session) {
        if (!session.type.hasRoster()) {
            return ProblemException.ruleViolation("A " + session.type + " session books its patient when it is created");
        }
        if (!SessionStatus.BOOKED.equals(session.status)) {
            return ProblemException.ruleViolation("Session " + session.id + " is " + session.status + " and takes no bookings");
        }
        if (!session.end.isAfter(Clock.now())) {
            return ProblemException.ruleViolation("Session " + session.id + " has already ended");
        }
        return null;
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
        if (started(session)) {
            throw ProblemException.ruleViolation("Session " + sessionId + " started at " + events.local(session.start)
                    + ": its bookings can no longer be cancelled; record the patient's attendance (e.g. NO_SHOW or EXCUSED) instead");
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

    /** Fills free seats from the head of the waitlist; nobody is promoted into a session that has started or ended. */
    void promote(TherapySession session) {
        if (!SessionStatus.BOOKED.equals(session.status) || started(session)) {
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
            if (session == null || booking == null || !booking.status.active() || !SessionStatus.BOOKED.equals(session.status)
                    || started(session)) {
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

    /** True once the session's start has come: its roster is what it was at the start. */
    static boolean started(TherapySession session) {
        return !session.start.isAfter(Clock.now());
    }

    TherapySession lockOrNotFound(UUID sessionId) {
        TherapySession session = TherapySession.lockById(sessionId);
        if (session == null) {
            throw ProblemException.notFound("Session", sessionId);
        }
        return session;
    }
}
