package care.iop.plan.measurement;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.UUID;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.support.PlanFixtures;
import care.iop.testing.TestTokens;
import io.restassured.response.ValidatableResponse;

/**
 * Rows for the measurement tests: current plans admitted a number of days ago and assessments taken on a given day,
 * written straight into the tables (the due rules only read them), with fresh ids.
 */
final class MeasurementFixtures {
    private final DataSource ds;

    MeasurementFixtures(DataSource ds) {
        this.ds = ds;
    }

    static LocalDate today() {
        return PlanFixtures.today();
    }

    /** An active 12-week plan without an episode (admission = its start) started {@code daysAgo} days ago. */
    UUID currentPlan(UUID patientId, UUID clinicianId, int daysAgo) {
        return plan(patientId, clinicianId, today().minusDays(daysAgo), "active");
    }

    UUID plan(UUID patientId, UUID clinicianId, LocalDate start, String status) {
        UUID id = UUID.randomUUID();
        sql("""
                insert into care_plan (id, patient_id, primary_clinician_id, status, level_of_care, start_date, duration_weeks, end_date,
                    review_interval_days, next_review_due, individual_sessions_per_week, individual_session_minutes, group_hours_per_week,
                    family_sessions_per_week, modality_effective_from, modality_proposed, created_at, updated_at, version)
                values (?, ?, ?, ?, '2.1', ?, 12, ?, 30, ?, 1, 50, 8.5, 0, ?, false, now(), now(), 0)""",
                id, patientId, clinicianId, status, start, start.plusWeeks(12), start.plusDays(30), start);
        return id;
    }

    /**
     * An assessment of {@code instrument} taken at noon (program time) {@code daysAgo} days ago: every answer 0, scored as
     * the service scores it (a full, valid row: migrations replayed by other tests read its answers).
     */
    void taken(UUID patientId, Instrument instrument, int daysAgo) {
        OffsetDateTime at = today().minusDays(daysAgo).atTime(LocalTime.NOON).atZone(PlanFixtures.PROGRAM_ZONE).toOffsetDateTime();
        String answers = String.join(",", Collections.nCopies(instrument.items(), "0"));
        int total = IntStream.range(0, instrument.items()).map(i -> instrument.itemScore(i, 0)).sum();
        sql("""
                insert into assessment (id, patient_id, instrument, answers, total, band, safety_flag, taken_at, recorded_at, recorded_by,
                    source, version) values (?, ?, ?, ?, ?, ?, false, ?, now(), 'test', 'CLINICIAN', 0)""",
                UUID.randomUUID(), patientId, instrument.name(), answers, total, instrument.band(total), at);
    }

    void sql(String statement, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static ValidatableResponse get(String bearer, String path) {
        return given().header("Authorization", bearer).when().get(path).then();
    }

    static ValidatableResponse put(String bearer, String path, String ifMatch, String body) {
        var request = given().header("Authorization", bearer).contentType("application/json").body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put(path).then();
    }

    static String bearer(String role) {
        return TestTokens.bearer(role);
    }

    static String patientBearer(UUID patientId) {
        return "Bearer " + TestTokens.patient(patientId);
    }

    static String schedulePath(UUID planId) {
        return "/api/v1/plans/" + planId + "/assessment-schedule";
    }

    static String duePath(UUID patientId) {
        return "/api/v1/patients/" + patientId + "/assessments-due";
    }
}
