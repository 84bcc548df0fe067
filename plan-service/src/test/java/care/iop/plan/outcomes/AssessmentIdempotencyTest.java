package care.iop.plan.outcomes;

import static care.iop.plan.outcomes.OutcomeFixtures.CLINICIAN;
import static care.iop.plan.outcomes.OutcomeFixtures.body;
import static care.iop.testing.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.plan.support.ReadModelProbe;
import care.iop.platform.idempotency.Idempotent;
import care.iop.testing.TestTokens;
import care.iop.testing.IdempotentPosts;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Idempotency-Key on plan-service's POSTs: a timed-out assessment retried with its key records one score and raises
 * one safety flag (issue 19), a retried acknowledgement answers the version its commit made.
 */
@QuarkusTest
class AssessmentIdempotencyTest {
    private static final OffsetDateTime TAKEN = OffsetDateTime.parse("2026-03-02T10:00:00-05:00");
    private static final List<Integer> SUICIDAL_ITEM = List.of(1, 2, 0, 1, 1, 0, 2, 1, 1);
    private static final String ASSESSMENTS = "/api/v1/assessments";
    private static final String KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";

    @Inject
    AgroalDataSource ds;

    @Inject
    BeanManager beans;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    UUID patient;

    @BeforeEach
    void patient() {
        patient = OutcomeFixtures.knownPatient(bootstrap, ds);
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", token).contentType("application/json");
    }

    private long rows(String table) {
        return ReadModelProbe.count(ds, "select count(*) from " + table + " where patient_id = ?", patient);
    }

    private List<String> planEvents(int atLeast) {
        TopicReader topic = new TopicReader(bootstrap);
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.readByKey(Topics.PLANS, patient).size() >= atLeast);
        assertThat(ReadModelProbe.count(ds, "select count(*) from outbox where aggregate_id = ?", patient.toString())).isZero();
        return topic.readByKey(Topics.PLANS, patient).stream().map(r -> header(r, "ce_type")).toList();
    }

    @Test
    void aRetriedAssessmentRecordsOneScoreAndRaisesOneFlag() {
        String body = body(patient, "PHQ9", SUICIDAL_ITEM, TAKEN);
        String key = UUID.randomUUID().toString();
        Response first = as(CLINICIAN).header(KEY, key).body(body).post(ASSESSMENTS);
        first.then().statusCode(201).header(REPLAYED, nullValue()).body("safetyFlag", equalTo(true));
        long created = ReadModelProbe.count(ds, "select count(*) from audit_event where patient_id = ? and action = 'CREATE'", patient);
        Response retry = as(CLINICIAN).header(KEY, key).body(body).post(ASSESSMENTS);
        retry.then().statusCode(201).header(REPLAYED, "true");

        assertThat(retry.header("Location")).isEqualTo(first.header("Location")).endsWith((String) first.path("id"));
        assertThat(retry.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        assertThat(rows("assessment")).isEqualTo(1);
        assertThat(rows("safety_flag")).isEqualTo(1);
        assertThat(ReadModelProbe.count(ds, "select count(*) from audit_event where patient_id = ? and action = 'CREATE'", patient))
                .isEqualTo(created).isPositive();
        assertThat(ReadModelProbe.count(ds, "select count(*) from audit_event where patient_id = ? and action = 'REPLAY'", patient))
                .isEqualTo(created);
        assertThat(planEvents(1)).containsExactly(EventTypes.SAFETY_FLAG_RAISED);
    }

    @Test
    void theSameKeyWithOtherAnswersIs422AndRecordsNothing() {
        String key = UUID.randomUUID().toString();
        as(CLINICIAN).header(KEY, key).body(body(patient, "PHQ9", SUICIDAL_ITEM, TAKEN)).post(ASSESSMENTS).then().statusCode(201);
        as(CLINICIAN).header(KEY, key).body(body(patient, "PHQ9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0), TAKEN)).post(ASSESSMENTS)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://iop.care/problems/idempotency-key-reused"));
        assertThat(rows("assessment")).isEqualTo(1);
    }

    @Test
    void aRetryWhileTheFirstStillRunsIs409AndThenGetsTheFirstAnswer() throws Exception {
        String body = body(patient, "PHQ9", SUICIDAL_ITEM, TAKEN);
        String key = UUID.randomUUID().toString();
        CompletableFuture<Response> first;
        try (Connection lock = ds.getConnection(); Statement statement = lock.createStatement()) {
            lock.setAutoCommit(false);
            statement.execute("lock table assessment in exclusive mode");
            first = CompletableFuture.supplyAsync(() -> as(CLINICIAN).header(KEY, key).body(body).post(ASSESSMENTS));
            await().atMost(Duration.ofSeconds(10)).until(() -> ReadModelProbe.count(ds,
                    "select count(*) from idempotency_key where idem_key = ? and state = 'RUNNING'", key) == 1);
            Response meanwhile = as(CLINICIAN).header(KEY, key).body(body).post(ASSESSMENTS);
            meanwhile.then().statusCode(409).body("type", equalTo("https://iop.care/problems/idempotency-key-in-use"));
            assertThat(meanwhile.header("Retry-After")).isNotBlank();
            lock.rollback();
        }
        Response answer = first.get();
        answer.then().statusCode(201);
        as(CLINICIAN).header(KEY, key).body(body).post(ASSESSMENTS).then().statusCode(201).header(REPLAYED, "true")
                .body("id", equalTo(answer.path("id")));
        assertThat(rows("assessment")).isEqualTo(1);
        assertThat(rows("safety_flag")).isEqualTo(1);
    }

    @Test
    void withoutTheHeaderEveryRequestRecordsAsBefore() {
        String body = body(patient, "PHQ9", SUICIDAL_ITEM, TAKEN);
        as(CLINICIAN).body(body).post(ASSESSMENTS).then().statusCode(201).header(REPLAYED, nullValue());
        as(CLINICIAN).body(body).post(ASSESSMENTS).then().statusCode(201).header(REPLAYED, nullValue());
        assertThat(rows("assessment")).isEqualTo(2);
        assertThat(rows("safety_flag")).isEqualTo(2);
    }

    @Test
    void aPatientsKeyIsItsOwn() {
        String body = body(patient, "PHQ9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0), TAKEN);
        String key = UUID.randomUUID().toString();
        as("Bearer " + TestTokens.patient(patient)).header(KEY, key).body(body).post(ASSESSMENTS).then().statusCode(201)
                .body("source", equalTo("SELF_REPORT"));
        as(CLINICIAN).header(KEY, key).body(body).post(ASSESSMENTS).then().statusCode(201).header(REPLAYED, nullValue())
                .body("source", equalTo("CLINICIAN"));
        as("Bearer " + TestTokens.patient(patient)).header(KEY, key).body(body).post(ASSESSMENTS).then().statusCode(201)
                .header(REPLAYED, "true").body("source", equalTo("SELF_REPORT"));
        assertThat(rows("assessment")).isEqualTo(2);
    }

    @Test
    void aRetriedAcknowledgementAnswersTheNewVersionOnceAndPublishesOnce() {
        String flag = as(CLINICIAN).body(body(patient, "PHQ9", SUICIDAL_ITEM, TAKEN)).post(ASSESSMENTS).then().statusCode(201)
                .extract().path("safetyFlagId");
        String url = ASSESSMENTS + "/safety-flags/" + flag + "/acknowledge";
        String reason = "{\"reason\":\"Admitted to inpatient care the same day; screened there.\"}";
        String admin = TestTokens.bearer("admin");   // acknowledging without a screen is an admin's exception (issue 21)
        String key = UUID.randomUUID().toString();
        Response first = as(admin).header(KEY, key).body(reason).post(url);
        first.then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        String etag = first.header("ETag");
        assertThat(etag).isEqualTo(given().header("Authorization", CLINICIAN).get(ASSESSMENTS + "/safety-flags/" + flag).header("ETag"));
        as(admin).header(KEY, key).body(reason).post(url).then().statusCode(200).header(REPLAYED, "true").header("ETag", etag)
                .body("acknowledgedAt", equalTo(first.path("acknowledgedAt")));
        as(admin).body(reason).post(url).then().statusCode(409);   // without the key: already acknowledged
        assertThat(planEvents(2)).containsExactly(EventTypes.SAFETY_FLAG_RAISED, EventTypes.SAFETY_FLAG_ACKNOWLEDGED);
    }

    @Test
    void everyPostOfTheServiceHonoursTheKeyAndTheDocumentSaysSo() {
        IdempotentPosts.assertEveryPostHonoursTheKey(beans, "care.iop.plan", Idempotent.class, 6);
    }
}
