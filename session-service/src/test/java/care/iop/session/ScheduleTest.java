package care.iop.session;

import static care.iop.session.Fixtures.auth;
import static care.iop.session.Fixtures.book;
import static care.iop.session.Fixtures.createSession;
import static care.iop.session.Fixtures.futureMorning;
import static care.iop.session.Fixtures.group;
import static care.iop.session.Fixtures.individual;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ScheduleTest {
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
    void patientAgendaShowsBookedAndWaitlistedWithPositionAndOnlyItsOwn() {
        UUID patient = fx.eligibleGroupPatient();
        UUID other = fx.eligibleGroupPatient();
        OffsetDateTime day = futureMorning();
        String full = createSession(group(fx.groupLeader(), day, 60, 1));
        book(full, other).body("status", equalTo("BOOKED"));
        book(full, patient).body("status", equalTo("WAITLISTED"));
        String individualSession = createSession(individual("INDIVIDUAL", fx.clinician(false), patient, day.plusHours(2), 53));
        String nextWeek = createSession(group(fx.groupLeader(), day.plusDays(8), 60, null));
        book(nextWeek, patient).statusCode(201);

        String token = "Bearer " + TestTokens.patient(patient);
        given().header("Authorization", token).queryParam("from", day.toLocalDate().toString()).queryParam("to", day.toLocalDate().toString())
                .when().get("/api/v1/schedules/patients/" + patient).then().statusCode(200)
                .body("entries", hasSize(2))
                .body("entries[0].sessionId", equalTo(full)).body("entries[0].bookingStatus", equalTo("WAITLISTED"))
                .body("entries[0].waitlistPosition", equalTo(1))
                .body("entries[1].sessionId", equalTo(individualSession)).body("entries[1].bookingStatus", equalTo("BOOKED"))
                .body(not(containsString(other.toString())));
        // a date-time with offset works too, and the window is exclusive at its end
        given().header("Authorization", token).queryParam("from", day.toInstant().toString()).queryParam("to", day.plusHours(2).toInstant().toString())
                .when().get("/api/v1/schedules/patients/" + patient).then().statusCode(200).body("entries", hasSize(1));
        given().header("Authorization", token).queryParam("from", "next week")
                .when().get("/api/v1/schedules/patients/" + patient).then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().header("Authorization", token).when().get("/api/v1/schedules/patients/" + other).then().statusCode(404);
        given().header("Authorization", auth("scheduler")).queryParam("from", day.toLocalDate().toString()).queryParam("to", day.plusDays(8).toLocalDate().toString())
                .when().get("/api/v1/schedules/patients/" + patient).then().statusCode(200).body("entries", hasSize(3));
    }

    @Test
    void patientViewOfAGroupNeverShowsAnotherMember() {
        UUID patient = fx.eligibleGroupPatient();
        UUID other = fx.eligibleGroupPatient();
        UUID clinician = fx.groupLeader();
        String session = createSession(group(clinician, futureMorning(), 60, null));
        book(session, patient).statusCode(201);
        book(session, other).statusCode(201);
        String token = "Bearer " + TestTokens.patient(patient);
        String body = given().header("Authorization", token).when().get("/api/v1/sessions/" + session).then().statusCode(200)
                .body("topic", equalTo("Relapse prevention")).body("clinicianId", equalTo(clinician.toString()))
                .body("bookingStatus", equalTo("BOOKED"))
                .extract().asString();
        assertThat(body).doesNotContain(other.toString()).doesNotContain("booked\":2").doesNotContain("\"waitlisted\"");
        given().header("Authorization", token).when().get("/api/v1/sessions/" + session + "/participants").then().statusCode(403);
        // a session the patient is not in is not found
        String notMine = createSession(group(fx.groupLeader(), futureMorning(), 60, null));
        given().header("Authorization", token).when().get("/api/v1/sessions/" + notMine).then().statusCode(404);
    }

    @Test
    void clinicianWeekListsTheirSessions() {
        UUID clinician = fx.groupLeader();
        OffsetDateTime monday = futureMorning();
        String a = createSession(group(clinician, monday, 60, null));
        String b = createSession(group(clinician, monday.plusDays(2), 60, null));
        createSession(group(clinician, monday.plusDays(9), 60, null));
        given().header("Authorization", auth("clinician")).queryParam("from", monday.toLocalDate().toString())
                .when().get("/api/v1/schedules/clinicians/" + clinician).then().statusCode(200)
                .body("sessions", hasSize(2)).body("sessions[0].id", equalTo(a)).body("sessions[1].id", equalTo(b));
        given().header("Authorization", auth("clinician")).queryParam("from", "2027-02-10").queryParam("to", "2027-02-01")
                .when().get("/api/v1/schedules/clinicians/" + clinician).then().statusCode(400).body("errors[0].field", equalTo("to"));
    }
}
