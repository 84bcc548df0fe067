package care.iop.session;

import static care.iop.session.Fixtures.auth;
import static care.iop.session.Fixtures.createSession;
import static care.iop.session.Fixtures.futureMorning;
import static care.iop.session.Fixtures.group;
import static care.iop.session.Fixtures.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.events.ClinicianState;
import care.iop.events.EventTypes;
import care.iop.events.PatientState;
import care.iop.events.Topics;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Read-your-writes in session-service: a request naming a clinician or patient whose participant event has not arrived
 * yet waits for it (woken by the consumer, or by another replica's consumer through PostgreSQL NOTIFY) instead of
 * answering 422; a request with a Consistency-Token waits for the versions it names; when the wait runs out the answer is
 * 503 read-model-behind with Retry-After and nothing is written. Every fact arrives as a real event.
 */
@QuarkusTest
class ReadYourWritesTest {
    private static final String BEHIND = "https://iop.care/problems/read-model-behind";
    private static final String TOKEN = "Consistency-Token";

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "iop.read-your-writes.max-wait", defaultValue = "2s")
    Duration maxWait;

    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(bootstrap, ds);
    }

    @Test
    void aClinicianWhoseEventArrivesDuringTheWaitLeadsTheGroup() throws Exception {
        UUID clinician = UUID.randomUUID();
        double caughtUp = waits("caught-up");
        long start = System.nanoTime();
        CompletableFuture<Response> answer = postAsync("/api/v1/sessions", group(clinician, futureMorning(), 60, null), null);
        awaitWaiting();

        fx.send(Topics.PARTICIPANTS, clinician.toString(), EventTypes.CLINICIAN_REGISTERED,
                new ClinicianState(clinician, "1234567893", "Dr Late", true, true, 0));

        Response created = answer.get(30, TimeUnit.SECONDS);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(maxWait);
        assertThat(waits("caught-up")).isEqualTo(caughtUp + 1);
    }

    @Test
    void aPatientWhoseEventArrivesDuringTheWaitIsBooked() throws Exception {
        String session = createSession(group(fx.groupLeader(), futureMorning(), 60, null));
        UUID patient = UUID.randomUUID();
        fx.plan(UUID.randomUUID(), patient, EventTypes.PLAN_CREATED, "active", Fixtures.MIXED);
        CompletableFuture<Response> answer = postAsync("/api/v1/sessions/" + session + "/participants", Map.of("patientId", patient), null);
        awaitWaiting();

        fx.send(Topics.PARTICIPANTS, patient.toString(), EventTypes.PATIENT_REGISTERED,
                Fixtures.patientState(patient, "ACTIVE", "ADULT_MH", List.of(Fixtures.groupConsent(null)), 0));

        Response booked = answer.get(30, TimeUnit.SECONDS);
        assertThat(booked.statusCode()).as(booked.asString()).isEqualTo(201);
        assertThat(booked.<String>path("status")).isEqualTo("BOOKED");
    }

    @Test
    void anotherReplicasConsumerWakesTheWaitThroughPostgresNotify() throws Exception {
        UUID clinician = UUID.randomUUID();
        CompletableFuture<Response> answer = postAsync("/api/v1/sessions", group(clinician, futureMorning(), 60, null), null);
        awaitWaiting();

        // what another replica's consumer commits: the read model row and the NOTIFY, in one transaction (no local wake-up here)
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into known_clinician (clinician_id, display_name, can_lead_groups, active, version) values (?, 'Dr Elsewhere', true, true, 0)""");
                 PreparedStatement notify = c.prepareStatement("select pg_notify('iop_read_models', ?)")) {
                insert.setObject(1, clinician);
                insert.executeUpdate();
                notify.setString(1, clinician.toString());
                notify.execute();
            }
            c.commit();
        }

        Response created = answer.get(30, TimeUnit.SECONDS);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    }

    @Test
    void aClinicianThatNeverArrivesIs503ReadModelBehindWithRetryAfterAndNothingIsWritten() {
        UUID clinician = UUID.randomUUID();
        double timedOut = waits("timed-out");
        long start = System.nanoTime();

        given().header("Authorization", auth("scheduler")).contentType("application/json").body(json(group(clinician, futureMorning(), 60, null)))
                .when().post("/api/v1/sessions").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo(BEHIND)).body("status", equalTo(503))
                .body("detail", containsString("Clinician " + clinician)).body("detail", containsString("not a broken rule"))
                .body("errors[0].field", equalTo("clinicianId"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(maxWait.minusMillis(50));
        assertThat(waits("timed-out")).isEqualTo(timedOut + 1);
        assertThat(fx.count("select count(*) from therapy_session where clinician_id = ?", clinician)).isZero();
        assertThat(fx.count("select count(*) from outbox where payload like ?", "%" + clinician + "%")).isZero();
    }

    @Test
    void aConsentJustGrantedIsWaitedForWhenTheTokenNamesItsVersion() throws Exception {
        String session = createSession(group(fx.groupLeader(), futureMorning(), 60, null));
        UUID patient = fx.patient(UUID.randomUUID(), EventTypes.PATIENT_REGISTERED, "ACTIVE", List.of());
        fx.plan(UUID.randomUUID(), patient, EventTypes.PLAN_CREATED, "active", Fixtures.MIXED);
        long granted = Fixtures.nextVersion();
        // without the token the consent is simply not there yet: the rule refuses
        Fixtures.book(session, patient).statusCode(422).body("detail", containsString("GROUP_PARTICIPATION"));

        CompletableFuture<Response> answer = postAsync("/api/v1/sessions/" + session + "/participants", Map.of("patientId", patient),
                "patient:" + patient + "@" + granted);
        awaitWaiting();
        fx.send(Topics.PARTICIPANTS, patient.toString(), EventTypes.PATIENT_CONSENT_GRANTED,
                Fixtures.patientState(patient, "ACTIVE", "ADULT_SUD", List.of(Fixtures.groupConsent(null)), granted));

        Response booked = answer.get(30, TimeUnit.SECONDS);
        assertThat(booked.statusCode()).as(booked.asString()).isEqualTo(201);
        assertThat(booked.<String>path("status")).isEqualTo("BOOKED");
    }

    @Test
    void aPlanJustActivatedIsWaitedForWhenTheTokenNamesItsVersion() throws Exception {
        String session = createSession(group(fx.groupLeader(), futureMorning(), 60, null));
        UUID patient = fx.patient(UUID.randomUUID(), EventTypes.PATIENT_REGISTERED, "ACTIVE", List.of(Fixtures.groupConsent(null)));
        UUID plan = UUID.randomUUID();
        fx.plan(plan, patient, EventTypes.PLAN_CREATED, "draft", Fixtures.MIXED);
        long activated = Fixtures.nextVersion();

        CompletableFuture<Response> answer = postAsync("/api/v1/sessions/" + session + "/participants", Map.of("patientId", patient),
                "plan:" + plan + "@" + activated + ", patient:" + patient + "@0");
        awaitWaiting();
        fx.send(Topics.PLANS, plan.toString(), EventTypes.PLAN_STATUS_CHANGED,
                Fixtures.planState(plan, patient, "active", Fixtures.MIXED, null, null, activated));

        Response booked = answer.get(30, TimeUnit.SECONDS);
        assertThat(booked.statusCode()).as(booked.asString()).isEqualTo(201);
    }

    @Test
    void aTokenVersionThatNeverArrivesIs503AndNothingIsBooked() {
        String session = createSession(group(fx.groupLeader(), futureMorning(), 60, null));
        UUID patient = fx.eligibleGroupPatient();

        given().header("Authorization", auth("scheduler")).header(TOKEN, "patient:" + patient + "@999999").contentType("application/json")
                .body(json(Map.of("patientId", patient))).when().post("/api/v1/sessions/" + session + "/participants")
                .then().statusCode(503).header("Retry-After", "1").body("type", equalTo(BEHIND))
                .body("errors[0].field", equalTo(TOKEN)).body("detail", containsString("Patient " + patient + " version 999999"));

        assertThat(fx.count("select count(*) from booking where patient_id = ?", patient)).isZero();
        assertThat(fx.count("select count(*) from audit_event where patient_id = ? and resource_type = 'Booking'", patient)).isZero();
        assertThat(new TopicReader(bootstrap).readByKey(Topics.SESSIONS, session)).noneMatch(r -> r.value().contains(patient.toString()));
    }

    @Test
    void aPatientsTokenIsNeverWaitedFor() {
        // a patient makes no write that answers a token, and waiting for another id would tell whether it exists
        UUID patient = fx.eligibleGroupPatient();
        double waitsBefore = allWaits();
        given().header("Authorization", "Bearer " + care.iop.testing.TestTokens.patient(patient))
                .header(TOKEN, "patient:" + UUID.randomUUID() + "@0")
                .when().get("/api/v1/schedules/patients/" + patient + "?from=2030-01-07&to=2030-01-08").then().statusCode(200);
        assertThat(allWaits()).isEqualTo(waitsBefore);
    }

    @Test
    void aMalformedTokenIs400NamingTheHeader() {
        given().header("Authorization", auth("scheduler")).header(TOKEN, "patient:not-a-uuid@1").when().get("/api/v1/sessions")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(TOKEN));
    }

    @Test
    void knownEntitiesAndAppliedVersionsWaitForNothing() {
        UUID clinician = fx.groupLeader();
        UUID patient = fx.eligibleGroupPatient();
        double waitsBefore = allWaits();
        List<Long> plain = new ArrayList<>();
        List<Long> withToken = new ArrayList<>();
        String token = "clinician:" + clinician + "@0, patient:" + patient + "@0";
        Runnable withoutHeader = () -> plain.add(timed(() -> scheduleGroup(clinician, null)));
        Runnable withHeader = () -> withToken.add(timed(() -> scheduleGroup(clinician, token)));
        for (int i = 0; i < 30; i++) {
            // alternating which goes first, so that neither profits from the other's warm-up
            (i % 2 == 0 ? withoutHeader : withHeader).run();
            (i % 2 == 0 ? withHeader : withoutHeader).run();
        }
        assertThat(allWaits()).as("no request waited").isEqualTo(waitsBefore);
        System.out.printf("read-your-writes, entity known: median %.1f ms without token, %.1f ms with a token of applied versions%n",
                median(plain) / 1e6, median(withToken) / 1e6);
        assertThat(median(withToken)).isLessThan(maxWait.toNanos() / 4);
    }

    // ---------------------------------------------------------------- helpers

    private static CompletableFuture<Response> postAsync(String path, Object body, String token) {
        return CompletableFuture.supplyAsync(() -> {
            var request = given().header("Authorization", auth("scheduler")).contentType("application/json").body(json(body));
            if (token != null) {
                request.header(TOKEN, token);
            }
            return request.when().post(path);
        });
    }

    /** Until a request waits for its read model (the gauge), so that what follows arrives during the wait. */
    private static void awaitWaiting() {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> metric("iop_read_model_waiting", "") >= 1);
    }

    private static double waits(String outcome) {
        return metric("iop_read_model_waits_seconds_count", "outcome=\"" + outcome + "\"");
    }

    private static double allWaits() {
        return waits("caught-up") + waits("timed-out") + waits("refused");
    }

    private static double metric(String name, String label) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> (l.startsWith(name + " ") || l.startsWith(name + "{")) && l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** The same request but for the header: a group led by the clinician, on a day of its own. */
    private static void scheduleGroup(UUID clinician, String token) {
        var request = given().header("Authorization", auth("scheduler")).contentType("application/json")
                .body(json(group(clinician, futureMorning(), 60, null)));
        if (token != null) {
            request.header(TOKEN, token);
        }
        request.when().post("/api/v1/sessions").then().statusCode(201);
    }

    private static long timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
