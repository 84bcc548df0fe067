package care.iop.session;

import static care.iop.session.Fixtures.auth;
import static care.iop.session.Fixtures.createSession;
import static care.iop.session.Fixtures.futureMorning;
import static care.iop.session.Fixtures.group;
import static care.iop.testing.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.testing.Metrics;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Concurrent bookings of one group are placed together: while the session row is locked (here by the
 * test), the requests that arrive wait in the session's line and the next transaction places them all,
 * each with its own audit entry and event.
 */
@QuarkusTest
class BookingGroupCommitTest {
    private static final int QUEUED = 19;

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Fixtures fx;
    ExecutorService clients;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(bootstrap, ds);
        clients = Executors.newFixedThreadPool(QUEUED + 1);
    }

    @AfterEach
    void tearDown() {
        clients.shutdownNow();
    }

    @Test
    void bookingsQueuedBehindTheLockArePlacedInOneTransactionEachAuditedAndPublishedForItsOwnRequest() throws Exception {
        String session = createSession(group(fx.groupLeader(), futureMorning(), 60, 12));
        List<UUID> patients = IntStream.rangeClosed(0, QUEUED).mapToObj(i -> fx.eligibleGroupPatient()).toList();
        double batches = Metrics.value("iop_booking_batch_size_count");
        double placed = Metrics.value("iop_booking_batch_size_sum");

        List<Response> answers = bookWhileLocked(session, patients);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(201));
        assertThat(answers.stream().filter(a -> "BOOKED".equals(a.path("status"))).count()).isEqualTo(12);
        assertThat(answers.stream().<Integer>map(a -> a.path("waitlistPosition")).filter(p -> p != null).sorted().toList())
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        // the first request's batch (alone, it was waiting for the lock), then everyone queued behind it in one transaction
        assertThat(Metrics.value("iop_booking_batch_size_count") - batches).isEqualTo(2);
        assertThat(Metrics.value("iop_booking_batch_size_sum") - placed).isEqualTo(QUEUED + 1);
        assertThat(Metrics.value("iop_booking_batch_size_max")).isEqualTo(QUEUED);
        // each request is audited under its own request id, and its event names that request
        List<ConsumerRecord<String, String>> events = awaitEvents(session, QUEUED + 1);
        for (int i = 0; i <= QUEUED; i++) {
            UUID patient = patients.get(i);
            int index = i;
            assertThat(fx.count("select count(*) from audit_event where action = 'CREATE' and resource_type = 'Booking' and resource_id = ?"
                    + " and patient_id = ? and request_id = ? and subject is not null", session, patient, requestId(i))).isEqualTo(1);
            assertThat(events).filteredOn(r -> r.value().contains(patient.toString()))
                    .singleElement().satisfies(r -> assertThat(header(r, "ce_requestid")).isEqualTo(requestId(index)));
        }
    }

    @Test
    void aBookingTheDatabaseRefusesInsideABatchIsRefusedAloneAndTheOthersArePlaced() throws Exception {
        OffsetDateTime start = futureMorning();
        String session = createSession(group(fx.groupLeader(), start, 60, 12));
        String elsewhere = createSession(group(fx.groupLeader(), start.plusMinutes(30), 60, 12));
        List<UUID> patients = IntStream.rangeClosed(0, QUEUED).mapToObj(i -> fx.eligibleGroupPatient()).toList();
        UUID doubleBooked = patients.get(7);
        Fixtures.book(elsewhere, doubleBooked).statusCode(201);
        double batches = Metrics.value("iop_booking_batch_size_count");

        List<Response> answers = bookWhileLocked(session, patients);

        Response refused = answers.get(7);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.<String>path("conflictsWith")).isEqualTo("/api/v1/sessions/" + elsewhere);
        answers.stream().filter(a -> a != refused).forEach(a -> assertThat(a.statusCode()).isEqualTo(201));
        assertThat(answers.stream().<Integer>map(a -> a.path("waitlistPosition")).filter(p -> p != null).sorted().toList())
                .containsExactly(1, 2, 3, 4, 5, 6, 7);
        // the refused batch was placed again one booking at a time: the first batch, then 18 of one each
        assertThat(Metrics.value("iop_booking_batch_size_count") - batches).isEqualTo(1 + QUEUED - 1);
        UUID sessionId = UUID.fromString(session);
        assertThat(fx.count("select count(*) from booking where session_id = ?", sessionId)).isEqualTo(QUEUED);
        assertThat(fx.count("select count(*) from booking where session_id = ? and patient_id = ?", sessionId, doubleBooked)).isZero();
        assertThat(fx.count("select count(*) from audit_event where action = 'CREATE' and resource_id = ? and patient_id = ?",
                session, doubleBooked)).isZero();
        assertThat(fx.count("select count(*) from audit_event where action = 'CREATE' and resource_type = 'Booking' and resource_id = ?",
                session)).isEqualTo(QUEUED);
        assertThat(awaitEvents(session, QUEUED)).noneSatisfy(r -> assertThat(r.value()).contains(doubleBooked.toString()));
    }

    @Test
    void eachPatientOfABatchIsJudgedOnItsOwnFactsAndAnIneligibleOneIsRefusedAlone() throws Exception {
        String session = createSession(group(fx.groupLeader(), futureMorning(), 60, 12));
        List<UUID> patients = new ArrayList<>(IntStream.rangeClosed(0, QUEUED).mapToObj(i -> fx.eligibleGroupPatient()).toList());
        UUID withoutConsent = fx.patient(UUID.randomUUID(), EventTypes.PATIENT_REGISTERED, "ACTIVE", List.of());
        fx.plan(UUID.randomUUID(), withoutConsent, EventTypes.PLAN_CREATED, "active", Fixtures.MIXED);
        UUID unknown = UUID.randomUUID();
        patients.set(5, withoutConsent);
        patients.set(12, unknown);
        double batches = Metrics.value("iop_booking_batch_size_count");

        List<Response> answers = bookWhileLocked(session, patients);

        for (int i : List.of(5, 12)) {
            assertThat(answers.get(i).<String>path("errors[0].field")).isEqualTo("patientId");
        }
        assertThat(answers.get(5).statusCode()).isEqualTo(422);
        assertThat(answers.get(5).<String>path("detail")).contains("GROUP_PARTICIPATION");
        // the unknown patient waited for its participant event alone, in vain: read model behind, not a broken rule
        assertThat(answers.get(12).statusCode()).isEqualTo(503);
        assertThat(answers.get(12).<String>path("type")).endsWith("/read-model-behind");
        assertThat(answers.stream().filter(a -> a.statusCode() == 201).count()).isEqualTo(QUEUED - 1);
        // refusals decided by the rules do not cost the others their transaction
        assertThat(Metrics.value("iop_booking_batch_size_count") - batches).isEqualTo(2);
        UUID sessionId = UUID.fromString(session);
        assertThat(fx.count("select count(*) from booking where session_id = ? and patient_id in (?, ?)", sessionId, withoutConsent, unknown)).isZero();
        assertThat(fx.count("select count(*) from audit_event where action = 'CREATE' and resource_type = 'Booking' and resource_id = ?",
                session)).isEqualTo(QUEUED - 1);
    }

    /**
     * Holds the session's row lock, sends the first booking and waits until it waits for the lock, sends
     * the others and waits until they all wait in line behind it, then releases the lock. Answers in
     * patient order.
     */
    private List<Response> bookWhileLocked(String session, List<UUID> patients) throws Exception {
        List<Future<Response>> answers = new ArrayList<>();
        try (Connection lock = ds.getConnection()) {
            lock.setAutoCommit(false);
            try (PreparedStatement select = lock.prepareStatement("select id from therapy_session where id = ? for update")) {
                select.setObject(1, UUID.fromString(session));
                select.executeQuery().close();
            }
            answers.add(book(session, patients.get(0), 0));
            await().until(() -> fx.count("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()") == 1);
            for (int i = 1; i < patients.size(); i++) {
                answers.add(book(session, patients.get(i), i));
            }
            await().until(() -> Metrics.value("iop_booking_waiting") == patients.size() - 1);
            lock.commit();
        }
        List<Response> responses = new ArrayList<>();
        for (Future<Response> answer : answers) {
            responses.add(answer.get());
        }
        return responses;
    }

    private Future<Response> book(String session, UUID patient, int i) {
        return clients.submit(() -> given().header("Authorization", auth("scheduler")).header("X-Request-Id", requestId(i))
                .contentType("application/json").body(Fixtures.json(Map.of("patientId", patient.toString())))
                .when().post("/api/v1/sessions/" + session + "/participants").andReturn());
    }

    private static String requestId(int i) {
        return "group-commit-" + i;
    }

    private List<ConsumerRecord<String, String>> awaitEvents(String session, int count) {
        List<List<ConsumerRecord<String, String>>> read = new ArrayList<>();
        await().atMost(Fixtures.EVENTS).until(() -> {
            read.add(0, new TopicReader(bootstrap).readByKey(Topics.SESSIONS, session).stream()
                    .filter(r -> header(r, "ce_type").startsWith(EventTypes.BOOKING_CONFIRMED.replace("confirmed.v1", ""))).toList());
            return read.get(0).size() >= count;
        });
        return read.get(0);
    }
}
