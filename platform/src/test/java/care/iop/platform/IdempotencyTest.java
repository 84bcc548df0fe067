package care.iop.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import care.iop.platform.idempotency.IdempotencyPurge;
import care.iop.platform.privacy.DisclosureConsent;
import care.iop.platform.privacy.Part2Notice;
import care.iop.platform.privacy.PatientPrivacy;
import care.iop.platform.privacy.PrivacyConfig;
import care.iop.platform.privacy.Purpose;
import care.iop.platform.testapp.Gate;
import care.iop.platform.testapp.NoteEvent;
import care.iop.platform.testapp.TestPrivacyFacts;
import care.iop.testing.TestTokens;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The mechanics of Idempotency-Key: replay, 422 for another request, 409 while running, 400 for a bad key, crash safety. */
@QuarkusTest
class IdempotencyTest {
    private static final String NOTES = "/api/v1/test-idempotent/notes";
    private static final String KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";
    private static final String PROBLEMS = "https://iop.care/problems/";

    @Inject
    AgroalDataSource ds;

    @Inject
    Gate gate;

    @Inject
    IdempotencyPurge purge;

    @Inject
    TestPrivacyFacts facts;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** A clinician of its own, so that keys of different tests never meet. */
    private static RequestSpecification as(String subject) {
        return given().header("Authorization", "Bearer " + TestTokens.mint("clinician", subject, null)).contentType("application/json");
    }

    private static String subject() {
        return "idem-" + UUID.randomUUID();
    }

    private static String note(UUID patient, String text) {
        return "{\"patientId\":\"" + patient + "\",\"text\":\"" + text + "\"}";
    }

    private long notes(UUID patient) {
        return Db.count(ds, "select count(*) from note where patient_id = ?", patient);
    }

    private long audited(UUID patient, String action) {
        return Db.count(ds, "select count(*) from audit_event where patient_id = ? and action = ?", patient, action);
    }

    @Test
    void aRepeatGetsTheFirstAnswerAgainWithoutASecondRowEventOrAuditedChange() {
        String caller = subject();
        UUID patient = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        double replaysBefore = counter("iop_idempotency_replays_total");
        Response first = as(caller).header(KEY, key).body(note(patient, "first")).post(NOTES);
        first.then().statusCode(201).header(REPLAYED, nullValue());
        Response again = as(caller).header(KEY, key).body(note(patient, "first")).post(NOTES);
        again.then().statusCode(201).header(REPLAYED, "true").contentType("application/json");

        assertThat(again.header("Location")).isEqualTo(first.header("Location")).endsWith(first.jsonPath().getString("id"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag")).isEqualTo("\"0\"");
        assertThat(again.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        assertThat(again.header("X-Request-Id")).isNotEqualTo(first.header("X-Request-Id"));
        assertThat(notes(patient)).isEqualTo(1);
        assertThat(audited(patient, "CREATE")).isEqualTo(1);
        assertThat(audited(patient, "REPLAY")).isEqualTo(1);
        assertThat(counter("iop_idempotency_replays_total")).isEqualTo(replaysBefore + 1);

        String id = first.jsonPath().getString("id");
        TopicReader topic = new TopicReader(bootstrap);
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.readByKey(NoteEvent.TOPIC, id).size() == 1);
        assertThat(Db.count(ds, "select count(*) from outbox where aggregate_id = ?", id)).isZero();
        assertThat(topic.readByKey(NoteEvent.TOPIC, id)).hasSize(1);
    }

    @Test
    void theBodyIsComparedAsJsonAndTheKeyMayBeQuoted() {
        String caller = subject();
        UUID patient = UUID.randomUUID();
        String key = "k_" + UUID.randomUUID();
        as(caller).header(KEY, key).body("{\"patientId\":\"" + patient + "\",\"text\":\"same\"}").post(NOTES).then().statusCode(201);
        as(caller).header(KEY, "\"" + key + "\"").body("{ \"text\" : \"same\",\n  \"patientId\" : \"" + patient + "\" }").post(NOTES)
                .then().statusCode(201).header(REPLAYED, "true");
        assertThat(notes(patient)).isEqualTo(1);
    }

    @Test
    void theSameKeyForAnotherRequestIs422AndChangesNothing() {
        String caller = subject();
        UUID patient = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        as(caller).header(KEY, key).body(note(patient, "one")).post(NOTES).then().statusCode(201);
        as(caller).header(KEY, key).body(note(patient, "another")).post(NOTES).then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "idempotency-key-reused"))
                .body("errors[0].field", equalTo(KEY)).body("status", equalTo(422));
        // another path with the same body is another request too
        as(caller).header(KEY, key).body(note(patient, "one")).post("/api/v1/test-notes").then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        assertThat(notes(patient)).isEqualTo(1);
        assertThat(counter("iop_idempotency_refused_total")).isPositive();
    }

    @Test
    void aRepeatWhileTheFirstStillRunsIs409WithRetryAfterThenTheReplay() throws Exception {
        String caller = subject();
        UUID patient = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        gate.close();
        try {
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(
                    () -> as(caller).header(KEY, key).body(note(patient, "hold")).post(NOTES));
            awaitClaim(caller, key);
            Response meanwhile = as(caller).header(KEY, key).body(note(patient, "hold")).post(NOTES);
            meanwhile.then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "idempotency-key-in-use")).body("errors[0].field", equalTo(KEY));
            assertThat(Long.parseLong(meanwhile.header("Retry-After"))).isBetween(1L, 60L);
            gate.open();
            Response answer = first.get();
            answer.then().statusCode(201).header(REPLAYED, nullValue());
            as(caller).header(KEY, key).body(note(patient, "hold")).post(NOTES).then().statusCode(201).header(REPLAYED, "true")
                    .body("id", equalTo(answer.jsonPath().getString("id")));
        } finally {
            gate.open();
        }
        assertThat(notes(patient)).isEqualTo(1);
    }

    @Test
    void aRequestThatOutlivesItsLeaseLosesTheKeyToTheRetryAndRollsBack() throws Exception {
        String caller = subject();
        UUID patient = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        gate.close();
        try {
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(
                    () -> as(caller).header(KEY, key).body(note(patient, "hold")).post(NOTES));
            String firstClaim = awaitClaim(caller, key);
            // the first request's process is presumed dead: its lease is over
            assertThat(Db.count(ds, "update idempotency_key set lease_until = now() - interval '1 second' where subject = ? returning 1", caller))
                    .isEqualTo(1);
            CompletableFuture<Response> retry = CompletableFuture.supplyAsync(
                    () -> as(caller).header(KEY, key).body(note(patient, "hold")).post(NOTES));
            await().atMost(Duration.ofSeconds(10)).until(() -> !firstClaim.equals(claimOf(caller, key)));
            gate.open();
            first.get().then().statusCode(409).body("type", equalTo(PROBLEMS + "idempotency-key-in-use"));
            retry.get().then().statusCode(201).header(REPLAYED, nullValue());
        } finally {
            gate.open();
        }
        assertThat(notes(patient)).isEqualTo(1);
        assertThat(audited(patient, "CREATE")).isEqualTo(1);
    }

    @Test
    void invalidKeysAre400NamingTheHeaderAndChangeNothing() {
        String caller = subject();
        UUID patient = UUID.randomUUID();
        for (String bad : List.of("", "   ", "x".repeat(256), "two words", "a;b", "a,b", "\"\"")) {
            as(caller).header(KEY, bad).body(note(patient, "bad key")).post(NOTES).then().statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "validation-error"))
                    .body("errors[0].field", equalTo(KEY));
        }
        as(caller).header(KEY, "a").header(KEY, "b").body(note(patient, "bad key")).post(NOTES).then().statusCode(400)
                .body("errors[0].field", equalTo(KEY));
        as(caller).header(KEY, "x".repeat(255)).body(note(patient, "longest key")).post(NOTES).then().statusCode(201);
        assertThat(notes(patient)).isEqualTo(1);
        assertThat(Db.count(ds, "select count(*) from idempotency_key where subject = ?", caller)).isEqualTo(1);
    }

    @Test
    void aRefusedRequestKeepsNothingSoItsRetryRunsAgain() {
        String caller = subject();
        UUID patient = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        as(caller).header(KEY, key).body(note(patient, "refuse")).post(NOTES).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "rule-violation"));
        assertThat(Db.count(ds, "select count(*) from idempotency_key where subject = ?", caller)).isZero();
        as(caller).header(KEY, key).body(note(patient, "refuse")).post(NOTES).then().statusCode(422).header(REPLAYED, nullValue())
                .body("type", equalTo(PROBLEMS + "rule-violation"));
        // invalid bodies (refused before the method) keep nothing either
        as(caller).header(KEY, key).body("{\"patientId\":\"" + patient + "\"}").post(NOTES).then().statusCode(400);
        as(caller).header(KEY, key).body(note(patient, "fixed")).post(NOTES).then().statusCode(201).header(REPLAYED, nullValue());
        assertThat(notes(patient)).isEqualTo(1);
    }

    @Test
    void withoutTheHeaderNothingChanges() {
        String caller = subject();
        UUID patient = UUID.randomUUID();
        as(caller).body(note(patient, "plain")).post(NOTES).then().statusCode(201).header(REPLAYED, nullValue());
        as(caller).body(note(patient, "plain")).post(NOTES).then().statusCode(201).header(REPLAYED, nullValue());
        assertThat(notes(patient)).isEqualTo(2);
        assertThat(Db.count(ds, "select count(*) from idempotency_key where subject = ?", caller)).isZero();
    }

    @Test
    void keysBelongToTheirCallerSubjectAndClient() {
        UUID patient = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String caller = subject();
        as(caller).header(KEY, key).body(note(patient, "mine")).post(NOTES).then().statusCode(201);
        as(subject()).header(KEY, key).body(note(patient, "mine")).post(NOTES).then().statusCode(201).header(REPLAYED, nullValue());
        given().header("Authorization", "Bearer " + TestTokens.mint("clinician", caller, null, Map.of("azp", "another-app")))
                .contentType("application/json").header(KEY, key).body(note(patient, "mine")).post(NOTES)
                .then().statusCode(201).header(REPLAYED, nullValue());
        assertThat(notes(patient)).isEqualTo(3);
    }

    @Test
    void theAnswerNamesTheVersionItsCommitProduced() {
        String caller = subject();
        String id = as(caller).post("/api/v1/test-idempotent/counters").then().statusCode(200).extract().path("id");
        String key = UUID.randomUUID().toString();
        String increment = "/api/v1/test-idempotent/counters/" + id + "/increment";
        Response first = as(caller).header(KEY, key).post(increment);
        first.then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1)).body("value", equalTo(1));
        as(caller).post(increment).then().statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2));
        as(caller).header(KEY, key).post(increment).then().statusCode(200).header(REPLAYED, "true")
                .header("ETag", "\"1\"").body("version", equalTo(1)).body("value", equalTo(1));
        assertThat(Db.count(ds, "select value from test_counter where id = ?", UUID.fromString(id))).isEqualTo(2);
    }

    @Test
    void aChangeCommittedOnAnotherThreadRecordsItsAnswerInThatTransaction() {
        String caller = subject();
        UUID patient = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String path = "/api/v1/test-idempotent/handed-off";
        Response first = as(caller).header(KEY, key).body(note(patient, "handed off")).post(path);
        first.then().statusCode(201).header(REPLAYED, nullValue());
        assertThat(Db.string(ds, "select state || ' ' || status from idempotency_key where subject = ?", caller)).isEqualTo("COMPLETED 201");
        Response again = as(caller).header(KEY, key).body(note(patient, "handed off")).post(path);
        again.then().statusCode(201).header(REPLAYED, "true");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        assertThat(notes(patient)).isEqualTo(1);
        assertThat(audited(patient, "CREATE")).isEqualTo(1);
    }

    @Test
    void aReplayOfADisclosureNeedsTheConsentStill() {
        UUID patient = UUID.randomUUID();
        DisclosureConsent consent = new DisclosureConsent(UUID.randomUUID(), "ehr-idem", Set.of(Purpose.TREATMENT),
                LocalDate.now(ZoneId.of("America/New_York")).plusDays(10));
        facts.put(new PatientPrivacy(patient, true, List.of(consent)));
        String token = TestTokens.mint("integration", "client-ehr-idem", null, Map.of("azp", "ehr-idem"));
        String key = UUID.randomUUID().toString();
        String path = "/api/v1/test-idempotent/records/" + patient + "/acknowledgements";
        given().header("Authorization", "Bearer " + token).contentType("application/json").header(KEY, key).post(path).then().statusCode(200)
                .header(Part2Notice.HEADER, PrivacyConfig.NOTICE).body("part2Notice", equalTo(PrivacyConfig.NOTICE));
        given().header("Authorization", "Bearer " + token).contentType("application/json").header(KEY, key).post(path).then().statusCode(200)
                .header(REPLAYED, "true").header(Part2Notice.HEADER, PrivacyConfig.NOTICE).body("part2Notice", equalTo(PrivacyConfig.NOTICE))
                .body("text", equalTo("acknowledged"));
        assertThat(Db.string(ds, "select recipient || ' ' || consent_id from audit_event where patient_id = ? and action = 'REPLAY'", patient))
                .isEqualTo("ehr-idem " + consent.consentId());

        facts.put(new PatientPrivacy(patient, true, List.of()));   // revoked
        given().header("Authorization", "Bearer " + token).contentType("application/json").header(KEY, key).post(path).then().statusCode(404)
                .header(REPLAYED, nullValue()).contentType("application/problem+json");
        assertThat(Db.string(ds, "select reason from audit_event where patient_id = ? and outcome = 'DENIED'", patient))
                .isEqualTo("PART2_NO_CONSENT");
        assertThat(audited(patient, "UPDATE")).isEqualTo(1);
    }

    @Test
    void expiredKeysArePurgedAndAKeyIsNewAgainOnceExpired() {
        String caller = subject();
        UUID patient = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        as(caller).header(KEY, key).body(note(patient, "before")).post(NOTES).then().statusCode(201);
        assertThat(Db.count(ds, "select extract(epoch from expires_at - created_at)::bigint from idempotency_key where subject = ?", caller))
                .isEqualTo(Duration.ofHours(24).toSeconds());
        Db.count(ds, "update idempotency_key set expires_at = now() - interval '1 second' where subject = ? returning 1", caller);
        // expired, not purged yet: the key is free
        as(caller).header(KEY, key).body(note(patient, "after expiry")).post(NOTES).then().statusCode(201).header(REPLAYED, nullValue());
        Db.count(ds, "update idempotency_key set expires_at = now() - interval '1 second' where subject = ? returning 1", caller);
        assertThat(purge.purgeExpired()).isPositive();
        assertThat(Db.count(ds, "select count(*) from idempotency_key where subject = ?", caller)).isZero();
        assertThat(notes(patient)).isEqualTo(2);
    }

    @Test
    void theApiDocumentDescribesTheKeyTheReplayAndTheRefusalsOnEveryPost() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/test-idempotent/notes'.post.parameters.name", hasItem(KEY))
                .body("paths.'/api/v1/test-idempotent/notes'.post.parameters.find { it.name == 'Idempotency-Key' }.schema.maxLength",
                        equalTo(255))
                .body("paths.'/api/v1/test-idempotent/notes'.post.responses.'200'.headers.'Idempotent-Replayed'.schema.type",
                        equalTo("string"))
                .body("paths.'/api/v1/test-idempotent/notes'.post.responses.'409'.headers.'Retry-After'.schema.type", equalTo("integer"))
                .body("paths.'/api/v1/test-idempotent/notes'.post.responses.'422'.content.'application/problem+json'.examples"
                        + ".'idempotency-key-reused'.value.type", equalTo(PROBLEMS + "idempotency-key-reused"))
                .body("paths.'/api/v1/test-notes'.post.parameters.name", hasItem(KEY))
                .body("paths.'/api/v1/test-records/{patientId}'.get.parameters.name", not(hasItem(KEY)));
    }

    /** A counter's value (the platform tests export exemplars after the value, so the last field is not it). */
    private static double counter(String name) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1).split(" ")[0])).sum();
    }

    private String awaitClaim(String caller, String key) {
        await().atMost(Duration.ofSeconds(10)).until(() -> claimOf(caller, key) != null);
        return claimOf(caller, key);
    }

    private String claimOf(String caller, String key) {
        return Db.string(ds, "select claim_id::text from idempotency_key where subject = ? and idem_key = ? and state = 'RUNNING'", caller, key);
    }
}
