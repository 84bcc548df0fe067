package care.iop.session;

import static care.iop.session.Fixtures.book;
import static care.iop.session.Fixtures.createSession;
import static care.iop.session.Fixtures.futureMorning;
import static care.iop.session.Fixtures.group;
import static care.iop.session.Fixtures.individual;
import static care.iop.session.Fixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConflictTest {
    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(bootstrap, ds);
    }

    @Test
    void clinicianIsNeverInTwoOverlappingSessions() {
        UUID clinician = fx.groupLeader();
        OffsetDateTime start = futureMorning();
        String first = createSession(group(clinician, start, 180, null));
        post("scheduler", "/api/v1/sessions", group(clinician, start.plusHours(2), 60, null)).statusCode(409)
                .contentType("application/problem+json").body("detail", containsString(first)).body("detail", containsString("Clinician"))
                .body("conflictsWith", equalTo("/api/v1/sessions/" + first));
        // back to back is fine
        createSession(group(clinician, start.plusHours(3), 60, null));
    }

    @Test
    void roomNeverHoldsTwoSessionsButTelehealthDoes() {
        OffsetDateTime start = futureMorning();
        String room = "Room " + UUID.randomUUID();
        Map<String, Object> a = group(fx.groupLeader(), start, 120, null);
        a.put("location", room);
        String first = createSession(a);
        Map<String, Object> b = group(fx.groupLeader(), start.plusMinutes(30), 120, null);
        b.put("location", "  " + room.toUpperCase() + " ");
        post("scheduler", "/api/v1/sessions", b).statusCode(409).body("detail", containsString(first)).body("detail", containsString("Room"))
                .body("conflictsWith", equalTo("/api/v1/sessions/" + first));
        Map<String, Object> tele1 = group(fx.groupLeader(), start, 60, null);
        tele1.put("location", "TELEHEALTH");
        Map<String, Object> tele2 = group(fx.groupLeader(), start, 60, null);
        tele2.put("location", "telehealth");
        createSession(tele1);
        createSession(tele2);
    }

    @Test
    void patientIsNeverBookedIntoTwoOverlappingSessions() {
        UUID patient = fx.eligibleGroupPatient();
        OffsetDateTime start = futureMorning();
        String individualSession = createSession(individual("INDIVIDUAL", fx.clinician(false), patient, start, 53));
        String groupSession = createSession(group(fx.groupLeader(), start.minusMinutes(30), 120, null));
        book(groupSession, patient).statusCode(409).body("detail", containsString(individualSession))
                .body("conflictsWith", equalTo("/api/v1/sessions/" + individualSession));
        assertThat(fx.count("select count(*) from booking where patient_id = ? and status <> 'CANCELLED'", patient)).isEqualTo(1);
        // an individual session overlapping the patient's individual session is refused too
        post("scheduler", "/api/v1/sessions", individual("INDIVIDUAL", fx.clinician(false), patient, start.plusMinutes(10), 30)).statusCode(409)
                .body("detail", containsString(individualSession));
        assertThat(fx.count("select count(*) from therapy_session where patient_id = ?", patient)).isEqualTo(1);
    }

    @Test
    void cancelledSessionFreesItsSlot() {
        UUID clinician = fx.groupLeader();
        OffsetDateTime start = futureMorning();
        String first = createSession(group(clinician, start, 60, null));
        post("scheduler", "/api/v1/sessions/" + first + "/cancel", Map.of("reason", "moved")).statusCode(200);
        createSession(group(clinician, start, 60, null));
    }

    @Test
    void concurrentOverlappingRequestsYieldExactlyOneSession() throws Exception {
        UUID clinician = fx.groupLeader();
        OffsetDateTime start = futureMorning();
        int attempts = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                Map<String, Object> body = group(clinician, start.plusMinutes(i), 60, null);
                Callable<Integer> call = () -> {
                    go.await();
                    return post("scheduler", "/api/v1/sessions", body).extract().statusCode();
                };
                results.add(pool.submit(call));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(attempts - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(fx.count("select count(*) from therapy_session where clinician_id = ?", clinician)).isEqualTo(1);
    }

    @Test
    void concurrentBookingsOfOnePatientIntoOverlappingGroupsYieldOneBooking() throws Exception {
        UUID patient = fx.eligibleGroupPatient();
        OffsetDateTime start = futureMorning();
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sessions.add(createSession(group(fx.groupLeader(), start.plusMinutes(5L * i), 90, null)));
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String session : sessions) {
                results.add(pool.submit(() -> {
                    go.await();
                    return book(session, patient).extract().statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(sessions.size() - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(fx.count("select count(*) from booking where patient_id = ? and status <> 'CANCELLED'", patient)).isEqualTo(1);
    }

    @Test
    void sameSessionTwiceIsAConflict() {
        UUID patient = fx.eligibleGroupPatient();
        String session = createSession(group(fx.groupLeader(), futureMorning(), 60, null));
        book(session, patient).statusCode(201);
        book(session, patient).statusCode(409).body("status", equalTo(409));
    }
}
