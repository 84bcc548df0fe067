package care.iop.session;

import static care.iop.session.Fixtures.auth;
import static care.iop.session.Fixtures.book;
import static care.iop.session.Fixtures.createSession;
import static care.iop.session.Fixtures.futureMorning;
import static care.iop.session.Fixtures.group;
import static care.iop.session.Fixtures.individual;
import static care.iop.session.Fixtures.startedAnHourAgo;
import static care.iop.testing.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.testing.TestTokens;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** What happened in a session that has started stays: no cancellation, no move, nobody promoted into it (issue 18, section 5). */
@QuarkusTest
class PastSessionTest {
    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(bootstrap, ds);
    }

    private static ValidatableResponse cancelBooking(String token, String session, UUID patient) {
        return given().header("Authorization", token).when().delete("/api/v1/sessions/" + session + "/participants/" + patient).then();
    }

    private static String etag(String session) {
        return given().header("Authorization", auth("scheduler")).when().get("/api/v1/sessions/" + session).then().statusCode(200)
                .extract().header("ETag");
    }

    private static ValidatableResponse move(String session, OffsetDateTime start, int minutes, Integer capacity) {
        Map<String, Object> change = new java.util.HashMap<>(Map.of("start", start.toString(), "end", start.plusMinutes(minutes).toString(),
                "location", "Room " + UUID.randomUUID()));
        if (capacity != null) {
            change.put("capacity", capacity);
        }
        return given().header("Authorization", auth("scheduler")).header("If-Match", etag(session)).contentType("application/json")
                .body(Fixtures.json(change)).when().put("/api/v1/sessions/" + session).then();
    }

    private static void refusedBecauseStarted(ValidatableResponse response) {
        response.statusCode(422).contentType("application/problem+json").body("detail", containsString("started"));
    }

    @Test
    void nobodyCancelsABookingOnceTheGroupHasStarted() {
        UUID patient = fx.eligibleGroupPatient();
        String session = createSession(group(fx.groupLeader(), startedAnHourAgo(), 120, null));
        book(session, patient).statusCode(201);

        refusedBecauseStarted(cancelBooking("Bearer " + TestTokens.patient(patient), session, patient));
        for (String role : List.of("scheduler", "clinician", "admin")) {
            refusedBecauseStarted(cancelBooking(auth(role), session, patient));
        }
        assertThat(fx.count("select count(*) from booking where session_id = ? and patient_id = ? and status = 'BOOKED' and cancelled_at is null",
                UUID.fromString(session), patient)).isEqualTo(1);
        assertNoEvent(session, EventTypes.BOOKING_CANCELLED);
    }

    /** Neither waiting in the outbox nor published (checked in that order, so an event being relayed meanwhile is seen). */
    private void assertNoEvent(String session, String type) {
        assertThat(fx.count("select count(*) from outbox where aggregate_id = ? and type = ?", session, type)).isZero();
        assertThat(new TopicReader(bootstrap).readByKey(Topics.SESSIONS, session).stream().map(r -> header(r, "ce_type"))).doesNotContain(type);
    }

    @Test
    void anEndedSessionCanBeNeitherCancelledNorMovedNorHaveItsBookingCancelled() {
        UUID patient = fx.eligiblePatient(Fixtures.MIXED);
        OffsetDateTime threeHoursAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).truncatedTo(ChronoUnit.MINUTES);
        String session = createSession(individual("INDIVIDUAL", fx.clinician(false), patient, threeHoursAgo, 53));

        refusedBecauseStarted(cancelBooking("Bearer " + TestTokens.patient(patient), session, patient));
        refusedBecauseStarted(cancelBooking(auth("scheduler"), session, patient));
        refusedBecauseStarted(Fixtures.post("clinician", "/api/v1/sessions/" + session + "/cancel", Map.of("reason", "Forgot to cancel")));
        refusedBecauseStarted(move(session, futureMorning(), 53, null));
        assertThat(fx.count("select count(*) from therapy_session where id = ? and status = 'booked' and start_at = ?", UUID.fromString(session),
                threeHoursAgo)).isEqualTo(1);
        assertThat(fx.count("select count(*) from booking where session_id = ? and status = 'BOOKED'", UUID.fromString(session))).isEqualTo(1);
        assertNoEvent(session, EventTypes.SESSION_CANCELLED);
        assertNoEvent(session, EventTypes.SESSION_RESCHEDULED);
    }

    @Test
    void aGroupUnderWayCanBeNeitherCancelledNorMoved() {
        UUID patient = fx.eligibleGroupPatient();
        String session = createSession(group(fx.groupLeader(), startedAnHourAgo(), 120, null));
        book(session, patient).statusCode(201);
        refusedBecauseStarted(Fixtures.post("scheduler", "/api/v1/sessions/" + session + "/cancel",
                Map.of("reason", "Clinician ill", "scope", "THIS_AND_FOLLOWING")));
        refusedBecauseStarted(move(session, futureMorning(), 60, 13));
        assertThat(fx.count("select count(*) from therapy_session where id = ? and status = 'booked' and capacity = 12",
                UUID.fromString(session))).isEqualTo(1);
        assertThat(fx.count("select count(*) from booking where session_id = ? and status = 'BOOKED'", UUID.fromString(session))).isEqualTo(1);
    }

    @Test
    void aSeatFreedAfterTheStartPromotesNobody() {
        UUID seated = fx.eligibleGroupPatient();
        UUID waiting = fx.eligibleGroupPatient();
        String session = createSession(group(fx.groupLeader(), futureMorning(), 60, 1));
        book(session, seated).body("status", equalTo("BOOKED"));
        book(session, waiting).body("status", equalTo("WAITLISTED"));

        // moved to half an hour ago with a second seat: the seat frees when the session is under way
        move(session, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(30).truncatedTo(ChronoUnit.MINUTES), 90, 2).statusCode(200)
                .body("capacity", equalTo(2)).body("booked", equalTo(1)).body("waitlisted", equalTo(1));
        given().header("Authorization", auth("scheduler")).when().get("/api/v1/sessions/" + session + "/participants").then().statusCode(200)
                .body("find { it.patientId == '" + waiting + "' }.status", equalTo("WAITLISTED"));
        assertNoEvent(session, EventTypes.BOOKING_PROMOTED);
        assertThat(fx.count("select count(*) from booking where patient_id = ? and status = 'WAITLISTED'", waiting)).isEqualTo(1);
    }
}
