package care.iop.plan.support;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/** Waits for plan-service's read models to catch up with events, and counts rows for assertions. */
public final class ReadModelProbe {
    public static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);
    /** plan-service's consumer group on iop.participants and iop.sessions. */
    public static final String GROUP = "plan-service";

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

    /**
     * Until plan-service's consumer group ({@value #GROUP}) has committed the offset after {@code record}: the record
     * was consumed (applied, skipped as a redelivery, or dead-lettered). Sent alone and awaited so, it was consumed
     * in a poll of its own, on the Inbox's one-by-one path.
     */
    public static void awaitConsumed(String bootstrap, RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            await().atMost(EVENT_TIMEOUT).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS).get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
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
