package care.iop.plan.risk;

import static care.iop.testing.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

import care.iop.devstack.LocalKeys;
import care.iop.devstack.Tokens;
import care.iop.events.Topics;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.plan.support.ReadModelProbe;
import care.iop.platform.time.ProgramTime;
import care.iop.testing.IopTestInfrastructure;
import care.iop.testing.TestTokens;
import care.iop.testing.TopicReader;
import io.restassured.response.ValidatableResponse;

/** Test data of the suicide-risk pathway: known patients, raised flags, screens, safety plans, the on-call token, events. */
final class RiskFixtures {
    static final String CLINICIAN = TestTokens.bearer("clinician");
    static final String ADMIN = TestTokens.bearer("admin");
    static final String SCREENS = "/api/v1/risk-screens";
    static final String PLANS = "/api/v1/safety-plans";
    static final String FLAGS = "/api/v1/assessments/safety-flags";
    static final List<Boolean> LOW = List.of(true, true, false, false, false, false);
    static final List<Boolean> BEHAVIOUR = List.of(true, false, false, false, false, true);
    static final List<Boolean> INTENT = List.of(true, true, false, true, false, false);

    private RiskFixtures() {
    }

    /** A patient the plan service knows (through a real participant event). */
    static UUID knownPatient(String bootstrap, DataSource ds) {
        return new PlanFixtures(bootstrap, ds).register(EventFixtures.patient(UUID.randomUUID()).build()).patientId();
    }

    /** Records a PHQ-9 with item 9 at 1 as a clinician; returns the flag it raised. */
    static String raiseFlag(UUID patient) {
        String body = "{\"patientId\":\"" + patient + "\",\"instrument\":\"PHQ9\",\"answers\":[0,0,0,0,0,0,0,0,1],\"takenAt\":\""
                + OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5) + "\"}";
        return given().header("Authorization", CLINICIAN).contentType("application/json").body(body).when().post("/api/v1/assessments")
                .then().statusCode(201).extract().path("safetyFlagId");
    }

    static String screenBody(UUID patient, String flagId, List<Boolean> answers, Boolean withinPastThreeMonths) {
        return "{\"patientId\":\"" + patient + "\"" + (flagId == null ? "" : ",\"flagId\":\"" + flagId + "\"")
                + ",\"takenAt\":\"" + OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1) + "\",\"answers\":" + answers
                + (withinPastThreeMonths == null ? "" : ",\"withinPastThreeMonths\":" + withinPastThreeMonths) + "}";
    }

    static ValidatableResponse postScreen(String token, String body) {
        return given().header("Authorization", token).contentType("application/json").body(body).when().post(SCREENS).then();
    }

    /** Records a screen as a clinician; returns its id. */
    static String screen(UUID patient, String flagId, List<Boolean> answers, Boolean withinPastThreeMonths) {
        return postScreen(CLINICIAN, screenBody(patient, flagId, answers, withinPastThreeMonths)).statusCode(201).extract().path("id");
    }

    /** A plan body; {@code crisisLines} is the JSON array of professionals and crisis lines. */
    static String planBody(UUID patient, String screenId, String crisisLines) {
        return "{\"patientId\":\"" + patient + "\"" + (screenId == null ? "" : ",\"screenId\":\"" + screenId + "\"")
                + ",\"warningSigns\":[\"Not sleeping\"],\"internalCopingStrategies\":[\"Going for a run\"],"
                + "\"peopleAndPlacesForDistraction\":[\"Coffee shop on Main Street\"],"
                + "\"peopleToAskForHelp\":[{\"name\":\"Ana (sister)\",\"phone\":\"555-0100\",\"crisisLine\":false}],"
                + "\"professionalsAndCrisisLines\":" + crisisLines + ",\"makingTheEnvironmentSafe\":[\"Medications kept by Ana\"],"
                + "\"reasonsForLiving\":[\"My daughter\"]}";
    }

    static ValidatableResponse postPlan(String token, String body) {
        return given().header("Authorization", token).contentType("application/json").body(body).when().post(PLANS).then();
    }

    /** Records a safety plan (without a crisis line of its own) as a clinician; returns its id. */
    static String safetyPlan(UUID patient, String screenId) {
        return postPlan(CLINICIAN, planBody(patient, screenId, "[{\"name\":\"Dr. Lee\",\"phone\":\"555-0199\",\"crisisLine\":false}]"))
                .statusCode(201).extract().path("id");
    }

    static ValidatableResponse resolve(String token, String flagId, String body) {
        return given().header("Authorization", token).contentType("application/json").body(body)
                .when().post(FLAGS + "/" + flagId + "/resolution").then();
    }

    static ValidatableResponse acknowledge(String token, String flagId) {
        return given().header("Authorization", token).contentType("application/json")
                .body("{\"reason\":\"Admitted to inpatient care the same day; screened there.\"}")
                .when().post(FLAGS + "/" + flagId + "/acknowledge").then();
    }

    static String resolution(String screenId, String safetyPlanId) {
        return "{\"screenId\":\"" + screenId + "\"" + (safetyPlanId == null ? "" : ",\"safetyPlanId\":\"" + safetyPlanId + "\"") + "}";
    }

    /** A clinician who is also on call: groups clinician and on-call (TestTokens mints one group only). */
    static String onCallClinician() {
        return onCallClinician(null);
    }

    /** A clinician on call; with {@code clinicianId}, its own token (claim clinician_id), as the worklist needs. */
    static String onCallClinician(UUID clinicianId) {
        JwtClaims claims = new JwtClaims();
        if (clinicianId != null) {
            claims.setClaim("clinician_id", clinicianId.toString());
        }
        claims.setIssuer(Tokens.DEFAULT_ISSUER);
        claims.setAudience(Tokens.DEFAULT_AUDIENCE);
        claims.setSubject("test-on-call");
        claims.setClaim("upn", "test-on-call");
        claims.setStringListClaim("groups", "clinician", "on-call");
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(LocalKeys.ensure(IopTestInfrastructure.KEYS_DIR).privateKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return "Bearer " + jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The patient's events of {@code type} on iop.plans, once at least {@code atLeast} arrived. */
    static List<ConsumerRecord<String, String>> awaitEvents(String bootstrap, UUID patient, String type, int atLeast) {
        TopicReader reader = new TopicReader(bootstrap);
        return await().atMost(ReadModelProbe.EVENT_TIMEOUT).until(() -> reader.readByKey(Topics.PLANS, patient).stream()
                .filter(r -> type.equals(header(r, "ce_type"))).toList(), events -> events.size() >= atLeast);
    }

    static ConsumerRecord<String, String> awaitEvent(String bootstrap, UUID patient, String type) {
        return awaitEvents(bootstrap, patient, type, 1).get(0);
    }

    /**
     * Moves a flag to {@code raised} (as if raised then), due as the service computes it ({@link ProgramTime}): the way tests
     * put a flag on a day of their choosing, in the past.
     */
    static void placeFlag(DataSource ds, ProgramTime time, String flagId, OffsetDateTime raised) {
        try (var connection = ds.getConnection(); var update = connection.prepareStatement(
                "update safety_flag set raised_at = ?, due_at = ? where id = ?")) {
            update.setObject(1, raised);
            update.setObject(2, time.endOf(time.dayOf(raised)));
            update.setObject(3, UUID.fromString(flagId));
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("No safety flag " + flagId);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long audited(DataSource ds, String resourceType, String resourceId, String action) {
        return ReadModelProbe.count(ds, "select count(*) from audit_event where resource_type = ? and resource_id = ? and action = ?",
                resourceType, resourceId, action);
    }
}
