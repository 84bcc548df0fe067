package care.iop.plan.rest;

import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.modality;
import static care.iop.plan.support.PlanFixtures.planBody;
import static care.iop.plan.support.ReadModelProbe.count;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import care.iop.plan.support.PlanFixtures;
import care.iop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class PlanRolesTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
    }

    private static RequestSpecification as(String authorization) {
        return given().header("Authorization", authorization).contentType("application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = { "clinician", "admin" })
    void cliniciansAndAdminsWrite(String role) {
        UUID[] ids = fixtures.patientAndClinician();
        String id = as(TestTokens.bearer(role)).body(planBody(ids[0], ids[1], modality(1, 50, 8.5, 0), null)).post(PLANS)
                .then().statusCode(201).extract().path("id");
        PlanFixtures.signCurrentVersion(id);
        as(TestTokens.bearer(role)).body("{\"status\":\"active\"}").put(PLANS + "/" + id + "/status").then().statusCode(200);
        as(TestTokens.bearer(role)).body("{\"summary\":\"ok\",\"decision\":\"CONTINUE\"}").post(PLANS + "/" + id + "/reviews").then().statusCode(201);
        as(TestTokens.bearer(role)).body("{\"modality\":" + modality(3, 60, 6, 0) + ",\"reason\":\"r\",\"effectiveFrom\":\"2026-12-07\"}")
                .post(PLANS + "/" + id + "/modality-changes").then().statusCode(201);
    }

    @ParameterizedTest
    @ValueSource(strings = { "scheduler", "integration", "patient" })
    void othersCannotWriteAndNothingIsStored(String role) {
        UUID[] ids = fixtures.patientAndClinician();
        String auth = role.equals("patient") ? "Bearer " + TestTokens.patient(ids[0]) : TestTokens.bearer(role);
        as(auth).body(planBody(ids[0], ids[1], modality(1, 50, 8.5, 0), null)).post(PLANS).then().statusCode(403)
                .contentType("application/problem+json");
        assertThat(count(ds, "select count(*) from care_plan where patient_id = ?", ids[0])).isZero();
        String plan = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
        as(auth).body("{\"status\":\"active\"}").put(PLANS + "/" + plan + "/status").then().statusCode(403);
        as(auth).body("{\"summary\":\"x\",\"decision\":\"CONTINUE\"}").post(PLANS + "/" + plan + "/reviews").then().statusCode(403);
        as(auth).body("{\"modality\":" + modality(3, 60, 6, 0) + ",\"reason\":\"r\"}").post(PLANS + "/" + plan + "/modality-changes").then().statusCode(403);
        as(auth).header("If-Match", "*").body(PlanReadUpdateTest.EDIT).put(PLANS + "/" + plan).then().statusCode(403);
        assertThat(count(ds, "select count(*) from care_plan where id = ? and status = 'draft' and version = 0", UUID.fromString(plan))).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "scheduler", "integration", "clinician", "admin" })
    void staffRead(String role) {
        String plan = fixtures.draftPlan();
        as(TestTokens.bearer(role)).get(PLANS + "/" + plan).then().statusCode(200).body("id", equalTo(plan));
        as(TestTokens.bearer(role)).get(PLANS + "/" + plan + "/dose").then().statusCode(200);
        as(TestTokens.bearer(role)).get(PLANS + "/" + plan + "/modality-changes").then().statusCode(200);
        as(TestTokens.bearer(role)).get(PLANS + "/" + plan + "/status-history").then().statusCode(200);
    }

    @Test
    void aPatientReadsOnlyTheirOwnPlansAndOthersAre404() {
        UUID[] mine = fixtures.patientAndClinician();
        String myPlan = fixtures.createPlan(mine[0], mine[1], modality(1, 50, 8.5, 0));
        String otherPlan = fixtures.draftPlan();
        String me = "Bearer " + TestTokens.patient(mine[0]);

        as(me).get(PLANS + "/" + myPlan).then().statusCode(200).body("patientId", equalTo(mine[0].toString()));
        as(me).get(PLANS + "/" + myPlan + "/dose").then().statusCode(200);
        as(me).get(PLANS + "/" + myPlan + "/reviews").then().statusCode(200);
        as(me).get(PLANS + "/" + otherPlan).then().statusCode(404).contentType("application/problem+json");
        as(me).get(PLANS + "/" + otherPlan + "/dose").then().statusCode(404);
        as(me).get(PLANS + "/" + otherPlan + "/modality-changes").then().statusCode(404);
        as(me).get(PLANS + "/" + otherPlan + "/reviews").then().statusCode(404);
        as(me).get(PLANS + "/" + otherPlan + "/status-history").then().statusCode(404);
        as(me).get(PLANS).then().statusCode(200).body("total", equalTo(1)).body("items.patientId", everyItem(equalTo(mine[0].toString())));
        as(me).get(PLANS + "?status=draft").then().statusCode(200).body("total", equalTo(1));
        UUID other = UUID.fromString(as(TestTokens.bearer("admin")).get(PLANS + "/" + otherPlan).then().extract().path("patientId"));
        as(me).get(PLANS + "?patientId=" + other).then().statusCode(200).body("total", equalTo(0));
        as(me).get(PLANS + "/dose-alerts").then().statusCode(403);
    }

    @Test
    void anonymousIs401() {
        given().get(PLANS).then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").body("{}").post(PLANS).then().statusCode(401);
    }

    @Test
    void readsAndWritesAreAudited() {
        UUID[] ids = fixtures.patientAndClinician();
        String plan = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
        as(TestTokens.bearer("scheduler")).get(PLANS + "/" + plan).then().statusCode(200);
        UUID intruder = UUID.randomUUID();
        as("Bearer " + TestTokens.patient(intruder)).get(PLANS + "/" + plan).then().statusCode(404);
        assertThat(count(ds, "select count(*) from audit_event where patient_id = ? and action = 'CREATE' and resource_id = ? and subject = 'test-clinician'",
                ids[0], plan)).isEqualTo(1);
        assertThat(count(ds, "select count(*) from audit_event where patient_id = ? and action = 'READ' and resource_id = ? and subject = 'test-scheduler'",
                ids[0], plan)).isEqualTo(1);
        assertThat(count(ds, "select count(*) from audit_event where resource_id = ? and subject like 'test-patient-%' and outcome = 'SUCCESS'", plan)).isZero();
        // another patient's attempt is on the owner's record, as refused
        assertThat(count(ds, "select count(*) from audit_event where patient_id = ? and resource_id = ? and subject = ? and outcome = 'DENIED'",
                ids[0], plan, "test-patient-" + intruder)).isEqualTo(1);
        as(TestTokens.bearer("admin")).get("/api/v1/audit?patientId=" + ids[0]).then().statusCode(200).body("total", equalTo(3));
    }
}
