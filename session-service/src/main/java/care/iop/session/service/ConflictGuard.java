package care.iop.session.service;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import care.iop.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Writes pending changes and turns a violated overlap constraint into a 409 naming the session
 * collided with. The database decides (exclusion constraints), so concurrent requests cannot
 * double-book; the colliding session is looked up afterwards in a transaction of its own.
 */
@ApplicationScoped
public class ConflictGuard {
    static final String CLINICIAN = "session_clinician_no_overlap";
    static final String ROOM = "session_room_no_overlap";
    static final String PATIENT = "booking_patient_no_overlap";
    static final String ONCE = "booking_once_per_session";

    /** What is being written, to find the collision if there is one. */
    public record Slot(UUID sessionId, UUID clinicianId, String room, UUID patientId, OffsetDateTime start, OffsetDateTime end) {
    }

    @Inject
    EntityManager em;

    public void flush(Slot slot) {
        try {
            em.flush();
        } catch (RuntimeException e) {
            String constraint = violatedConstraint(e);
            if (constraint == null) {
                if (concurrentWriteAborted(e)) {
                    throw ProblemException.conflict("A concurrent change to the same schedule was detected; retry the request");
                }
                throw e;
            }
            throw describe(constraint, slot);
        }
    }

    private ProblemException describe(String constraint, Slot slot) {
        if (ONCE.equals(constraint)) {
            return ProblemException.conflict("Patient " + slot.patientId() + " is already on the roster of session " + slot.sessionId());
        }
        UUID other = QuarkusTransaction.requiringNew().call(() -> colliding(constraint, slot));
        String who = switch (constraint) {
            case CLINICIAN -> "Clinician " + slot.clinicianId() + " already has";
            case ROOM -> "Room '" + slot.room() + "' already holds";
            default -> "Patient " + slot.patientId() + " is already booked into";
        };
        String detail = who + " session " + (other == null ? "(just cancelled)" : other) + " overlapping " + slot.start() + " to " + slot.end();
        return other == null ? ProblemException.conflict(detail) : ProblemException.conflictWith("/api/v1/sessions/" + other, detail);
    }

    private UUID colliding(String constraint, Slot slot) {
        String sql = switch (constraint) {
            case CLINICIAN -> "select id from therapy_session where clinician_id = ?1 and status <> 'cancelled'"
                    + " and tstzrange(start_at, end_at) && tstzrange(?2, ?3) and id <> ?4 order by start_at limit 1";
            case ROOM -> "select id from therapy_session where room = ?1 and status <> 'cancelled'"
                    + " and tstzrange(start_at, end_at) && tstzrange(?2, ?3) and id <> ?4 order by start_at limit 1";
            default -> "select session_id from booking where patient_id = ?1 and status in ('BOOKED', 'WAITLISTED')"
                    + " and tstzrange(start_at, end_at) && tstzrange(?2, ?3) and session_id <> ?4 order by start_at limit 1";
        };
        Object key = switch (constraint) {
            case CLINICIAN -> slot.clinicianId();
            case ROOM -> slot.room();
            default -> slot.patientId();
        };
        List<?> rows = em.createNativeQuery(sql).setParameter(1, key).setParameter(2, slot.start())
                .setParameter(3, slot.end()).setParameter(4, slot.sessionId()).getResultList();
        return rows.isEmpty() ? null : (UUID) rows.get(0);
    }

    /** PostgreSQL aborted the transaction because of a deadlock or a serialization failure with a concurrent one. */
    private static boolean concurrentWriteAborted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static String violatedConstraint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("23P01".equals(sql.getSQLState()) || "23505".equals(sql.getSQLState()))) {
                String message = String.valueOf(sql.getMessage());
                for (String name : List.of(CLINICIAN, ROOM, PATIENT, ONCE)) {
                    if (message.contains(name)) {
                        return name;
                    }
                }
            }
        }
        return null;
    }
}
