package care.iop.session.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import care.iop.platform.audit.AuditEntry;
import care.iop.platform.outbox.Outbox;
import care.iop.session.domain.Booking;

/**
 * Group commit of bookings. Every booking of a group holds the session's row lock until its commit, so
 * concurrent bookings of one session would take turns, one lock, count and commit each. Instead they
 * wait in the session's line: the request at its head takes every ticket waiting, has them placed
 * together (one lock, one count, one commit), and hands the line to the next request that arrived
 * meanwhile. Lines of different sessions do not wait for each other; the row lock still orders the
 * batches of several replicas.
 */
final class BookingLine {

    /** One booking request: what another request's thread needs to place it, and then its outcome. */
    static final class Ticket {
        final UUID patientId;
        /** The audit entry of the request, written in the transaction that places the booking; null when the caller audits. */
        final AuditEntry audit;
        final Outbox.Origin origin;
        /**
         * Records the request's answer (its Idempotency-Key) in the transaction that places the booking, before it
         * commits, so that a retry after a crash replays it; null when the request has no key.
         */
        final Consumer<Booking> recordAnswer;
        /** Completed with {@code true} when this request is to lead the line, {@code false} once it is placed or refused. */
        private final CompletableFuture<Boolean> turn = new CompletableFuture<>();
        private Booking booking;
        private RuntimeException refusal;

        Ticket(UUID patientId, AuditEntry audit, Outbox.Origin origin) {
            this(patientId, audit, origin, null);
        }

        Ticket(UUID patientId, AuditEntry audit, Outbox.Origin origin, Consumer<Booking> recordAnswer) {
            this.patientId = patientId;
            this.audit = audit;
            this.origin = origin;
            this.recordAnswer = recordAnswer;
        }

        void placed(Booking placed) {
            this.booking = placed;
        }

        void refused(RuntimeException why) {
            this.refusal = why;
        }

        boolean decided() {
            return booking != null || refusal != null;
        }

        /** The booking, or the refusal thrown. */
        Booking outcome() {
            if (refusal != null) {
                throw refusal;
            }
            return booking;
        }
    }

    /** Tickets waiting per session; a session is in the map while a request leads its line. Guarded by itself. */
    private final Map<UUID, ArrayDeque<Ticket>> waiting = new HashMap<>();

    /**
     * Places the ticket together with whatever else waits for the same session and returns its booking
     * (or throws its refusal). {@code placeAll} decides every ticket it is given, committed before it
     * returns; a ticket it leaves undecided is refused with the exception it threw.
     */
    Booking place(UUID sessionId, Ticket ticket, Consumer<List<Ticket>> placeAll) {
        boolean lead;
        synchronized (waiting) {
            ArrayDeque<Ticket> line = waiting.get(sessionId);
            lead = line == null;
            if (lead) {
                line = new ArrayDeque<>();
                waiting.put(sessionId, line);
            }
            line.add(ticket);
        }
        if (lead || ticket.turn.join()) {
            lead(sessionId, placeAll);
        }
        return ticket.outcome();
    }

    /** How many tickets wait, over all sessions. */
    int waiting() {
        synchronized (waiting) {
            return waiting.values().stream().mapToInt(ArrayDeque::size).sum();
        }
    }

    /** Places every ticket waiting, then passes the line on to the first ticket that arrived meanwhile, or closes it. */
    private void lead(UUID sessionId, Consumer<List<Ticket>> placeAll) {
        List<Ticket> batch;
        synchronized (waiting) {
            ArrayDeque<Ticket> line = waiting.get(sessionId);
            batch = new ArrayList<>(line);
            line.clear();
        }
        try {
            placeAll.accept(batch);
        } catch (RuntimeException e) {
            batch.stream().filter(t -> !t.decided()).forEach(t -> t.refused(e));
        } finally {
            batch.stream().filter(t -> !t.decided()).forEach(t -> t.refused(new IllegalStateException("Booking not placed")));
            synchronized (waiting) {
                ArrayDeque<Ticket> line = waiting.get(sessionId);
                if (line.isEmpty()) {
                    waiting.remove(sessionId);
                } else {
                    line.peek().turn.complete(true);
                }
            }
            batch.forEach(t -> t.turn.complete(false));
        }
    }
}
