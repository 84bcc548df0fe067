package care.iop.plan.measurement;

import static care.iop.plan.measurement.MeasurementFixtures.bearer;
import static care.iop.plan.measurement.MeasurementFixtures.get;
import static care.iop.plan.measurement.MeasurementFixtures.patientBearer;
import static care.iop.plan.measurement.MeasurementFixtures.put;
import static care.iop.plan.measurement.MeasurementFixtures.schedulePath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.plan.measurement.rest.MeasurementApiExamples;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A plan's assessment schedule: the defaults without a row, a PUT overriding instruments one by one (If-Match on the
 * revision), and every bad entry refused with a problem naming its field while nothing is written.
 */
@QuarkusTest
class AssessmentScheduleTest {
    private static final String CLINICIAN = bearer("clinician");

    @Inject
    AgroalDataSource ds;

    MeasurementFixtures fixtures;
    UUID patient;
    UUID plan;

    @BeforeEach
    void setUp() {
        fixtures = new MeasurementFixtures(ds);
        patient = UUID.randomUUID();
        plan = fixtures.currentPlan(patient, UUID.randomUUID(), 3);
    }

    @Test
    void aPlanWithoutAScheduleFollowsTheDefaults() {
        get(CLINICIAN, schedulePath(plan)).statusCode(200).header("ETag", "\"0\"")
                .body("planId", equalTo(plan.toString())).body("revision", equalTo(0))
                .body("entries.instrument", contains("PHQ9", "GAD7", "AUDIT", "DAST10"))
                .body("entries.rule", contains("EVERY_DAYS", "EVERY_DAYS", "INTAKE_AND_DISCHARGE", "INTAKE_AND_DISCHARGE"))
                .body("entries.everyDays", contains(14, 14, null, null))
                .body("entries.source", contains("DEFAULT", "DEFAULT", "DEFAULT", "DEFAULT"));
        assertThat(rows()).isZero();
    }

    @Test
    void aPutOverridesTheNamedInstrumentsAndBumpsTheRevision() {
        put(CLINICIAN, schedulePath(plan), "\"0\"", MeasurementApiExamples.WEEKLY_PHQ9).statusCode(200).header("ETag", "\"1\"")
                .body("entries.rule", contains("EVERY_DAYS", "EVERY_DAYS", "NOT_SCHEDULED", "INTAKE_AND_DISCHARGE"))
                .body("entries.everyDays", contains(7, 14, null, null))
                .body("entries.source", contains("PLAN", "DEFAULT", "PLAN", "DEFAULT"));
        get(bearer("admin"), schedulePath(plan)).statusCode(200).header("ETag", "\"1\"").body("entries[0].everyDays", equalTo(7));
        // a stale ETag, then none
        put(CLINICIAN, schedulePath(plan), "\"0\"", MeasurementApiExamples.DEFAULTS).statusCode(412);
        put(CLINICIAN, schedulePath(plan), null, MeasurementApiExamples.DEFAULTS).statusCode(428);
        put(bearer("admin"), schedulePath(plan), "\"1\"", MeasurementApiExamples.DEFAULTS).statusCode(200).header("ETag", "\"2\"")
                .body("entries.source", contains("DEFAULT", "DEFAULT", "DEFAULT", "DEFAULT"));
    }

    @Test
    void badEntriesAreProblemsNamingTheFieldAndNothingIsWritten() {
        assertProblem("{\"entries\":[{\"instrument\":\"PHQ9\",\"rule\":\"EVERY_DAYS\",\"everyDays\":6}]}", 400, "entries[0].everyDays");
        assertProblem("{\"entries\":[{\"instrument\":\"PHQ9\",\"rule\":\"EVERY_DAYS\",\"everyDays\":15}]}", 400, "entries[0].everyDays");
        assertProblem("{\"entries\":[{\"instrument\":\"PHQ9\",\"rule\":\"EVERY_DAYS\"}]}", 400, "entries[0].everyDays");
        assertProblem("{\"entries\":[{\"instrument\":\"GAD7\",\"rule\":\"INTAKE_AND_DISCHARGE\",\"everyDays\":7}]}", 400, "entries[0].everyDays");
        assertProblem("{\"entries\":[{\"instrument\":\"PHQ9\",\"rule\":\"NOT_SCHEDULED\"},{\"instrument\":\"PHQ9\",\"rule\":\"NOT_SCHEDULED\"}]}",
                400, "entries[1].instrument");
        assertProblem("{\"entries\":[{\"instrument\":\"GAD7\",\"rule\":\"NOT_SCHEDULED\"},{\"instrument\":\"AUDIT\",\"rule\":\"EVERY_DAYS\",\"everyDays\":14}]}",
                422, "entries[1].rule");
        assertProblem("{\"entries\":[{\"instrument\":\"DAST10\",\"rule\":\"EVERY_DAYS\",\"everyDays\":14}]}", 422, "entries[0].rule");
        assertProblem("{\"entries\":[{\"instrument\":\"BDI2\",\"rule\":\"NOT_SCHEDULED\"}]}", 400, "entries[0].instrument");
        assertProblem("{\"entries\":[{\"instrument\":\"PHQ9\",\"rule\":\"MONTHLY\"}]}", 400, "entries[0].rule");
        assertProblem("{\"entries\":[{\"rule\":\"NOT_SCHEDULED\"}]}", 400, "entries[0].instrument");
        assertProblem("{}", 400, "entries");
        assertThat(rows()).isZero();
        get(CLINICIAN, schedulePath(plan)).statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void whoMayReadAndWrite() {
        put(bearer("scheduler"), schedulePath(plan), "\"0\"", MeasurementApiExamples.DEFAULTS).statusCode(403);
        put(patientBearer(patient), schedulePath(plan), "\"0\"", MeasurementApiExamples.DEFAULTS).statusCode(403);
        get(bearer("scheduler"), schedulePath(plan)).statusCode(403);
        get(bearer("integration"), schedulePath(plan)).statusCode(403);
        get(patientBearer(patient), schedulePath(plan)).statusCode(200);
        get(patientBearer(UUID.randomUUID()), schedulePath(plan)).statusCode(404);
        get(CLINICIAN, schedulePath(UUID.randomUUID())).statusCode(404);
        put(CLINICIAN, schedulePath(UUID.randomUUID()), "\"0\"", MeasurementApiExamples.DEFAULTS).statusCode(404);
        assertThat(rows()).isZero();
    }

    @Test
    void aFinishedPlansScheduleNoLongerChanges() {
        UUID completed = fixtures.plan(UUID.randomUUID(), UUID.randomUUID(), MeasurementFixtures.today().minusDays(90), "completed");
        put(CLINICIAN, schedulePath(completed), "\"0\"", MeasurementApiExamples.WEEKLY_PHQ9).statusCode(409)
                .contentType("application/problem+json").body("status", equalTo(409));
        get(CLINICIAN, schedulePath(completed)).statusCode(200).header("ETag", "\"0\"");
    }

    private void assertProblem(String body, int status, String field) {
        put(CLINICIAN, schedulePath(plan), "\"0\"", body).statusCode(status).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)).body("errors[1]", nullValue());
    }

    private long rows() {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from assessment_schedule where plan_id = ?")) {
            ps.setObject(1, plan);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
