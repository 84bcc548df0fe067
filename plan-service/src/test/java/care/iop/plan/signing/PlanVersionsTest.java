package care.iop.plan.signing;

import static care.iop.plan.signing.SigningFixtures.read;
import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.get;
import static care.iop.plan.support.PlanFixtures.modality;
import static care.iop.plan.support.PlanFixtures.post;
import static care.iop.plan.support.ReadModelProbe.count;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import care.iop.plan.signing.service.PlanVersions;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Which changes make a version, what a version says, and who may read versions. */
@QuarkusTest
class PlanVersionsTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
    }

    private long versions(String plan) {
        return count(ds, "select count(*) from plan_version where plan_id = ?", UUID.fromString(plan));
    }

    @Test
    void creationIsVersionOneWithEveryFieldItSets() {
        String plan = fixtures.draftPlan();
        read(TestTokens.forRole("clinician"), PLANS + "/" + plan + "/versions").statusCode(200).body("", hasSize(1))
                .body("[0].number", equalTo(1)).body("[0].cause", equalTo("created")).body("[0].signatureRequired", equalTo(true))
                .body("[0].state", equalTo("pending-signatures")).body("[0].createdBy", equalTo("test-clinician"))
                .body("[0].changes", hasItems("levelOfCare", "startDate", "problems", "goals", "modality", "rationale"))
                .body("[0].changes", not(hasItem("belowMinimumJustification")));
        read(TestTokens.forRole("clinician"), PLANS + "/" + plan + "/versions/1").statusCode(200)
                .body("content.levelOfCare", equalTo("2.1")).body("content.startDate", equalTo(PlanFixtures.START))
                .body("content.modality.individualSessionsPerWeek", equalTo(1)).body("content.problems[0].code", equalTo("F32.1"));
    }

    @Test
    void anUnchangedEditAndAReviewThatChangesNothingMakeNoVersionButASwitchDoes() {
        String plan = fixtures.draftPlan();
        // read-modify-write with nothing modified
        var read = get("clinician", PLANS + "/" + plan).statusCode(200).extract();
        given().header("Authorization", TestTokens.bearer("clinician")).header("If-Match", read.header("ETag")).contentType("application/json")
                .body(read.asString()).when().put(PLANS + "/" + plan).then().statusCode(200).body("currentVersion", equalTo(1));
        post("clinician", PLANS + "/" + plan + "/reviews", "{\"summary\":\"on track\",\"decision\":\"CONTINUE\"}").statusCode(201);
        assertThat(versions(plan)).isEqualTo(1);

        post("clinician", PLANS + "/" + plan + "/modality-changes", "{\"modality\":" + modality(3, 60, 6, 0)
                + ",\"reason\":\"decided with the patient\",\"effectiveFrom\":\"2026-12-07\"}").statusCode(201);
        read(TestTokens.forRole("clinician"), PLANS + "/" + plan + "/versions/2").statusCode(200)
                .body("cause", equalTo("modality-switch")).body("changes", contains("interventions", "modality", "modalityEffectiveFrom", "modalityRationale"))
                .body("content.modality.groupHoursPerWeek", equalTo(6.0f));
        get("clinician", PLANS + "/" + plan).body("currentVersion", equalTo(2));
    }

    @Test
    void aDateEditIsAnAmendmentNamingTheDatesItMoved() {
        UUID[] ids = fixtures.patientAndClinician();
        String plan = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
        String etag = get("clinician", PLANS + "/" + plan).extract().header("ETag");
        given().header("Authorization", TestTokens.bearer("clinician")).header("If-Match", etag).contentType("application/json")
                .body(PlanFixtures.planBody(ids[0], ids[1], null, null).replace("\"durationWeeks\":12", "\"durationWeeks\":10"))
                .when().put(PLANS + "/" + plan).then().statusCode(200).body("currentVersion", equalTo(2));
        read(TestTokens.forRole("clinician"), PLANS + "/" + plan + "/versions/2").body("cause", equalTo("amended"))
                .body("changes", contains("durationWeeks", "endDate"));
    }

    @Test
    void versionsAreClinicalContentAndFollowThePlansAccessRules() {
        UUID[] ids = fixtures.patientAndClinician();
        String plan = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
        for (String path : new String[] { "/versions", "/versions/1" }) {
            read(TestTokens.forRole("scheduler"), PLANS + "/" + plan + path).statusCode(403).contentType("application/problem+json");
            read(TestTokens.forRole("integration"), PLANS + "/" + plan + path).statusCode(200);
            read(TestTokens.forRole("admin"), PLANS + "/" + plan + path).statusCode(200);
            read(TestTokens.patient(ids[0]), PLANS + "/" + plan + path).statusCode(200);
            read(TestTokens.patient(UUID.randomUUID()), PLANS + "/" + plan + path).statusCode(404);
        }
        read(TestTokens.forRole("clinician"), PLANS + "/" + plan + "/versions/2").statusCode(404).contentType("application/problem+json");
        read(TestTokens.forRole("clinician"), PLANS + "/" + plan + "/versions/0").statusCode(400);
        read(TestTokens.forRole("clinician"), PLANS + "/" + UUID.randomUUID() + "/versions").statusCode(404);
        // the scheduler still sees where the plan stands with its signatures (no clinical content)
        get("scheduler", PLANS + "/" + plan).statusCode(200).body("pendingSignatures", contains("patient", "author"))
                .body("currentVersion", equalTo(1));
        assertThat(count(ds, "select count(*) from audit_event where resource_type = 'CarePlan' and resource_id = ? and action = 'READ'"
                + " and outcome = 'SUCCESS' and subject = 'test-integration'", plan)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aPart2PatientsVersionsNeedTheirConsentForACallerOutsideTheProgram() {
        UUID patient = fixtures.register(EventFixtures.patient(UUID.randomUUID()).track("ADULT_SUD").build()).patientId();
        String plan = fixtures.createPlan(patient, fixtures.clinician(), modality(1, 50, 8.5, 0));
        read(TestTokens.forRole("integration"), PLANS + "/" + plan + "/versions").statusCode(404);
        read(TestTokens.forRole("integration"), PLANS + "/" + plan + "/versions/1").statusCode(404);
        assertThat(count(ds, "select count(*) from audit_event where resource_id = ? and outcome = 'DENIED' and subject = 'test-integration'",
                plan)).isEqualTo(2);
    }

    /** The snapshot V25 writes for plans older than versions (the same expression), for one plan. */
    private static final String MIGRATION_SNAPSHOT = """
            select jsonb_build_object(
                       'levelOfCare', p.level_of_care,
                       'startDate', p.start_date::text,
                       'durationWeeks', p.duration_weeks,
                       'endDate', p.end_date::text,
                       'reviewIntervalDays', p.review_interval_days,
                       'problems', p.problems::jsonb,
                       'goals', p.goals::jsonb,
                       'interventions', p.interventions::jsonb,
                       'rationale', p.rationale,
                       'modality', jsonb_build_object(
                           'individualSessionsPerWeek', p.individual_sessions_per_week,
                           'individualSessionMinutes', p.individual_session_minutes,
                           'groupHoursPerWeek', p.group_hours_per_week,
                           'familySessionsPerWeek', p.family_sessions_per_week),
                       'modalityEffectiveFrom', p.modality_effective_from::text,
                       'modalityRationale', p.modality_rationale,
                       'belowMinimumJustification', p.below_minimum_justification)::text
            from care_plan p where p.id = ?""";

    @Test
    void theMigrationsSnapshotOfAPlanIsTheServicesSoItsFirstEditListsOnlyWhatChanged() throws Exception {
        UUID[] ids = fixtures.patientAndClinician();
        String plan = fixtures.createPlan(ids[0], ids[1], modality(2, 45, 7.5, 0));
        String migrated = (String) care.iop.plan.support.ReadModelProbe.value(ds, MIGRATION_SNAPSHOT, UUID.fromString(plan));
        String recorded = (String) care.iop.plan.support.ReadModelProbe.value(ds,
                "select content from plan_version where plan_id = ? and number = 1", UUID.fromString(plan));
        assertThat(PlanVersions.changes(EventFixtures.JSON.readTree(migrated), EventFixtures.JSON.readTree(recorded))).isEmpty();
        assertThat(PlanVersions.changes(EventFixtures.JSON.readTree(recorded), EventFixtures.JSON.readTree(migrated))).isEmpty();
    }

    @Test
    void snapshotsWrittenByTheMigrationCompareByValue() throws Exception {
        ObjectNode sql = (ObjectNode) EventFixtures.JSON.readTree("{\"modality\":{\"groupHoursPerWeek\":9.00,\"individualSessionsPerWeek\":1},"
                + "\"goals\":[],\"rationale\":null}");
        ObjectNode java = (ObjectNode) EventFixtures.JSON.readTree("{\"modality\":{\"groupHoursPerWeek\":9.0,\"individualSessionsPerWeek\":1},"
                + "\"goals\":[],\"rationale\":null,\"interventions\":[]}");
        assertThat(PlanVersions.changes(sql, java)).isEmpty();
        java.putArray("interventions").add("x");
        java.with("modality").put("groupHoursPerWeek", 9.5);
        assertThat(PlanVersions.changes(sql, java)).containsExactly("modality", "interventions");
    }
}
