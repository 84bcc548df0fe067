package care.iop.session;

import static care.iop.session.Fixtures.auth;
import static care.iop.session.Fixtures.createSession;
import static care.iop.session.Fixtures.futureMorning;
import static care.iop.session.Fixtures.group;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Extreme and unstorable dates are a 400 naming the parameter or field, never a 500, and write nothing (issue 18, section 5). */
@QuarkusTest
class ExtremeDatesTest {
    /** Years a request may name but PostgreSQL, the driver or a window computed from them cannot hold faithfully. */
    static final List<String> EXTREME = List.of("%2B999999999-12-31T00:00:00Z", "-999999999-01-01T00:00:00Z", "%2B10000-01-01T00:00:00Z",
            "0000-12-31", "0000-06-01T00:00:00Z", "10000-01-01");

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(bootstrap, ds);
    }

    private static void badParameter(String token, String pathAndQuery, String parameter) {
        given().urlEncodingEnabled(false).header("Authorization", token).when().get(pathAndQuery).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(parameter));
    }

    @Test
    void extremeTimesInQueriesAreA400NamingTheParameter() {
        UUID patient = fx.eligibleGroupPatient();
        UUID clinician = fx.groupLeader();
        String staff = auth("scheduler");
        String own = "Bearer " + TestTokens.patient(patient);
        for (String value : EXTREME) {
            for (String parameter : List.of("from", "to")) {
                badParameter(own, "/api/v1/schedules/patients/" + patient + "?" + parameter + "=" + value, parameter);
                badParameter(staff, "/api/v1/schedules/patients/" + patient + "?" + parameter + "=" + value, parameter);
                badParameter(staff, "/api/v1/schedules/clinicians/" + clinician + "?" + parameter + "=" + value, parameter);
                badParameter(staff, "/api/v1/sessions?" + parameter + "=" + value, parameter);
            }
        }
        // the last day of year 9999 as an inclusive "to" ends in year 10000
        badParameter(staff, "/api/v1/sessions?to=9999-12-31", "to");
        // a default window that would run out of the years 1-9999
        badParameter(staff, "/api/v1/schedules/clinicians/" + clinician + "?from=9999-12-30", "from");
        badParameter(own, "/api/v1/schedules/patients/" + patient + "?to=0001-01-03", "to");
        // the edges themselves are fine
        given().header("Authorization", staff).queryParam("from", "0001-01-01").queryParam("to", "0001-12-31")
                .when().get("/api/v1/schedules/clinicians/" + clinician).then().statusCode(200);
        given().header("Authorization", staff).queryParam("from", "9999-01-01").queryParam("to", "9999-12-30")
                .when().get("/api/v1/schedules/clinicians/" + clinician).then().statusCode(200);
        given().header("Authorization", staff).queryParam("from", "0001-01-01T00:00:00Z").queryParam("to", "9999-12-31T00:00:00Z")
                .when().get("/api/v1/sessions").then().statusCode(200);
    }

    @Test
    void extremeTimesInBodiesAreA400NamingTheFieldAndWriteNothing() {
        UUID clinician = fx.groupLeader();
        for (String start : List.of("+999999999-12-31T09:00:00Z", "-999999999-01-01T09:00:00Z", "+10000-01-01T09:00:00Z")) {
            Map<String, Object> body = group(clinician, futureMorning(), 60, null);
            body.put("start", start); // the end stays a sane time: the problem names exactly the field that is out of range
            Fixtures.post("scheduler", "/api/v1/sessions", body).statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("start"));
        }
        Map<String, Object> endOnly = group(clinician, futureMorning(), 60, null);
        endOnly.put("end", "+999999999-12-31T10:00:00Z");
        Fixtures.post("scheduler", "/api/v1/sessions", endOnly).statusCode(400).body("errors[0].field", equalTo("end"));
        assertThat(fx.count("select count(*) from therapy_session where clinician_id = ?", clinician)).isZero();

        for (String field : List.of("from", "until")) {
            Map<String, Object> series = new java.util.HashMap<>(Map.of("type", "GROUP", "clinicianId", clinician.toString(),
                    "daysOfWeek", List.of("MONDAY"), "startTime", "09:00", "durationMinutes", 60, "from", "2027-03-01",
                    "until", "2027-03-31", "location", "Room " + UUID.randomUUID()));
            for (String day : List.of("+999999999-12-31", "-999999999-01-01", "0000-01-01")) {
                series.put(field, day);
                Fixtures.post("scheduler", "/api/v1/session-series", series).statusCode(400).contentType("application/problem+json")
                        .body("errors[0].field", equalTo(field));
            }
        }
        assertThat(fx.count("select count(*) from session_series where clinician_id = ?", clinician)).isZero();

        String session = createSession(group(clinician, futureMorning(), 60, null));
        String etag = given().header("Authorization", auth("scheduler")).when().get("/api/v1/sessions/" + session).then().extract().header("ETag");
        given().header("Authorization", auth("scheduler")).header("If-Match", etag).contentType("application/json")
                .body(Fixtures.json(Map.of("start", "+999999999-12-31T09:00:00Z", "end", "2030-01-07T10:00:00Z", "location", "Room B")))
                .when().put("/api/v1/sessions/" + session).then().statusCode(400).body("errors[0].field", equalTo("start")); // only start is out of range: Map.of has no order
        assertThat(fx.count("select count(*) from therapy_session where id = ? and version = 0", UUID.fromString(session))).isEqualTo(1);
    }
}
