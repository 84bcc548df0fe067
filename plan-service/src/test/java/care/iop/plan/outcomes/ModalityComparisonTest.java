package care.iop.plan.outcomes;

import static care.iop.plan.outcomes.OutcomeFixtures.CLINICIAN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.ReadModelProbe;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * The comparison on the seeded {@link ModalityCohort} (its design three times over). Expected figures by hand:
 * <pre>
 * MOSTLY_GROUP (P1..P5, x3 = 15): group share P1 540/600, others 1 (P5 180/180).
 *   baseline 20 16 12 10 6 → mean 64/5 = 12.8; latest 10 8 6 6 4 → 34/5 = 6.8 (three copies: the same means)
 *   change -10 -8 -6 -4 -2 (x3) → mean -6.0; squared deviations 3 · 40 = 120 → s = √(120/14) = 2.92770;
 *   se = s/√15 = 0.755929; t(0.975, 14) = 2.144787 → margin 1.62130 → CI [-7.62, -4.38]
 *   response (latest ≤ baseline/2): 10≤10 yes, 8≤8 yes, 6≤6 yes, 6≤5 no, 4≤3 no → 9/15 = 0.6
 *   remission (latest < 5): only 4 → 3/15 = 0.2
 *   attendance: P1 4/4, P2..P4 3/3 each, P5 1 of 2 (NO_SHOW counts, EXCUSED does not) → 42/45 = 0.933
 *   weeks: Jan 5 → Feb 23 = 49 days = 7.0 for P1..P4 (12 patients), P5 0 (3) → median 7.0
 * MOSTLY_INDIVIDUAL (Q1..Q5, x3 = 15): Q1 45/165 group, others 0.
 *   baseline 15 10 8 20 5 → 58/5 = 11.6; latest 15 12 4 14 3 → 48/5 = 9.6
 *   change 0 +2 -4 -6 -2 (x3) → mean -2.0; deviations 2 4 -2 -4 0 → s = √(120/14) as above → CI -2 ± 1.62130 = [-3.62, -0.38]
 *   response: 4≤4 only → 0.2; remission: 4 and 3 → 0.4
 *   attendance: 3/3, 2/2, 2/3 (ABSENT counts), 2/2, 2/2 → 33/36 = 0.917
 *   weeks: Q1 Jan 6 → Jan 27 = 3.0 (3 patients), others Jan 6 → Jan 20 = 2.0 (12) → median 2.0
 * MIXED (M1 exactly 2/3, M2 exactly 1/3 with family minutes as non-group): n = 6 < 11 → suppressed
 * X1 (one score) and X2 (no attended minutes) are in no bucket.
 * The small-cell boundary itself (10 suppressed, 11 shown) is in {@link #aCellOfTenIsSuppressedAndACellOfElevenIsShown}.
 * </pre>
 */
@QuarkusTest
class ModalityComparisonTest {
    private static final String URL = "/api/v1/outcomes/modality-comparison";

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void seededCohortMatchesTheHandWorkedFigures() {
        ModalityCohort cohort = ModalityCohort.shared(bootstrap, ds);

        var json = query(cohort).accept("application/json").when().get(URL).then().statusCode(200)
                .contentType("application/json")
                .body("instrument", equalTo("PHQ9"))
                .body("track", equalTo(cohort.track))
                .body("minBucketSize", equalTo(11))
                .body("buckets.bucket", contains("MOSTLY_INDIVIDUAL", "MIXED", "MOSTLY_GROUP"))
                .extract().jsonPath();

        Map<String, Object> individual = json.getMap("buckets[0]");
        assertThat(individual).containsEntry("suppressed", false).containsEntry("n", 15);
        assertThat(individual).containsEntry("meanBaseline", 11.6f).containsEntry("meanLatest", 9.6f)
                .containsEntry("meanChange", -2.0f).containsEntry("changeCi95Lower", -3.62f).containsEntry("changeCi95Upper", -0.38f)
                .containsEntry("responseRate", 0.2f).containsEntry("remissionRate", 0.4f)
                .containsEntry("attendanceRate", 0.917f).containsEntry("medianWeeksInProgram", 2.0f);

        Map<String, Object> mixed = json.getMap("buckets[1]");
        assertThat(mixed).containsOnly(Map.entry("bucket", "MIXED"), Map.entry("suppressed", true));

        Map<String, Object> group = json.getMap("buckets[2]");
        assertThat(group).containsEntry("suppressed", false).containsEntry("n", 15);
        assertThat(group).containsEntry("meanBaseline", 12.8f).containsEntry("meanLatest", 6.8f)
                .containsEntry("meanChange", -6.0f).containsEntry("changeCi95Lower", -7.62f).containsEntry("changeCi95Upper", -4.38f)
                .containsEntry("responseRate", 0.6f).containsEntry("remissionRate", 0.2f)
                .containsEntry("attendanceRate", 0.933f).containsEntry("medianWeeksInProgram", 7.0f);

        assertThat(ReadModelProbe.count(ds, "select count(*) from audit_event where action = 'SEARCH'"
                + " and resource_type = 'ModalityComparison' and resource_id = 'PHQ9' and subject = 'test-clinician'")).isPositive();
    }

    @Test
    void sameTableAsCsv() {
        ModalityCohort cohort = ModalityCohort.shared(bootstrap, ds);
        String csv = query(cohort).accept("text/csv").when().get(URL).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertThat(csv.split("\r\n")).containsExactly(
                "bucket,suppressed,n,mean_baseline,mean_latest,mean_change,change_ci95_lower,change_ci95_upper,"
                        + "response_rate,remission_rate,attendance_rate,median_weeks_in_program",
                "MOSTLY_INDIVIDUAL,false,15,11.6,9.6,-2.0,-3.62,-0.38,0.2,0.4,0.917,2.0",
                "MIXED,true,,,,,,,,,,",
                "MOSTLY_GROUP,false,15,12.8,6.8,-6.0,-7.62,-4.38,0.6,0.2,0.933,7.0");
    }

    @Test
    void everyBucketIsSuppressedWhenTooFewPatientsQualify() {
        ModalityCohort cohort = ModalityCohort.shared(bootstrap, ds);
        // Only P3 has GAD-7 (a single score): nobody qualifies.
        given().header("Authorization", CLINICIAN).queryParam("instrument", "GAD7").queryParam("track", cohort.track)
                .queryParam("from", ModalityCohort.FROM).queryParam("to", ModalityCohort.TO).when().get(URL).then().statusCode(200)
                .body("buckets.suppressed", contains(true, true, true))
                .body("buckets[0]", not(hasKey("n")));
        // A window that ends before the latest scores: baseline only, nobody qualifies.
        given().header("Authorization", CLINICIAN).queryParam("instrument", "PHQ9").queryParam("track", cohort.track)
                .queryParam("from", "2026-01-01").queryParam("to", "2026-02-24")
                .when().get(URL).then().statusCode(200).body("buckets.suppressed", contains(true, true, true));
    }

    @Test
    void aCellOfTenIsSuppressedAndACellOfElevenIsShown() {
        String track = "SMALLCELL_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        for (int i = 0; i < 10; i++) {
            mostlyGroupPatient(track);
        }
        given().header("Authorization", CLINICIAN).queryParam("instrument", "PHQ9").queryParam("track", track)
                .when().get(URL).then().statusCode(200).body("minBucketSize", equalTo(11))
                .body("buckets.suppressed", contains(true, true, true)).body("buckets[2]", not(hasKey("n")));
        mostlyGroupPatient(track);
        given().header("Authorization", CLINICIAN).queryParam("instrument", "PHQ9").queryParam("track", track)
                .when().get(URL).then().statusCode(200)
                .body("buckets.suppressed", contains(true, true, false)).body("buckets[2].n", equalTo(11))
                .body("buckets[2].meanChange", equalTo(-5.0f));
    }

    /** A patient on {@code track} with one attended 3-hour group session and PHQ-9 10 → 5. */
    private void mostlyGroupPatient(String track) {
        UUID patient = UUID.randomUUID();
        EventFixtures events = EventFixtures.on(bootstrap);
        events.patientRegistered(EventFixtures.patient(patient).track(track).build());
        ReadModelProbe.awaitPatient(ds, patient, 1);
        UUID session = UUID.randomUUID();
        events.attendance(EventFixtures.attendance(session, "GROUP", OffsetDateTime.parse("2026-01-12T14:00:00Z"), 180)
                .attendee(patient, "ATTENDED", 180).build());
        ReadModelProbe.awaitAttendance(ds, session, 1);
        OutcomeFixtures.record(patient, Instrument.PHQ9, OutcomeFixtures.answersWithTotal(Instrument.PHQ9, 10), OffsetDateTime.parse("2026-01-05T10:00:00Z"));
        OutcomeFixtures.record(patient, Instrument.PHQ9, OutcomeFixtures.answersWithTotal(Instrument.PHQ9, 5), OffsetDateTime.parse("2026-02-25T10:00:00Z"));
    }

    @Test
    void badParametersAreNamed() {
        given().header("Authorization", CLINICIAN).when().get(URL).then().statusCode(400)
                .body("errors.field", contains("instrument"));
        given().header("Authorization", CLINICIAN).queryParam("instrument", "BDI").when().get(URL).then().statusCode(400)
                .body("errors.field", contains("instrument"));
        given().header("Authorization", CLINICIAN).queryParam("instrument", "PHQ9").queryParam("from", "2026-02-30")
                .when().get(URL).then().statusCode(400).body("errors.field", contains("from"));
        given().header("Authorization", CLINICIAN).queryParam("instrument", "PHQ9").queryParam("from", "2026-03-01")
                .queryParam("to", "2026-02-01").when().get(URL).then().statusCode(400).body("errors.field", contains("to"));
        given().header("Authorization", CLINICIAN).queryParam("instrument", "PHQ9").queryParam("track", "adult mh; drop")
                .when().get(URL).then().statusCode(400).body("errors.field", contains("track"));
    }

    private RequestSpecification query(ModalityCohort cohort) {
        return given().header("Authorization", CLINICIAN).queryParam("instrument", "PHQ9").queryParam("track", cohort.track)
                .queryParam("from", ModalityCohort.FROM).queryParam("to", ModalityCohort.TO);
    }

}
