package care.iop.plan.privacy;

import static care.iop.plan.privacy.Part2Cohort.ALERT_WEEK;
import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.modality;
import static care.iop.plan.support.ReadModelProbe.count;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import care.iop.plan.privacy.Part2Cohort.Case;
import care.iop.plan.privacy.Part2Cohort.Records;
import care.iop.plan.privacy.Part2MatrixTest.Caller;
import care.iop.platform.privacy.PrivacyConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The answers that carry several patients (plan search, dose alerts) and the aggregates (modality comparison) for
 * every caller of the matrix: for a caller outside the program, the items and the total leave out the Part 2 patients
 * it has no consent for; each patient in an answer has one audit row of its own (naming recipient and consent); the
 * aggregates are not offered outside the program and are audited as one row naming no patient. Writes are not
 * offered to integrations at all.
 */
@QuarkusTest
class Part2ListsTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Part2Cohort cohort;

    @BeforeEach
    void cohort() {
        cohort = Part2Cohort.get(bootstrap, ds);
    }

    /** The cases whose records the caller may receive. */
    private static Set<Case> visibleTo(Caller caller) {
        if (!caller.external()) {
            return EnumSet.allOf(Case.class);
        }
        return Arrays.stream(Case.values()).filter(c -> caller.refusal(c) == null).collect(Collectors.toCollection(() -> EnumSet.noneOf(Case.class)));
    }

    @ParameterizedTest
    @EnumSource(value = Caller.class, names = "PATIENT", mode = EnumSource.Mode.EXCLUDE)
    void planSearchLeavesOutHiddenPatientsFromItemsAndTotalAndAuditsEachPatient(Caller caller) {
        String subject = "lists-" + UUID.randomUUID();
        Response response = given().header("Authorization", caller.token(subject, null))
                .queryParam("clinicianId", cohort.clinicianId).queryParam("size", 100).when().get(PLANS);
        assertThat(response.statusCode()).isEqualTo(200);
        Set<Case> visible = visibleTo(caller);
        Set<String> expectedPlans = visible.stream().map(c -> cohort.of(c).planId()).collect(Collectors.toSet());
        assertThat(new HashSet<>(response.jsonPath().getList("items.id", String.class))).isEqualTo(expectedPlans);
        assertThat(response.jsonPath().getInt("total")).isEqualTo(visible.size());

        boolean disclosed = visible.stream().anyMatch(c -> c.part2) && caller.external();
        assertThat(response.header("Part2-Notice")).isEqualTo(disclosed ? PrivacyConfig.NOTICE : null);
        assertThat(response.jsonPath().getString("part2Notice")).isEqualTo(disclosed ? PrivacyConfig.NOTICE : null);
        if (caller == Caller.SCHEDULER) {
            List<Map<String, Object>> items = response.jsonPath().getList("items");
            assertThat(items).allSatisfy(plan -> assertThat(plan).doesNotContainKeys("problems", "goals", "rationale", "modalityRationale")
                    .containsKeys("status", "startDate", "modality"));
        } else {
            assertThat(response.jsonPath().getList("items.problems")).doesNotContainNull();
        }

        // one SEARCH row per patient in the answer, with the consent each disclosure relied on
        assertThat(count(ds, "select count(*) from audit_event where subject = ? and action = 'SEARCH' and outcome = 'SUCCESS'", subject))
                .isEqualTo(visible.size());
        for (Case c : visible) {
            Records records = cohort.of(c);
            UUID consent = caller.external() && c.part2 ? records.consentId() : null;
            assertThat(count(ds, "select count(*) from audit_event where subject = ? and patient_id = ? and recipient is not distinct from ?"
                    + " and consent_id is not distinct from ?", subject, records.patientId(), caller.azp, consent)).as(c.name()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Case.class)
    void aSearchForOnePatientCountsNothingThatIsHidden(Case c) {
        Records records = cohort.of(c);
        boolean visible = Caller.EHR_A.refusal(c) == null;
        given().header("Authorization", Caller.EHR_A.token("lists-" + UUID.randomUUID(), null))
                .queryParam("patientId", records.patientId()).when().get(PLANS)
                .then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(visible ? 1 : 0));
        given().header("Authorization", Caller.PATIENT.token("lists-" + UUID.randomUUID(), records.patientId())).when().get(PLANS)
                .then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].id", org.hamcrest.Matchers.equalTo(records.planId()));
    }

    @ParameterizedTest
    @EnumSource(value = Caller.class)
    void doseAlertsLeaveOutHiddenPatientsAndAuditOneRowPerPatient(Caller caller) {
        String subject = "alerts-" + UUID.randomUUID();
        Response response = given().header("Authorization", caller.token(subject, cohort.of(Case.NOT_PART2).patientId()))
                .queryParam("week", ALERT_WEEK).when().get(PLANS + "/dose-alerts");
        if (caller == Caller.PATIENT) {
            assertThat(response.statusCode()).isEqualTo(403);
            return;
        }
        assertThat(response.statusCode()).isEqualTo(200);
        Set<UUID> patients = response.jsonPath().getList("patientId", String.class).stream().map(UUID::fromString).collect(Collectors.toSet());
        for (Case c : Case.values()) {
            assertThat(patients.contains(cohort.of(c).patientId())).as(c.name()).isEqualTo(visibleTo(caller).contains(c));
        }
        boolean disclosed = caller.external() && visibleTo(caller).stream().anyMatch(c -> c.part2);
        assertThat(response.header("Part2-Notice")).isEqualTo(disclosed ? PrivacyConfig.NOTICE : null);

        // every patient in the answer (the cohort's and any other test's) has exactly one row; nobody else has one
        assertThat(count(ds, "select count(*) from audit_event where subject = ? and action = 'SEARCH' and resource_type = 'CarePlanDose'", subject))
                .isEqualTo(patients.size());
        assertThat(count(ds, "select count(distinct patient_id) from audit_event where subject = ?", subject)).isEqualTo(patients.size());
        for (Case c : visibleTo(caller)) {
            UUID consent = caller.external() && c.part2 ? cohort.of(c).consentId() : null;
            assertThat(count(ds, "select count(*) from audit_event where subject = ? and patient_id = ? and recipient is not distinct from ?"
                    + " and consent_id is not distinct from ?", subject, cohort.of(c).patientId(), caller.azp, consent)).as(c.name()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Caller.class)
    void theModalityComparisonIsForCliniciansAndAdminsOnlyAndAuditedAsOneRowWithoutPatient(Caller caller) {
        String subject = "aggregate-" + UUID.randomUUID();
        String token = caller.token(subject, cohort.of(Case.NOT_PART2).patientId());
        boolean allowed = caller == Caller.ADMIN || caller == Caller.CLINICIAN;
        String url = "/api/v1/outcomes/modality-comparison";
        given().header("Authorization", token).queryParam("instrument", "PHQ9").accept("application/json").when().get(url)
                .then().statusCode(allowed ? 200 : 403);
        given().header("Authorization", token).queryParam("instrument", "PHQ9").accept("text/csv").when().get(url)
                .then().statusCode(allowed ? 200 : 403);
        given().header("Authorization", token).when().get(url + "/chart").then().statusCode(allowed ? 200 : 403);
        given().header("Authorization", token).contentType("application/json").body("{\"instrument\":\"PHQ9\"}")
                .when().post(url + "/chart-links").then().statusCode(allowed ? 201 : 403);
        // an aggregate: one row per answer, naming no patient
        assertThat(count(ds, "select count(*) from audit_event where subject = ? and outcome = 'SUCCESS'", subject)).isEqualTo(allowed ? 3 : 0);
        assertThat(count(ds, "select count(*) from audit_event where subject = ? and patient_id is not null", subject)).isZero();
    }

    @Test
    void aSignedChartLinkDoesNotOpenTheAggregateToACallerOutsideTheProgram() {
        String maker = "link-maker-" + UUID.randomUUID();
        String url = given().header("Authorization", Caller.CLINICIAN.token(maker, null)).contentType("application/json")
                .body("{\"instrument\":\"PHQ9\",\"track\":\"ADULT_SUD\"}").when().post("/api/v1/outcomes/modality-comparison/chart-links")
                .then().statusCode(201).extract().path("url");
        given().urlEncodingEnabled(false).header("Authorization", Caller.EHR_A.token("lists-" + UUID.randomUUID(), null))
                .when().get(url).then().statusCode(403);
        given().urlEncodingEnabled(false).when().get(url).then().statusCode(200).contentType("image/svg+xml");
        assertThat(count(ds, "select count(*) from audit_event where subject = ? and roles = 'signed-link' and patient_id is null", maker)).isEqualTo(1);
        assertThat(count(ds, "select count(*) from audit_event where subject = ? and patient_id is not null", maker)).isZero();
    }

    @Test
    void integrationsWriteNothing() {
        Records records = cohort.of(Case.CONSENTED);
        String token = Caller.EHR_A.token("lists-" + UUID.randomUUID(), null);
        String plan = PLANS + "/" + records.planId();
        long version = ((Number) given().header("Authorization", Caller.ADMIN.token("lists-" + UUID.randomUUID(), null)).when().get(plan)
                .then().statusCode(200).extract().path("version")).longValue();
        given().header("Authorization", token).contentType("application/json").body("{\"status\":\"on-hold\"}").when().put(plan + "/status")
                .then().statusCode(403);
        given().header("Authorization", token).contentType("application/json").body("{\"summary\":\"x\",\"decision\":\"CONTINUE\"}")
                .when().post(plan + "/reviews").then().statusCode(403);
        given().header("Authorization", token).contentType("application/json").body("{\"modality\":" + modality(9, 60, 0, 0) + ",\"reason\":\"r\"}")
                .when().post(plan + "/modality-changes").then().statusCode(403);
        given().header("Authorization", token).contentType("application/json").body("{\"note\":\"seen\"}")
                .when().post("/api/v1/assessments/safety-flags/" + records.flagId() + "/acknowledge").then().statusCode(403);
        given().header("Authorization", token).contentType("application/json").body("{\"patientId\":\"" + records.patientId()
                + "\",\"instrument\":\"PHQ9\",\"answers\":[0,0,0,0,0,0,0,0,0],\"takenAt\":\"2026-12-01T10:00:00Z\"}")
                .when().post("/api/v1/assessments").then().statusCode(403);
        assertThat(count(ds, "select count(*) from care_plan where id = ?::uuid and version = ? and status = 'active'", records.planId(), version))
                .isEqualTo(1);
        assertThat(count(ds, "select count(*) from assessment where patient_id = ?", records.patientId())).isEqualTo(1);
    }
}
