package care.iop.plan.outcomes;

import static care.iop.plan.outcomes.OutcomeFixtures.CLINICIAN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import care.iop.plan.support.ReadModelProbe;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * The comparison on the seeded {@link ModalityCohort}. Expected figures by hand:
 * <pre>
 * MOSTLY_GROUP (P1..P5): group share P1 540/600, others 1 (P5 180/180).
 *   baseline 20 16 12 10 6 → mean 64/5 = 12.8; latest 10 8 6 6 4 → 34/5 = 6.8
 *   change -10 -8 -6 -4 -2 → mean -6.0; s = √(40/4) = √10; se = √10/√5 = √2 = 1.41421
 *   t(0.975, 4) = 2.776445 → margin 2.776445 · 1.414214 = 3.92649 → CI [-9.93, -2.07]
 *   response (latest ≤ baseline/2): 10≤10 yes, 8≤8 yes, 6≤6 yes, 6≤5 no, 4≤3 no → 3/5 = 0.6
 *   remission (latest < 5): only 4 → 1/5 = 0.2
 *   attendance: P1 4/4, P2..P4 3/3 each, P5 1 of 2 (NO_SHOW counts, EXCUSED does not) → 14/15 = 0.933
 *   weeks: Jan 5 → Feb 23 = 49 days = 7.0 for P1..P4, P5 0 → median 7.0
 * MOSTLY_INDIVIDUAL (Q1..Q5): Q1 45/165 group, others 0.
 *   baseline 15 10 8 20 5 → 58/5 = 11.6; latest 15 12 4 14 3 → 48/5 = 9.6
 *   change 0 +2 -4 -6 -2 → mean -2.0; deviations 2 4 -2 -4 0 → s = √(40/4) = √10 → CI -2 ± 3.92649 = [-5.93, 1.93]
 *   response: 4≤4 only → 0.2; remission: 4 and 3 → 0.4
 *   attendance: 3/3, 2/2, 2/3 (ABSENT counts), 2/2, 2/2 → 11/12 = 0.917
 *   weeks: Q1 Jan 6 → Jan 27 = 3.0, others Jan 6 → Jan 20 = 2.0 → median 2.0
 * MIXED (M1 exactly 2/3, M2 exactly 1/3 with family minutes as non-group): n = 2 < 5 → suppressed
 * X1 (one score) and X2 (no attended minutes) are in no bucket.
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
        ModalityCohort cohort = ModalityCohort.seed(bootstrap, ds);

        var json = query(cohort).accept("application/json").when().get(URL).then().statusCode(200)
                .contentType("application/json")
                .body("instrument", equalTo("PHQ9"))
                .body("track", equalTo(cohort.track))
                .body("minBucketSize", equalTo(5))
                .body("buckets.bucket", contains("MOSTLY_INDIVIDUAL", "MIXED", "MOSTLY_GROUP"))
                .extract().jsonPath();

        Map<String, Object> individual = json.getMap("buckets[0]");
        assertThat(individual).containsEntry("suppressed", false).containsEntry("n", 5);
        assertThat(individual).containsEntry("meanBaseline", 11.6f).containsEntry("meanLatest", 9.6f)
                .containsEntry("meanChange", -2.0f).containsEntry("changeCi95Lower", -5.93f).containsEntry("changeCi95Upper", 1.93f)
                .containsEntry("responseRate", 0.2f).containsEntry("remissionRate", 0.4f)
                .containsEntry("attendanceRate", 0.917f).containsEntry("medianWeeksInProgram", 2.0f);

        Map<String, Object> mixed = json.getMap("buckets[1]");
        assertThat(mixed).containsOnly(Map.entry("bucket", "MIXED"), Map.entry("suppressed", true));

        Map<String, Object> group = json.getMap("buckets[2]");
        assertThat(group).containsEntry("suppressed", false).containsEntry("n", 5);
        assertThat(group).containsEntry("meanBaseline", 12.8f).containsEntry("meanLatest", 6.8f)
                .containsEntry("meanChange", -6.0f).containsEntry("changeCi95Lower", -9.93f).containsEntry("changeCi95Upper", -2.07f)
                .containsEntry("responseRate", 0.6f).containsEntry("remissionRate", 0.2f)
                .containsEntry("attendanceRate", 0.933f).containsEntry("medianWeeksInProgram", 7.0f);

        assertThat(ReadModelProbe.count(ds, "select count(*) from audit_event where action = 'SEARCH'"
                + " and resource_type = 'ModalityComparison' and resource_id = 'PHQ9' and subject = 'test-clinician'")).isPositive();
    }

    @Test
    void sameTableAsCsv() {
        ModalityCohort cohort = ModalityCohort.seed(bootstrap, ds);
        String csv = query(cohort).accept("text/csv").when().get(URL).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertThat(csv.split("\r\n")).containsExactly(
                "bucket,suppressed,n,mean_baseline,mean_latest,mean_change,change_ci95_lower,change_ci95_upper,"
                        + "response_rate,remission_rate,attendance_rate,median_weeks_in_program",
                "MOSTLY_INDIVIDUAL,false,5,11.6,9.6,-2.0,-5.93,1.93,0.2,0.4,0.917,2.0",
                "MIXED,true,,,,,,,,,,",
                "MOSTLY_GROUP,false,5,12.8,6.8,-6.0,-9.93,-2.07,0.6,0.2,0.933,7.0");
    }

    @Test
    void everyBucketIsSuppressedWhenTooFewPatientsQualify() {
        ModalityCohort cohort = ModalityCohort.seed(bootstrap, ds);
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
