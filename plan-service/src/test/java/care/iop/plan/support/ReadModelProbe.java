package care.iop.plan.support;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

/** Waits for plan-service's read models to catch up with events, and counts rows for assertions. */
public final class ReadModelProbe {
    public static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

    private ReadModelProbe() {
    }

    /** Until known_patient holds the patient at {@code version} (or later). */
    public static void awaitPatient(DataSource ds, UUID patientId, long version) {
        await().atMost(EVENT_TIMEOUT).until(() -> count(ds,
                "select count(*) from known_patient where patient_id = ? and version >= ?", patientId, version) == 1);
    }

    public static void awaitClinician(DataSource ds, UUID clinicianId, long version) {
        await().atMost(EVENT_TIMEOUT).until(() -> count(ds,
                "select count(*) from known_clinician where clinician_id = ? and version >= ?", clinicianId, version) == 1);
    }

    /** Until attended_session holds exactly {@code rows} rows for the session. */
    public static void awaitAttendance(DataSource ds, UUID sessionId, int rows) {
        await().atMost(EVENT_TIMEOUT).until(() -> count(ds,
                "select count(*) from attended_session where session_id = ?", sessionId) == rows);
    }

    public static long count(DataSource ds, String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single value of a one-row, one-column query, or null. */
    public static Object value(DataSource ds, String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
