package care.iop.plan.outcomes;

import static care.iop.plan.outcomes.OutcomeFixtures.CLINICIAN;
import static care.iop.plan.outcomes.OutcomeFixtures.answersWithTotal;
import static care.iop.plan.outcomes.OutcomeFixtures.body;
import static care.iop.plan.outcomes.OutcomeFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.support.ReadModelProbe;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Totals and severity bands at both sides of every band boundary of every instrument. */
@QuarkusTest
class AssessmentScoringTest {
    private static final OffsetDateTime TAKEN = OffsetDateTime.parse("2026-03-02T10:00:00-05:00");

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** One patient for the class: each case records its own assessment and checks only that row. */
    static UUID patient;

    @BeforeEach
    void patient() {
        if (patient == null) {
            patient = OutcomeFixtures.knownPatient(bootstrap, ds);
        }
    }

    @ParameterizedTest(name = "{0} total {1} is {2}")
    @CsvSource({
            "PHQ9, 0, MINIMAL", "PHQ9, 4, MINIMAL", "PHQ9, 5, MILD", "PHQ9, 9, MILD", "PHQ9, 10, MODERATE",
            "PHQ9, 14, MODERATE", "PHQ9, 15, MODERATELY_SEVERE", "PHQ9, 19, MODERATELY_SEVERE", "PHQ9, 20, SEVERE",
            "PHQ9, 24, SEVERE",
            "GAD7, 0, MINIMAL", "GAD7, 4, MINIMAL", "GAD7, 5, MILD", "GAD7, 9, MILD", "GAD7, 10, MODERATE",
            "GAD7, 14, MODERATE", "GAD7, 15, SEVERE", "GAD7, 21, SEVERE",
            "AUDIT, 0, LOW_RISK", "AUDIT, 7, LOW_RISK", "AUDIT, 8, HAZARDOUS", "AUDIT, 15, HAZARDOUS",
            "AUDIT, 16, HARMFUL", "AUDIT, 19, HARMFUL", "AUDIT, 20, POSSIBLE_DEPENDENCE", "AUDIT, 40, POSSIBLE_DEPENDENCE",
            "DAST10, 0, NONE", "DAST10, 1, LOW", "DAST10, 2, LOW", "DAST10, 3, MODERATE", "DAST10, 5, MODERATE",
            "DAST10, 6, SUBSTANTIAL", "DAST10, 8, SUBSTANTIAL", "DAST10, 9, SEVERE", "DAST10, 10, SEVERE" })
    void bandBoundaries(Instrument instrument, int total, String band) {
        List<Integer> answers = answersWithTotal(instrument, total);
        String id = post(CLINICIAN, body(patient, instrument.name(), answers, TAKEN)).statusCode(201)
                .body("total", equalTo(total))
                .body("band", equalTo(band))
                .body("instrument", equalTo(instrument.name()))
                .body("patientId", equalTo(patient.toString()))
                .body("safetyFlag", equalTo(false))
                .body("source", equalTo("CLINICIAN"))
                .extract().path("id");
        assertThat(ReadModelProbe.value(ds, "select band from assessment where id = ?", UUID.fromString(id))).isEqualTo(band);
        assertThat(ReadModelProbe.value(ds, "select total from assessment where id = ?", UUID.fromString(id))).isEqualTo(total);
    }

    @Test
    void dast10Item3IsReverseScoredANoToAlwaysAbleToStopScores1() {
        List<Integer> allNo = List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        post(CLINICIAN, body(patient, "DAST10", allNo, TAKEN)).statusCode(201).body("total", equalTo(1)).body("band", equalTo("LOW"));
        List<Integer> allYes = List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        post(CLINICIAN, body(patient, "DAST10", allYes, TAKEN)).statusCode(201).body("total", equalTo(9)).body("band", equalTo("SEVERE"));
        List<Integer> onlyItem3Yes = List.of(0, 0, 1, 0, 0, 0, 0, 0, 0, 0);
        post(CLINICIAN, body(patient, "DAST10", onlyItem3Yes, TAKEN)).statusCode(201).body("total", equalTo(0)).body("band", equalTo("NONE"));
    }

    @Test
    void theMigrationRescoresDast10AssessmentsStoredBeforeTheFix() throws Exception {
        String script;
        try (var in = getClass().getClassLoader().getResourceAsStream("db/migration/V27__dast10_item3_reverse_scored.sql")) {
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        UUID stored = UUID.randomUUID();
        try (java.sql.Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (java.sql.Statement s = c.createStatement()) {
                // answered "yes" to item 3 and to items 1-2: summed the old way, 3 (MODERATE); reverse-scored, 2 (LOW)
                s.execute("insert into assessment (id, patient_id, instrument, answers, total, band, safety_flag, taken_at, recorded_at,"
                        + " recorded_by, source, version) values ('" + stored + "', '" + patient + "', 'DAST10', '1,1,1,0,0,0,0,0,0,0', 3,"
                        + " 'MODERATE', false, now(), now(), 'test', 'CLINICIAN', 0)");
                s.execute(script);
                try (java.sql.ResultSet rs = s.executeQuery("select total, band, version from assessment where id = '" + stored + "'")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(2);
                    assertThat(rs.getString(2)).isEqualTo("LOW");
                    assertThat(rs.getLong(3)).isEqualTo(1);
                }
            } finally {
                c.rollback();   // the script touched every DAST-10 row of the shared test database
            }
        }
    }

    @ParameterizedTest(name = "{0} carries LOINC {1}")
    @CsvSource(value = { "PHQ9, 44261-6", "GAD7, 70274-6", "AUDIT, 75624-7", "DAST10, NULL" }, nullValues = "NULL")
    void loincCodeOfTheTotal(Instrument instrument, String loinc) {
        post(CLINICIAN, body(patient, instrument.name(), answersWithTotal(instrument, 1 + (instrument == Instrument.AUDIT ? 1 : 0)), TAKEN))
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.matchesPattern(".*/api/v1/assessments/[0-9a-f-]{36}"))
                .body("loinc", loinc == null ? nullValue() : equalTo(loinc));
    }
}
