package care.iop.plan.worklist;

import static care.iop.plan.support.PlanFixtures.activate;
import static care.iop.plan.support.PlanFixtures.modality;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.events.ClinicianState;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.plan.worklist.service.ReviewsDue;
import care.iop.platform.time.ProgramTime;
import care.iop.platform.worklist.WorklistItem;
import care.iop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** plan-service's worklist face: reviews due and plans awaiting signatures, in order, for whom, audited. */
@QuarkusTest
class PlanWorklistTest {
    private static final List<String> OWN_KINDS = List.of("REVIEW_DUE", "PLAN_SIGNATURE");


    @Inject
    AgroalDataSource ds;

    @Inject
    ReviewsDue reviewsDue;

    @Inject
    ProgramTime time;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
    }

    private static String path(UUID clinician) {
        return "/api/v1/worklists/clinicians/" + clinician + "/plan-items";
    }

    private static JsonPath worklist(String bearer, UUID clinician) {
        return given().header("Authorization", bearer).when().get(path(clinician)).then().statusCode(200).extract().jsonPath();
    }

    private UUID patient() {
        return fixtures.register(EventFixtures.patient(UUID.randomUUID()).build()).patientId();
    }

    private void reviewDue(String planId, LocalDate day) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("update care_plan set next_review_due = ? where id = ?")) {
            s.setDate(1, Date.valueOf(day));
            s.setObject(2, UUID.fromString(planId));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void reviewsDueAndPlansToSignInOrderWithTheirActions() throws Exception {
        UUID clinician = fixtures.clinician();
        LocalDate today = time.today();
        String overdue = fixtures.createPlan(patient(), clinician, modality(1, 50, 8.5, 0));
        activate(overdue).statusCode(200);
        reviewDue(overdue, today.minusDays(1));
        String tomorrow = fixtures.createPlan(patient(), clinician, modality(1, 50, 8.5, 0));
        activate(tomorrow).statusCode(200);
        reviewDue(tomorrow, today.plusDays(1));
        String later = fixtures.createPlan(patient(), clinician, modality(1, 50, 8.5, 0));
        activate(later).statusCode(200);
        reviewDue(later, today.plusDays(2));
        UUID draftPatient = patient();
        String draft = fixtures.createPlan(draftPatient, clinician, modality(1, 50, 8.5, 0));
        String othersPlan = fixtures.draftPlan(); // another clinician's

        JsonPath answer = worklist("Bearer " + TestTokens.clinician(clinician), clinician);
        assertThat(answer.getString("clinicianId")).isEqualTo(clinician.toString());
        assertThat(OffsetDateTime.parse(answer.getString("generatedAt"))).isNotNull();
        List<Map<String, Object>> items = about(answer, overdue, tomorrow, later, draft, othersPlan);
        assertThat(items).extracting(i -> i.get("resourceId")).containsExactly(overdue, tomorrow, draft);
        // overdue first, then by due time; the undated (the draft to sign, and other authors' plans awaiting any licensed
        // co-signer, which other tests create) come last
        List<Map<String, Object>> own = ofThisPackage(answer);
        assertThat(own.subList(0, 2)).isEqualTo(items.subList(0, 2));
        assertThat(own.subList(2, own.size())).allSatisfy(item -> assertThat(item).doesNotContainKey("dueAt"));
        assertThat(answer.<Map<String, Object>>getList("items")).extracting(i -> (Boolean) i.get("overdue"))
                .isSortedAccordingTo(java.util.Comparator.reverseOrder()); // the overdue of every source first

        assertThat(items.get(0)).containsEntry("kind", "REVIEW_DUE").containsEntry("overdue", true)
                .containsEntry("summary", "Plan review due on " + today.minusDays(1)).containsEntry("resourceType", "CarePlan");
        assertThat(OffsetDateTime.parse((String) items.get(0).get("dueAt")).toInstant()).isEqualTo(time.endOf(today.minusDays(1)).toInstant());
        assertThat(items.get(0).get("action")).isEqualTo(Map.of("method", "POST", "href", "/api/v1/plans/" + overdue + "/reviews"));
        assertThat(items.get(1)).containsEntry("kind", "REVIEW_DUE").containsEntry("overdue", false);
        assertThat(OffsetDateTime.parse((String) items.get(1).get("dueAt")).toInstant()).isEqualTo(time.endOf(today.plusDays(1)).toInstant());

        assertThat(items.get(2)).containsEntry("kind", "PLAN_SIGNATURE").containsEntry("overdue", false).doesNotContainKey("dueAt")
                .containsEntry("patientId", draftPatient.toString()).containsEntry("summary", "Plan version 1 awaits signatures: patient, author");
        assertThat(items.get(2).get("action")).isEqualTo(Map.of("method", "POST", "href", "/api/v1/plans/" + draft + "/versions/1/signatures"));

        // audited once per patient in the answer (ours and those of other authors' plans awaiting a co-signer)
        long patients = answer.<Map<String, Object>>getList("items").stream().map(i -> i.get("patientId")).distinct().count();
        assertThat(patients).isGreaterThanOrEqualTo(3);
        assertThat(count("select count(*) from audit_event where resource_type = 'Worklist' and resource_id = ? and outcome = 'SUCCESS'",
                clinician.toString())).isEqualTo(patients);
    }

    @Test
    void onceTheAuthorSignedThePlanWaitsForThePatientAndTheActionReadsTheVersion() {
        UUID clinician = fixtures.clinician();
        String draft = fixtures.createPlan(patient(), clinician, modality(1, 50, 8.5, 0));
        given().header("Authorization", "Bearer " + TestTokens.clinician(clinician)).contentType("application/json")
                .body("{\"role\":\"author\",\"method\":\"electronic\"}").when().post("/api/v1/plans/" + draft + "/versions/1/signatures")
                .then().statusCode(201);
        List<Map<String, Object>> items = about(worklist("Bearer " + TestTokens.clinician(clinician), clinician), draft);
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i).containsEntry("summary", "Plan version 1 awaits signatures: patient");
            assertThat(i.get("action")).isEqualTo(Map.of("method", "GET", "href", "/api/v1/plans/" + draft + "/versions/1"));
        });
        activate(draft).statusCode(200);
        assertThat(about(worklist("Bearer " + TestTokens.clinician(clinician), clinician), draft)).isEmpty();
    }

    @Test
    void aLicensedClinicianSeesASupervisedAuthorsPlanToCoSign() {
        UUID intern = UUID.randomUUID();
        fixtures.events().clinicianRegistered(credentialed(intern, "LPC-A"));
        UUID licensed = UUID.randomUUID();
        fixtures.events().clinicianRegistered(credentialed(licensed, "LCSW"));
        care.iop.plan.support.ReadModelProbe.awaitClinician(ds, intern, 1);
        care.iop.plan.support.ReadModelProbe.awaitClinician(ds, licensed, 1);
        String draft = fixtures.createPlan(patient(), intern, modality(1, 50, 8.5, 0));

        assertThat(ofThisPackage(worklist("Bearer " + TestTokens.clinician(intern), intern)).get(0).get("summary"))
                .isEqualTo("Plan version 1 awaits signatures: patient, author, co-signer");
        assertThat(about(worklist("Bearer " + TestTokens.clinician(licensed), licensed), draft)).singleElement().satisfies(i -> {
            assertThat(i).containsEntry("summary", "Plan version 1 awaits signatures: co-signer");
            assertThat(i.get("action")).isEqualTo(Map.of("method", "POST", "href", "/api/v1/plans/" + draft + "/versions/1/signatures"));
        });
        // a supervised clinician does not co-sign: the intern sees only its own plan
        assertThat(ofThisPackage(worklist("Bearer " + TestTokens.clinician(intern), intern))).hasSize(1);
    }

    private static ClinicianState credentialed(UUID id, String credential) {
        return EventFixtures.clinician(id, List.of(credential));
    }

    /**
     * The items about the plans given: a licensed clinician (the fixtures' are LCSW) also sees every supervised author's plan
     * awaiting a co-signer, of other tests too.
     */
    private static List<Map<String, Object>> about(JsonPath answer, String... plans) {
        List<String> mine = List.of(plans);
        return ofThisPackage(answer).stream().filter(i -> mine.contains(i.get("resourceId"))).toList();
    }

    /** The items of the sources of this package (reviews due, plans to sign), in the answer's order; the other sources have tests of their own. */
    private static List<Map<String, Object>> ofThisPackage(JsonPath answer) {
        return answer.<Map<String, Object>>getList("items").stream().filter(i -> OWN_KINDS.contains(i.get("kind"))).toList();
    }

    @Test
    void aClinicianReadsItsOwnAdminsAnyoneOthersNone() {
        UUID clinician = fixtures.clinician();
        worklist("Bearer " + TestTokens.clinician(clinician), clinician);
        worklist(TestTokens.bearer("admin"), clinician);
        given().header("Authorization", "Bearer " + TestTokens.clinician(UUID.randomUUID())).when().get(path(clinician))
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("clinician")).when().get(path(clinician)).then().statusCode(403);
        for (String role : List.of("scheduler", "integration", "patient")) {
            given().header("Authorization", TestTokens.bearer(role)).when().get(path(clinician)).then().statusCode(403);
        }
        given().when().get(path(clinician)).then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("admin")).when().get("/api/v1/worklists/clinicians/not-a-uuid/plan-items")
                .then().statusCode(400);
        assertThat(count("select count(*) from audit_event where resource_type = 'Worklist' and resource_id = ? and outcome = 'DENIED'",
                clinician.toString())).isEqualTo(2);
    }

    @Test
    @TestTransaction
    void aReviewIsOverdueFromTheEndOfItsDayInProgramTime() throws Exception {
        UUID clinician = fixtures.clinician();
        LocalDate today = time.today();
        String plan = fixtures.createPlan(patient(), clinician, modality(1, 50, 8.5, 0));
        activate(plan).statusCode(200);
        reviewDue(plan, today);
        OffsetDateTime end = time.endOf(today);
        WorklistItem before = reviewsDue.itemsFor(clinician, end.minusNanos(1000), end.plusDays(1)).get(0);
        assertThat(before.overdue()).isFalse();
        assertThat(before.dueAt().toInstant()).isEqualTo(end.toInstant());
        assertThat(reviewsDue.itemsFor(clinician, end, end.plusDays(1)).get(0).overdue()).isTrue();
        // due the day after the horizon's last day: not yet listed
        assertThat(reviewsDue.itemsFor(clinician, end.minusDays(2), end.minusDays(1))).isEmpty();
    }

    private long count(String sql, Object parameter) {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
