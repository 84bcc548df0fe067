package care.iop.plan.comparison;

import static care.iop.plan.outcomes.OutcomeFixtures.CLINICIAN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import care.iop.plan.support.ReadModelProbe;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The comparison on the seeded {@link ModalityCohort}, figures worked by hand (t quantiles: t(0.975, 11) = 2.200985,
 * t(0.975, 32) = 2.036933; z = 1.959964). Every patient is on one track and admitted in one quarter (one atom of the
 * small-cell rule); the cohort is 3 x (4 G + 4 I + 4 S) + 3 x 11 excluded = 69 episodes.
 * <pre>
 * PRESCRIBED
 *  GROUP_HEAVY (standard IOP week: 540 group minutes = 6 sessions of 90 vs 1 individual: 6/7): 12 G + 33 excluded = 45
 *   counts: noBaseline 11, leftEarly 11, noFollowUp 11, dropouts 11 (the NON_ATTENDANCE ones) -> 11/45 = 0.244
 *   n 12: baseline 24 20 16 12 (mean 18), follow-up 4 4 3 1 (mean 3), change -20 -16 -13 -11 (mean -15)
 *   squared deviations 25 1 4 16 = 46 per copy, 138 in all -> s^2 = 138/11, se = sqrt(138/11/12) = 1.022474
 *   -> CI -15 -+ 2.200985 x 1.022474 = [-17.25, -12.75]
 *   response (follow-up <= baseline/2) and remission (< 5): 12 of 12 -> 1.0, Wilson [0.758, 1.0]
 *  INDIVIDUAL_HEAVY (5 individual + 4.5 h group = 3 sessions of 90: 3/8): n 12, baseline mean 13, follow-up mean 10,
 *   change -4 -4 -2 -2 (mean -3), s^2 = 12/11 -> CI -3 -+ 2.200985 x 0.301511 = [-3.66, -2.34]; response, remission 0 of 12
 *   -> 0.0, Wilson [0, 0.242]
 *  SWITCHED (standard IOP week, individual-heavy from day 21): n 12, baseline mean 19, follow-up 9 11 8 12 (mean 10),
 *   change -11 -7 -8 -10 (mean -9), s^2 = 30/11 -> [-10.05, -7.95]; response 2 of 4 per copy = 6 of 12: withheld (6 < 11
 *   responders, 6 others); remission 0 of 12 -> 0.0
 * differences (later bucket minus earlier one)
 *  GROUP_HEAVY - INDIVIDUAL_HEAVY: -15 - (-3) = -12; Welch se^2 = (138/11 + 12/11)/12 = 12.5/11, df = 12.90 -> [-14.30, -9.70]
 *   ANCOVA over the 36 analysed episodes (follow-up on baseline + bucket), pooled within-bucket sums per copy:
 *   Sxx = 80 (G) + 20 (I) + 20 (S) = 120, Sxy = 20 + 12 + 10 = 42, Syy = 6 + 8 + 10 = 24; x3: 360, 126, 72
 *   slope b = 126/360 = 0.35; adjusted G - I = (3 - 10) - 0.35 x (18 - 13) = -8.75
 *   SSE = 72 - 0.35 x 126 = 27.9, df = 36 - 4 = 32, s^2 = 0.871875; var = s^2 (1/12 + 1/12 + 5^2/360) = 0.205859
 *   -> -8.75 -+ 2.036933 x 0.453717 = [-9.67, -7.83]: the baseline explains 3.25 of the 12 points
 *   F test of the buckets: overall (not within) sums Sxx 608, Sxy 14, Syy 464 -> SSE without buckets 463.678,
 *   F = (463.678 - 27.9)/2 / 0.871875 = 249.91 on (2, 32) df
 *   response and remission 1.0 - 0.0 = 1.0, Newcombe [1 - sqrt(0.2425^2 + 0.2425^2), 1] = [0.657, 1.0]
 *  SWITCHED - INDIVIDUAL_HEAVY: -6, Welch [-7.18, -4.82]; adjusted (10 - 10) - 0.35 x (19 - 13) = -2.1, var = s^2 (1/6 + 36/360)
 *   -> [-3.08, -1.12]; remission 0.0 [-0.242, 0.242]; response withheld
 *  SWITCHED - GROUP_HEAVY: +6, Welch [3.60, 8.40]; adjusted 7 - 0.35 x 1 = 6.65, var = s^2 (1/6 + 1/360) -> [5.87, 7.43]
 * ATTENDED: G 6/7 GROUP_HEAVY, I 1 of 3 sessions INDIVIDUAL_HEAVY, S 6 group sessions of 11 (0.545) MIXED, the 33 excluded
 *  attended nothing (NO_ATTENDANCE); the same figures with MIXED for SWITCHED (GROUP_HEAVY - MIXED = -6, adjusted -6.65).
 * COHORT: 69 episodes, 36 analysed, 11 + 11 + 11 excluded, 11 dropouts -> 0.159, Wilson [0.091, 0.263]
 * SWITCHES (all toward individual): slopes per week before (days 0, 14): -2 -1 0 -3 (mean -1.5, s^2 = 15/11 -> [-2.24, -0.76]);
 *  after (days 28, 42): -3 -2 -3 -2 (mean -2.5, s^2 = 3/11 -> [-2.83, -2.17]); change -1 -1 -3 +1 (mean -1.0, s^2 = 24/11
 *  -> [-1.94, -0.06]): these switchers improved about a point a week faster after the switch.
 * </pre>
 */
@QuarkusTest
class ModalityComparisonTest {
    static final String URL = "/api/v1/outcomes/modality-comparison";

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static RequestSpecification query(ModalityCohort cohort) {
        return given().header("Authorization", CLINICIAN).queryParam("instrument", "PHQ9").queryParam("track", cohort.track)
                .queryParam("from", ModalityCohort.FROM).queryParam("to", ModalityCohort.TO);
    }

    private JsonPath comparison() {
        return query(ModalityCohort.shared(bootstrap, ds)).accept("application/json").when().get(URL).then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
    }

    @Test
    void theCohortAndTheBucketsMatchTheHandWorkedFigures() {
        ModalityCohort cohort = ModalityCohort.shared(bootstrap, ds);
        JsonPath json = comparison();
        assertThat(json.getString("instrument")).isEqualTo("PHQ9");
        assertThat(json.getString("track")).isEqualTo(cohort.track);
        assertThat(json.getString("caution")).contains("Observational", "confounding by indication");
        assertThat(json.getMap("rules")).containsEntry("scale", "SESSIONS").containsEntry("groupSessionMinutes", 90)
                .containsEntry("followUp", "END_OF_EPISODE").containsEntry("minCellSize", 11).containsEntry("blockMonths", 3);
        assertThat(json.getMap("cohort")).containsEntry("episodes", 69).containsEntry("analysed", 36).containsEntry("noBaseline", 11)
                .containsEntry("leftEarly", 11).containsEntry("noFollowUp", 11).containsEntry("dropouts", 11)
                .containsEntry("dropoutShare", Map.of("estimate", 0.159f, "ci95Lower", 0.091f, "ci95Upper", 0.263f));

        assertThat(json.getList("exposures.exposure")).containsExactly("PRESCRIBED", "ATTENDED");
        assertThat(json.getList("exposures[0].buckets.bucket"))
                .containsExactly("INDIVIDUAL", "INDIVIDUAL_HEAVY", "MIXED", "GROUP_HEAVY", "SWITCHED", "NO_PLAN");
        Map<String, Object> group = json.getMap("exposures[0].buckets[3]");
        assertThat(group).containsEntry("suppressed", false).containsEntry("n", 12).containsEntry("meanBaseline", 18.0f)
                .containsEntry("meanFollowUp", 3.0f).containsEntry("attendanceRate", 1.0f)
                .containsEntry("meanChange", Map.of("estimate", -15.0f, "ci95Lower", -17.25f, "ci95Upper", -12.75f))
                .containsEntry("response", Map.of("eligible", 12, "count", 12, "share", 1.0f, "ci95Lower", 0.758f, "ci95Upper", 1.0f))
                .containsEntry("remission", Map.of("eligible", 12, "count", 12, "share", 1.0f, "ci95Lower", 0.758f, "ci95Upper", 1.0f));
        assertThat(json.getMap("exposures[0].buckets[3].counts")).containsEntry("episodes", 45).containsEntry("analysed", 12)
                .containsEntry("noBaseline", 11).containsEntry("leftEarly", 11).containsEntry("noFollowUp", 11).containsEntry("dropouts", 11)
                .containsEntry("dropoutShare", Map.of("estimate", 0.244f, "ci95Lower", 0.142f, "ci95Upper", 0.387f));
        Map<String, Object> individual = json.getMap("exposures[0].buckets[1]");
        assertThat(individual).containsEntry("n", 12).containsEntry("meanBaseline", 13.0f).containsEntry("meanFollowUp", 10.0f)
                .containsEntry("meanChange", Map.of("estimate", -3.0f, "ci95Lower", -3.66f, "ci95Upper", -2.34f))
                .containsEntry("response", Map.of("eligible", 12, "count", 0, "share", 0.0f, "ci95Lower", 0.0f, "ci95Upper", 0.242f));
        Map<String, Object> switched = json.getMap("exposures[0].buckets[4]");
        assertThat(switched).containsEntry("n", 12).containsEntry("meanBaseline", 19.0f).containsEntry("meanFollowUp", 10.0f)
                .containsEntry("meanChange", Map.of("estimate", -9.0f, "ci95Lower", -10.05f, "ci95Upper", -7.95f))
                .doesNotContainKey("response").containsEntry("suppressedFields", List.of("response"));
        assertThat(json.getMap("exposures[0].buckets[4].remission")).containsEntry("count", 0).containsEntry("share", 0.0f);
        // empty buckets show zeros, not a suppression
        assertThat(json.getMap("exposures[0].buckets[0]")).containsEntry("suppressed", false).containsEntry("n", 0);
        assertThat(json.getMap("exposures[0].buckets[0].counts")).containsEntry("episodes", 0);

        assertThat(json.getList("exposures[1].buckets.bucket")).containsExactly("INDIVIDUAL", "INDIVIDUAL_HEAVY", "MIXED", "GROUP_HEAVY",
                "NO_ATTENDANCE");
        assertThat(json.getInt("exposures[1].buckets[2].n")).isEqualTo(12); // the switchers attended a mixed week
        assertThat(json.getInt("exposures[1].buckets[3].counts.episodes")).isEqualTo(12);
        assertThat(json.getMap("exposures[1].buckets[4].counts")).containsEntry("episodes", 33).containsEntry("analysed", 0);

        assertThat(ReadModelProbe.count(ds, "select count(*) from audit_event where action = 'SEARCH' and resource_type = 'ModalityComparison'"
                + " and resource_id = 'PHQ9' and subject = 'test-clinician' and patient_id is null")).isPositive();
    }

    @Test
    void theDifferencesUnadjustedAndAdjustedForBaselineMatchTheHandWorkedFigures() {
        JsonPath json = comparison();
        assertThat(json.getList("exposures[0].differences.bucket")).containsExactly("GROUP_HEAVY", "SWITCHED", "SWITCHED");
        assertThat(json.getList("exposures[0].differences.reference")).containsExactly("INDIVIDUAL_HEAVY", "INDIVIDUAL_HEAVY", "GROUP_HEAVY");
        Map<String, Object> gi = json.getMap("exposures[0].differences[0]");
        assertThat(gi).containsEntry("meanChange", Map.of("estimate", -12.0f, "ci95Lower", -14.3f, "ci95Upper", -9.7f))
                .containsEntry("adjustedForBaseline", Map.of("estimate", -8.75f, "ci95Lower", -9.67f, "ci95Upper", -7.83f))
                .containsEntry("response", Map.of("estimate", 1.0f, "ci95Lower", 0.657f, "ci95Upper", 1.0f))
                .containsEntry("remission", Map.of("estimate", 1.0f, "ci95Lower", 0.657f, "ci95Upper", 1.0f))
                .doesNotContainKey("adjustedFully");
        Map<String, Object> si = json.getMap("exposures[0].differences[1]");
        assertThat(si).containsEntry("meanChange", Map.of("estimate", -6.0f, "ci95Lower", -7.18f, "ci95Upper", -4.82f))
                .containsEntry("adjustedForBaseline", Map.of("estimate", -2.1f, "ci95Lower", -3.08f, "ci95Upper", -1.12f))
                .containsEntry("remission", Map.of("estimate", 0.0f, "ci95Lower", -0.242f, "ci95Upper", 0.242f))
                .containsEntry("suppressed", List.of("response"));
        Map<String, Object> sg = json.getMap("exposures[0].differences[2]");
        assertThat(sg).containsEntry("meanChange", Map.of("estimate", 6.0f, "ci95Lower", 3.6f, "ci95Upper", 8.4f))
                .containsEntry("adjustedForBaseline", Map.of("estimate", 6.65f, "ci95Lower", 5.87f, "ci95Upper", 7.43f));
        // F test of the buckets beyond baseline: without them, over all 36 episodes Sxx = 608, Sxy = 14, Syy = 464 ->
        // SSE = 464 - 14^2/608 = 463.678; F = (463.678 - 27.9) / 2 / (27.9 / 32) = 249.91 on (2, 32) df, p < 0.0001
        assertThat(json.getMap("exposures[0].model")).containsEntry("exposureF", 249.91f).containsEntry("exposureP", 0.0f);
        assertThat(json.getMap("exposures[0].model")).containsEntry("n", 36).containsEntry("baselineSlope", 0.35f)
                .containsEntry("residualDf", 32).containsEntry("buckets", List.of("INDIVIDUAL_HEAVY", "GROUP_HEAVY", "SWITCHED"));
        assertThat(json.getString("exposures[0].model.note")).contains("track and level of care do not vary");

        // attended: MIXED takes the switchers' place
        assertThat(json.getList("exposures[1].differences.bucket")).containsExactly("MIXED", "GROUP_HEAVY", "GROUP_HEAVY");
        assertThat(json.getMap("exposures[1].differences[2]")).containsEntry("reference", "MIXED")
                .containsEntry("meanChange", Map.of("estimate", -6.0f, "ci95Lower", -8.4f, "ci95Upper", -3.6f))
                .containsEntry("adjustedForBaseline", Map.of("estimate", -6.65f, "ci95Lower", -7.43f, "ci95Upper", -5.87f));
    }

    @Test
    void switchersTrajectoriesMatchTheHandWorkedFigures() {
        JsonPath json = comparison();
        assertThat(json.getBoolean("switches.applicable")).isTrue();
        assertThat(json.getList("switches.rows.direction")).containsExactly("ALL", "TOWARD_GROUP", "TOWARD_INDIVIDUAL");
        assertThat(json.getMap("switches.rows[0]")).containsEntry("n", 12)
                .containsEntry("slopeBefore", Map.of("estimate", -1.5f, "ci95Lower", -2.24f, "ci95Upper", -0.76f))
                .containsEntry("slopeAfter", Map.of("estimate", -2.5f, "ci95Lower", -2.83f, "ci95Upper", -2.17f))
                .containsEntry("difference", Map.of("estimate", -1.0f, "ci95Lower", -1.94f, "ci95Upper", -0.06f));
        assertThat(json.getMap("switches.rows[1]")).containsOnly(Map.entry("direction", "TOWARD_GROUP"), Map.entry("n", 0));
        assertThat(json.getMap("switches.rows[2]")).containsEntry("n", 12).containsEntry("difference", json.getMap("switches.rows[0].difference"));
    }

    @Test
    void auditAndDast10AreIntakeToDischargeOnlyWithoutResponseOrTrajectories() {
        ModalityCohort cohort = ModalityCohort.shared(bootstrap, ds);
        given().header("Authorization", CLINICIAN).queryParam("instrument", "AUDIT").queryParam("track", cohort.track)
                .queryParam("from", ModalityCohort.FROM).queryParam("to", ModalityCohort.TO).when().get(URL).then().statusCode(200)
                .body("rules.outcome", equalTo("intake-to-discharge"))
                .body("rules.followUp", equalTo("END_OF_EPISODE"))
                .body("switches.applicable", equalTo(false))
                .body("cohort.episodes", equalTo(69))
                .body("cohort.noBaseline", equalTo(69)); // nobody took an AUDIT
    }

    @Test
    void theSameFiguresAsCsvInLongForm() {
        ModalityCohort cohort = ModalityCohort.shared(bootstrap, ds);
        String csv = query(cohort).accept("text/csv").when().get(URL).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("section,exposure,bucket,reference,measure,estimate,ci95_lower,ci95_upper,suppressed");
        assertThat(lines).contains("cohort,,,,episodes,69,,,false",
                "bucket,PRESCRIBED,GROUP_HEAVY,,mean_change,-15.0,-17.25,-12.75,false",
                "bucket,PRESCRIBED,SWITCHED,,response_share,,,,true",
                "difference,PRESCRIBED,GROUP_HEAVY,INDIVIDUAL_HEAVY,mean_change,-12.0,-14.3,-9.7,false",
                "difference,PRESCRIBED,GROUP_HEAVY,INDIVIDUAL_HEAVY,adjusted_for_baseline,-8.75,-9.67,-7.83,false",
                "difference,PRESCRIBED,SWITCHED,INDIVIDUAL_HEAVY,response_share,,,,true",
                "model,PRESCRIBED,,,exposure_f,249.91,,,false",
                "switch,PRESCRIBED,ALL,,slope_change,-1.0,-1.94,-0.06,false");
    }

    @Test
    void aCellOfTenIsWithheldAndACellOfElevenIsShown() {
        String track = "SMALLCELL_" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        for (int i = 0; i < 10; i++) {
            ModalityCohort.groupPatient(bootstrap, ds, track);
        }
        given().header("Authorization", CLINICIAN).queryParam("instrument", "PHQ9").queryParam("track", track)
                .queryParam("from", ModalityCohort.FROM).when().get(URL).then().statusCode(200)
                .body("exposures[0].buckets[3]", equalTo(Map.of("bucket", "GROUP_HEAVY", "suppressed", true)))
                .body("cohort.episodes", org.hamcrest.Matchers.nullValue())
                .body("cohort.suppressed", org.hamcrest.Matchers.hasItems("episodes", "analysed"));
        ModalityCohort.groupPatient(bootstrap, ds, track);
        given().header("Authorization", CLINICIAN).queryParam("instrument", "PHQ9").queryParam("track", track)
                .queryParam("from", ModalityCohort.FROM).when().get(URL).then().statusCode(200)
                .body("exposures[0].buckets[3].suppressed", equalTo(false))
                .body("exposures[0].buckets[3].n", equalTo(11))
                .body("exposures[0].buckets[3].meanChange.estimate", equalTo(-12.0f))
                .body("cohort.episodes", equalTo(11));
    }

    @Test
    void badParametersAreNamed() {
        given().header("Authorization", CLINICIAN).when().get(URL).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("instrument"));
        given().header("Authorization", CLINICIAN).queryParam("instrument", "BDI").when().get(URL).then().statusCode(400)
                .body("errors.field", contains("instrument"));
        given().header("Authorization", CLINICIAN).queryParam("instrument", "PHQ9").queryParam("from", "2026-02-30")
                .when().get(URL).then().statusCode(400).body("errors.field", contains("from"));
        given().header("Authorization", CLINICIAN).queryParam("instrument", "PHQ9").queryParam("from", "2026-03-01")
                .queryParam("to", "2026-02-01").when().get(URL).then().statusCode(400).body("errors.field", contains("to"));
        given().header("Authorization", CLINICIAN).queryParam("instrument", "PHQ9").queryParam("track", "adult mh; drop")
                .when().get(URL).then().statusCode(400).body("errors.field", contains("track"));
        given().header("Authorization", CLINICIAN).queryParam("instrument", "PHQ9").queryParam("from", "+999999999-01-01")
                .when().get(URL).then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("from"));
        given().header("Authorization", CLINICIAN).queryParam("instrument", "PHQ9").queryParam("to", "999999999-12-31")
                .when().get(URL).then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("to"));
        given().header("Authorization", CLINICIAN).queryParam("instrument", "PHQ9").queryParam("from", "-999999999-01-01")
                .queryParam("to", "+999999999-12-31").when().get(URL).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theComparisonAndTheExportAreDocumented() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String path : List.of(URL, AnalysisExportTest.EXPORT)) {
            Map<String, Object> op = doc.getMap("paths.'" + path + "'.get");
            assertThat(op).as(path).containsKeys("operationId", "summary", "description", "tags");
            assertThat((Map<String, Object>) op.get("responses")).as(path).containsKeys("200", "400", "401", "403");
            assertThat(op.get("responses").toString()).as(path).contains("examples");
            assertThat((String) op.get("description")).as(path).contains("docs/outcomes.md");
        }
        assertThat(doc.getString("paths.'" + URL + "'.get.description")).contains("Observational", "confounding by indication");
        assertThat(doc.getString("paths.'" + AnalysisExportTest.EXPORT + "'.get.description")).contains("Admins only", "shifted");
    }

    @Test
    void aWindowIsWidenedToWholeQuarters() {
        ModalityCohort cohort = ModalityCohort.shared(bootstrap, ds);
        given().header("Authorization", CLINICIAN).queryParam("instrument", "PHQ9").queryParam("track", cohort.track)
                .queryParam("from", "2026-01-20").queryParam("to", "2026-02-10").when().get(URL).then().statusCode(200)
                .body("from", equalTo("2026-01-01")).body("to", equalTo("2026-03-31")).body("cohort.episodes", equalTo(69));
    }
}
