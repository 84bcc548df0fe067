package care.iop.session;

import static care.iop.session.Fixtures.auth;
import static care.iop.session.Fixtures.createSession;
import static care.iop.session.Fixtures.futureMorning;
import static care.iop.session.Fixtures.group;
import static care.iop.testing.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.platform.idempotency.Idempotent;
import care.iop.testing.Metrics;
import care.iop.testing.IdempotentPosts;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Idempotency-Key on session-service's POSTs. A booking is placed by the group commit of its session's line, maybe on
 * another request's thread: its answer is recorded in the transaction that places it, so a retry replays it.
 */
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

    Fixtures fx;
    ExecutorService clients;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(bootstrap, ds);
        clients = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void tearDown() {
        clients.shutdownNow();
    }

    private static Response book(String session, UUID patient, String key) {
        return given().header("Authorization", auth("scheduler")).header(KEY, key).contentType("application/json")
                .body(Fixtures.json(Map.of("patientId", patient.toString()))).post("/api/v1/sessions/" + session + "/participants");
    }

    private long bookings(String session, UUID patient) {
        return fx.count("select count(*) from booking where session_id = ? and patient_id = ?", UUID.fromString(session), patient);
    }

    @Test
    void aRetriedBookingGetsTheSameAnswerAndBooksOnce() {
        String session = createSession(group(fx.groupLeader(), futureMorning(), 60, 12));
        UUID patient = fx.eligibleGroupPatient();
        String key = UUID.randomUUID().toString();
        Response first = book(session, patient, key);
        first.then().statusCode(201).header(REPLAYED, nullValue()).body("status", equalTo("BOOKED"));
        Response retry = book(session, patient, key);
        retry.then().statusCode(201).header(REPLAYED, "true");

        assertThat(retry.header("Location")).isEqualTo(first.header("Location")).endsWith("/api/v1/sessions/" + session + "/participants/" + patient);
        assertThat(retry.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        assertThat(bookings(session, patient)).isEqualTo(1);
        assertThat(fx.count("select count(*) from audit_event where action = 'CREATE' and resource_type = 'Booking' and patient_id = ?", patient))
                .isEqualTo(1);
        TopicReader topic = new TopicReader(bootstrap);
        await().atMost(Fixtures.EVENTS).until(() -> confirmations(topic, session, patient) >= 1);
        assertThat(fx.count("select count(*) from outbox where aggregate_id = ?", session)).isZero();
        assertThat(confirmations(topic, session, patient)).isEqualTo(1);
    }

    private static long confirmations(TopicReader topic, String session, UUID patient) {
        return topic.readByKey(Topics.SESSIONS, session).stream()
                .filter(r -> EventTypes.BOOKING_CONFIRMED.equals(header(r, "ce_type")) && r.value().contains(patient.toString())).count();
    }

    @Test
    void bookingsPlacedTogetherEachRecordTheirOwnAnswerAndARepeatMeanwhileIs409() throws Exception {
        String session = createSession(group(fx.groupLeader(), futureMorning(), 60, 2));
        List<UUID> patients = IntStream.range(0, 5).mapToObj(i -> fx.eligibleGroupPatient()).toList();
        List<String> keys = patients.stream().map(p -> UUID.randomUUID().toString()).toList();
        double batches = Metrics.value("iop_booking_batch_size_count");
        List<Future<Response>> answers = new ArrayList<>();
        try (Connection lock = ds.getConnection()) {
            lock.setAutoCommit(false);
            try (PreparedStatement select = lock.prepareStatement("select id from therapy_session where id = ? for update")) {
                select.setObject(1, UUID.fromString(session));
                select.executeQuery().close();
            }
            answers.add(clients.submit(() -> book(session, patients.get(0), keys.get(0))));
            await().until(() -> fx.count("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()") == 1);
            for (int i = 1; i < patients.size(); i++) {
                int index = i;
                answers.add(clients.submit(() -> book(session, patients.get(index), keys.get(index))));
            }
            await().until(() -> Metrics.value("iop_booking_waiting") == patients.size() - 1);
            book(session, patients.get(3), keys.get(3)).then().statusCode(409)
                    .body("type", equalTo("https://iop.care/problems/idempotency-key-in-use"));
            lock.commit();
        }
        List<Response> first = new ArrayList<>();
        for (Future<Response> answer : answers) {
            first.add(answer.get());
        }
        assertThat(Metrics.value("iop_booking_batch_size_count") - batches).isEqualTo(2);
        for (int i = 0; i < patients.size(); i++) {
            first.get(i).then().statusCode(201).body("patientId", equalTo(patients.get(i).toString()));
            Response retry = book(session, patients.get(i), keys.get(i));
            retry.then().statusCode(201).header(REPLAYED, "true");
            assertThat(retry.jsonPath().getMap("")).isEqualTo(first.get(i).jsonPath().getMap(""));
            assertThat(bookings(session, patients.get(i))).isEqualTo(1);
        }
        assertThat(first.stream().filter(a -> "WAITLISTED".equals(a.path("status"))).count()).isEqualTo(3);
    }

    @Test
    void theSameKeyForAnotherPatientIs422AndBooksNothing() {
        String session = createSession(group(fx.groupLeader(), futureMorning(), 60, 12));
        UUID patient = fx.eligibleGroupPatient();
        UUID other = fx.eligibleGroupPatient();
        String key = UUID.randomUUID().toString();
        book(session, patient, key).then().statusCode(201);
        book(session, other, key).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://iop.care/problems/idempotency-key-reused"));
        assertThat(bookings(session, other)).isZero();
    }

    @Test
    void aRefusedBookingKeepsNoAnswerAndWithoutTheHeaderNothingChanges() {
        String session = createSession(group(fx.groupLeader(), futureMorning(), 60, 12));
        UUID patient = fx.eligibleGroupPatient();
        long keys = fx.count("select count(*) from idempotency_key");
        Fixtures.book(session, patient).statusCode(201).header(REPLAYED, nullValue());
        Fixtures.book(session, patient).statusCode(409);   // already on the roster, as before
        assertThat(fx.count("select count(*) from idempotency_key")).isEqualTo(keys);
        String key = UUID.randomUUID().toString();
        book(session, patient, key).then().statusCode(409).header(REPLAYED, nullValue());
        assertThat(fx.count("select count(*) from idempotency_key where idem_key = ?", key)).isZero();
    }

    @Test
    void aRetriedSessionCreationCreatesOneSession() {
        Map<String, Object> body = group(fx.groupLeader(), futureMorning(), 60, 8);
        String key = UUID.randomUUID().toString();
        Response first = given().header("Authorization", auth("scheduler")).header(KEY, key).contentType("application/json")
                .body(Fixtures.json(body)).post("/api/v1/sessions");
        first.then().statusCode(201).header("ETag", "\"0\"");
        given().header("Authorization", auth("scheduler")).header(KEY, key).contentType("application/json")
                .body(Fixtures.json(body)).post("/api/v1/sessions")
                .then().statusCode(201).header(REPLAYED, "true").header("Location", first.header("Location"))
                .body("id", equalTo(first.path("id")));
        assertThat(fx.count("select count(*) from therapy_session where location = ?", body.get("location"))).isEqualTo(1);
    }

    @Test
    void everyPostOfTheServiceHonoursTheKeyAndTheDocumentSaysSo() {
        IdempotentPosts.assertEveryPostHonoursTheKey(beans, "care.iop.session", Idempotent.class, 5);
    }
}
