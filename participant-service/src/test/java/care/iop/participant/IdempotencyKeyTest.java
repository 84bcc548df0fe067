package care.iop.participant;

import static care.iop.participant.Api.PATIENTS;
import static care.iop.participant.Api.as;
import static care.iop.participant.Api.patientBody;
import static care.iop.participant.Api.uniqueFamilyName;
import static care.iop.participant.Api.uniqueMrn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.platform.idempotency.Idempotent;
import care.iop.testing.IdempotentPosts;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Idempotency-Key on participant-service's POSTs: a retried registration or discharge changes nothing twice. */
@QuarkusTest
class IdempotencyKeyTest {
    private static final String KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";

    @Inject
    AgroalDataSource ds;

    @Inject
    BeanManager beans;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private long patientsWithMrn(String mrn) {
        return Db.count(ds, "select count(*) from patient_identifier where value = ?", mrn);
    }

    private List<String> eventTypes(String patientId, int atLeast) {
        TopicReader topic = new TopicReader(bootstrap);
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.readByKey(Topics.PARTICIPANTS, patientId).size() >= atLeast);
        assertThat(Db.count(ds, "select count(*) from outbox where aggregate_id = ?", patientId)).isZero();
        return topic.readByKey(Topics.PARTICIPANTS, patientId).stream().map(r -> TopicReader.header(r, "ce_type")).toList();
    }

    @Test
    void aRetriedRegistrationGetsTheSameAnswerAndRegistersOnce() {
        String mrn = uniqueMrn();
        String body = patientBody(mrn, uniqueFamilyName(), "2026-01-05");
        String key = UUID.randomUUID().toString();
        Response first = as("integration").header(KEY, key).body(body).post(PATIENTS);
        first.then().statusCode(201).header(REPLAYED, nullValue());
        Response retry = as("integration").header(KEY, key).body(body).post(PATIENTS);
        retry.then().statusCode(201).header(REPLAYED, "true").contentType("application/json");

        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag")).isEqualTo("\"0\"");
        assertThat(retry.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        String id = first.path("id");
        // the retrying client keeps its read-your-writes token
        assertThat(first.header("Consistency-Token")).isEqualTo("patient:" + id + "@0");
        assertThat(retry.header("Consistency-Token")).isEqualTo(first.header("Consistency-Token"));
        assertThat(patientsWithMrn(mrn)).isEqualTo(1);
        assertThat(Db.count(ds, "select count(*) from audit_event where patient_id = ? and action = 'CREATE'", UUID.fromString(id))).isEqualTo(1);
        assertThat(Db.count(ds, "select count(*) from audit_event where patient_id = ? and action = 'REPLAY'", UUID.fromString(id))).isEqualTo(1);
        assertThat(eventTypes(id, 1)).containsExactly(EventTypes.PATIENT_REGISTERED);
    }

    @Test
    void theSameKeyWithAnotherPatientIs422AndRegistersNothing() {
        String key = UUID.randomUUID().toString();
        as("scheduler").header(KEY, key).body(patientBody(uniqueMrn(), uniqueFamilyName(), null)).post(PATIENTS).then().statusCode(201);
        String other = uniqueMrn();
        as("scheduler").header(KEY, key).body(patientBody(other, uniqueFamilyName(), null)).post(PATIENTS).then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("https://iop.care/problems/idempotency-key-reused"))
                .body("errors[0].field", equalTo(KEY));
        assertThat(patientsWithMrn(other)).isZero();
    }

    @Test
    void aRetryWhileTheRegistrationStillRunsIs409ThenGetsItsAnswer() throws Exception {
        String mrn = uniqueMrn();
        String body = patientBody(mrn, uniqueFamilyName(), null);
        String key = UUID.randomUUID().toString();
        CompletableFuture<Response> first;
        try (Connection lock = ds.getConnection(); Statement statement = lock.createStatement()) {
            lock.setAutoCommit(false);
            statement.execute("lock table patient in exclusive mode");   // the registration waits for it inside its transaction
            first = CompletableFuture.supplyAsync(() -> as("scheduler").header(KEY, key).body(body).post(PATIENTS));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Db.count(ds, "select count(*) from idempotency_key where idem_key = ? and state = 'RUNNING'", key) == 1);
            Response meanwhile = as("scheduler").header(KEY, key).body(body).post(PATIENTS);
            meanwhile.then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("https://iop.care/problems/idempotency-key-in-use"));
            assertThat(Long.parseLong(meanwhile.header("Retry-After"))).isPositive();
            lock.rollback();
        }
        Response answer = first.get();
        answer.then().statusCode(201).header(REPLAYED, nullValue());
        as("scheduler").header(KEY, key).body(body).post(PATIENTS).then().statusCode(201).header(REPLAYED, "true")
                .body("id", equalTo(answer.path("id")));
        assertThat(patientsWithMrn(mrn)).isEqualTo(1);
    }

    @Test
    void withoutTheHeaderTwoRequestsRegisterTwoPatientsAndStoreNoKey() {
        long keys = Db.count(ds, "select count(*) from idempotency_key");
        String body = patientBody(uniqueMrn(), uniqueFamilyName(), null);
        as("scheduler").body(body).post(PATIENTS).then().statusCode(201).header(REPLAYED, nullValue());
        as("scheduler").body(body).post(PATIENTS).then().statusCode(409);   // the same MRN: the second is a duplicate, as before
        assertThat(Db.count(ds, "select count(*) from idempotency_key")).isEqualTo(keys);
    }

    @Test
    void aRetriedDischargeAnswersTheVersionItsCommitMadeAndDischargesOnce() {
        String id = as("scheduler").body(patientBody(uniqueMrn(), uniqueFamilyName(), "2026-01-05")).post(PATIENTS)
                .then().statusCode(201).extract().path("id");
        String key = UUID.randomUUID().toString();
        String discharge = PATIENTS + "/" + id + "/discharge";
        String body = "{\"reason\":\"Completed program\",\"date\":\"2026-02-20\"}";
        Response first = as("clinician").header(KEY, key).body(body).post(discharge);
        first.then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1)).body("status", equalTo("DISCHARGED"));
        as("clinician").header(KEY, key).body(body).post(discharge).then().statusCode(200).header(REPLAYED, "true")
                .header("ETag", "\"1\"").body("version", equalTo(1));
        as("clinician").body(body).post(discharge).then().statusCode(409);   // without the key: already discharged
        assertThat(eventTypes(id, 2)).containsExactly(EventTypes.PATIENT_REGISTERED, EventTypes.PATIENT_DISCHARGED);
    }

    @Test
    void everyPostOfTheServiceHonoursTheKeyAndTheDocumentSaysSo() {
        IdempotentPosts.assertEveryPostHonoursTheKey(beans, "care.iop.participant", Idempotent.class, 5);
    }
}
