package care.iop.session;

import static care.iop.session.Fixtures.auth;
import static care.iop.session.Fixtures.book;
import static care.iop.session.Fixtures.createSession;
import static care.iop.session.Fixtures.futureMorning;
import static care.iop.session.Fixtures.group;
import static care.iop.testing.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class CapacityAndWaitlistTest {
    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(bootstrap, ds);
    }

    record Result(UUID patientId, String status, Integer position) {
    }

    @Test
    void fiftyParallelBookingsForTwelveSeatsGiveTwelveBookedAndAnOrderedWaitlist() throws Exception {
        String session = createSession(group(fx.groupLeader(), futureMorning(), 180, 12));
        List<UUID> patients = IntStream.range(0, 50).mapToObj(i -> UUID.randomUUID()).toList();
        patients.forEach(p -> fx.send(Topics.PARTICIPANTS, p.toString(), EventTypes.PATIENT_REGISTERED, new care.iop.events.PatientState(p,
                "ACTIVE", "ADULT_MH", "2.1", null, null, List.of(Fixtures.groupConsent(null)), null, 1)));
        patients.forEach(p -> fx.send(Topics.PLANS, p.toString(), EventTypes.PLAN_CREATED, new care.iop.events.PlanState(UUID.randomUUID(), p,
                null, "active", "2.1", Fixtures.GROUP_ONLY, null, null, 1, null)));
        await().atMost(Fixtures.EVENTS).until(() -> patients.stream().allMatch(p ->
                fx.count("select count(*) from known_plan where patient_id = ?", p) == 1
                        && fx.count("select count(*) from known_patient where patient_id = ?", p) == 1));

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Result> results = new ArrayList<>();
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (UUID patient : patients) {
                futures.add(pool.submit(() -> {
                    go.await();
                    JsonPath body = book(session, patient).statusCode(201).extract().jsonPath();
                    return new Result(patient, body.getString("status"), body.get("waitlistPosition"));
                }));
            }
            go.countDown();
            for (Future<Result> future : futures) {
                results.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(results).filteredOn(r -> r.status().equals("BOOKED")).hasSize(12).allSatisfy(r -> assertThat(r.position()).isNull());
        List<Result> waitlisted = results.stream().filter(r -> r.status().equals("WAITLISTED"))
                .sorted(Comparator.comparing(Result::position)).toList();
        assertThat(waitlisted).hasSize(38);
        assertThat(waitlisted.stream().map(Result::position).toList()).containsExactlyElementsOf(IntStream.rangeClosed(1, 38).boxed().toList());
        assertThat(fx.count("select count(*) from booking where session_id = ? and status = 'BOOKED'", UUID.fromString(session))).isEqualTo(12);
        // each booking.waitlisted event carries the position its answer gave
        await().atMost(Fixtures.EVENTS).untilAsserted(() -> assertThat(new TopicReader(bootstrap).readByKey(Topics.SESSIONS, session).stream()
                .filter(r -> EventTypes.BOOKING_WAITLISTED.equals(header(r, "ce_type")))
                .map(r -> JsonPath.from(r.value()))
                .map(event -> new Result(UUID.fromString(event.getString("patientId")), event.getString("status"), event.get("waitlistPosition")))
                .toList()).containsExactlyInAnyOrderElementsOf(waitlisted));

        // the roster keeps the order in which the waitlist was joined
        JsonPath roster = given().header("Authorization", auth("clinician")).when().get("/api/v1/sessions/" + session + "/participants")
                .then().statusCode(200).extract().jsonPath();
        List<String> rosterWaitlist = roster.getList("findAll { it.status == 'WAITLISTED' }.patientId");
        assertThat(rosterWaitlist).containsExactlyElementsOf(waitlisted.stream().map(r -> r.patientId().toString()).toList());
        given().header("Authorization", auth("scheduler")).when().get("/api/v1/sessions/" + session).then()
                .body("booked", equalTo(12)).body("waitlisted", equalTo(38));

        // a cancelled seat goes to the head of the waitlist; everyone behind moves up
        UUID leaving = results.stream().filter(r -> r.status().equals("BOOKED")).findFirst().orElseThrow().patientId();
        given().header("Authorization", auth("scheduler")).when().delete("/api/v1/sessions/" + session + "/participants/" + leaving)
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("late", equalTo(false));
        UUID first = waitlisted.get(0).patientId();
        assertThat(fx.count("select count(*) from booking where session_id = ? and patient_id = ? and status = 'BOOKED'",
                UUID.fromString(session), first)).isEqualTo(1);
        assertThat(fx.count("select count(*) from booking where session_id = ? and status = 'BOOKED'", UUID.fromString(session))).isEqualTo(12);
        JsonPath after = given().header("Authorization", auth("clinician")).when().get("/api/v1/sessions/" + session + "/participants")
                .then().extract().jsonPath();
        assertThat((Integer) after.get("find { it.patientId == '" + waitlisted.get(1).patientId() + "' }.waitlistPosition")).isEqualTo(1);
        await().atMost(Fixtures.EVENTS).untilAsserted(() -> assertThat(new TopicReader(bootstrap).readByKey(Topics.SESSIONS, session))
                .anySatisfy(r -> {
                    assertThat(header(r, "ce_type")).isEqualTo(EventTypes.BOOKING_PROMOTED);
                    assertThat(r.value()).contains(first.toString()).contains("\"status\":\"BOOKED\"");
                }));
    }

    @Test
    void lateCancellationIsFlaggedAndWaitlistedPatientPromoted() {
        OffsetDateTime soon = OffsetDateTime.now(ZoneOffset.UTC).plusHours(5).withSecond(0).withNano(0);
        String session = createSession(group(fx.groupLeader(), soon, 60, 1));
        UUID booked = fx.eligibleGroupPatient();
        UUID waiting = fx.eligibleGroupPatient();
        book(session, booked).statusCode(201).body("status", equalTo("BOOKED")).body("waitlistPosition", nullValue());
        book(session, waiting).statusCode(201).body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1));

        // a patient may cancel its own booking, not another's
        given().header("Authorization", "Bearer " + care.iop.testing.TestTokens.patient(waiting)).when()
                .delete("/api/v1/sessions/" + session + "/participants/" + booked).then().statusCode(404);
        given().header("Authorization", "Bearer " + care.iop.testing.TestTokens.patient(booked)).queryParam("reason", "unwell").when()
                .delete("/api/v1/sessions/" + session + "/participants/" + booked).then().statusCode(200)
                .body("late", equalTo(true)).body("cancelReason", equalTo("unwell"));
        assertThat(fx.count("select count(*) from booking where session_id = ? and patient_id = ? and status = 'BOOKED'",
                UUID.fromString(session), waiting)).isEqualTo(1);
        given().header("Authorization", auth("scheduler")).when().delete("/api/v1/sessions/" + session + "/participants/" + booked)
                .then().statusCode(404);
        // re-booking after a cancellation goes to the back of the line
        book(session, booked).statusCode(201).body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1));
        Fixtures.post("scheduler", "/api/v1/sessions/" + session + "/participants", Map.of("patientId", "nope")).statusCode(400)
                .body("errors[0].field", equalTo("patientId"));
    }

    @Test
    void raisingCapacityPromotesFromTheWaitlist() {
        OffsetDateTime start = futureMorning();
        String session = createSession(group(fx.groupLeader(), start, 60, 1));
        book(session, fx.eligibleGroupPatient()).body("status", equalTo("BOOKED"));
        UUID waiting = fx.eligibleGroupPatient();
        book(session, waiting).body("status", equalTo("WAITLISTED"));
        String etag = given().header("Authorization", auth("scheduler")).when().get("/api/v1/sessions/" + session).then().extract().header("ETag");
        Map<String, Object> change = Map.of("start", start.toString(), "end", start.plusHours(1).toString(), "location", "Room " + UUID.randomUUID(),
                "capacity", 2);
        given().header("Authorization", auth("scheduler")).header("If-Match", etag).contentType("application/json").body(Fixtures.json(change))
                .when().put("/api/v1/sessions/" + session).then().statusCode(200).body("booked", equalTo(2)).body("waitlisted", equalTo(0));
        assertThat(fx.count("select count(*) from booking where patient_id = ? and status = 'BOOKED'", waiting)).isEqualTo(1);
    }
}
