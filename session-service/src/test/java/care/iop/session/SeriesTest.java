package care.iop.session;

import static care.iop.session.Fixtures.auth;
import static care.iop.session.Fixtures.createSession;
import static care.iop.session.Fixtures.group;
import static care.iop.session.Fixtures.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class SeriesTest {
    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(bootstrap, ds);
    }

    private static Map<String, Object> weekly(UUID clinician, List<String> days, String from, Integer count, String until) {
        Map<String, Object> body = new HashMap<>(Map.of("type", "GROUP", "clinicianId", clinician.toString(), "daysOfWeek", days,
                "startTime", "09:00", "durationMinutes", 180, "from", from, "topic", "Relapse prevention", "capacity", 10,
                "location", "Room " + UUID.randomUUID()));
        if (count != null) {
            body.put("count", count);
        }
        if (until != null) {
            body.put("until", until);
        }
        return body;
    }

    @Test
    void weeklySeriesKeepsItsWallClockTimeAcrossTheSpringDaylightSavingChange() {
        UUID clinician = fx.groupLeader();
        JsonPath series = post("scheduler", "/api/v1/session-series", weekly(clinician, List.of("MONDAY"), "2027-03-01", 3, null))
                .statusCode(201).body("occurrences", hasSize(3)).body("timeZone", equalTo("America/New_York"))
                .extract().jsonPath();
        assertThat(series.getList("occurrences.start", String.class)).containsExactly(
                "2027-03-01T09:00:00-05:00", "2027-03-08T09:00:00-05:00", "2027-03-15T09:00:00-04:00");
        assertThat(series.getList("occurrences.end", String.class)).containsExactly(
                "2027-03-01T12:00:00-05:00", "2027-03-08T12:00:00-05:00", "2027-03-15T12:00:00-04:00");
        // stored as instants: 14:00 UTC before the change, 13:00 UTC after
        assertThat(fx.count("select count(*) from therapy_session where clinician_id = ? and start_at = ?", clinician,
                OffsetDateTime.parse("2027-03-08T14:00:00Z"))).isEqualTo(1);
        assertThat(fx.count("select count(*) from therapy_session where clinician_id = ? and start_at = ?", clinician,
                OffsetDateTime.parse("2027-03-15T13:00:00Z"))).isEqualTo(1);
        given().header("Authorization", auth("integration")).when().get("/api/v1/session-series/" + series.getString("id")).then()
                .statusCode(200).body("occurrences", hasSize(3)).body("daysOfWeek", equalTo(List.of("MONDAY")));
    }

    @Test
    void fallBackChangeAndUntilDate() {
        UUID clinician = fx.groupLeader();
        JsonPath series = post("scheduler", "/api/v1/session-series",
                weekly(clinician, List.of("WEDNESDAY", "MONDAY"), "2027-11-01", null, "2027-11-10")).statusCode(201).extract().jsonPath();
        assertThat(series.getList("occurrences.start", String.class)).containsExactly(
                "2027-11-01T09:00:00-04:00", "2027-11-03T09:00:00-04:00", "2027-11-08T09:00:00-05:00", "2027-11-10T09:00:00-05:00");
    }

    @Test
    void untilXorCountAndBadDays() {
        UUID clinician = fx.groupLeader();
        post("scheduler", "/api/v1/session-series", weekly(clinician, List.of("MONDAY"), "2027-04-05", 2, "2027-05-01")).statusCode(400)
                .body("errors[0].field", equalTo("until"));
        post("scheduler", "/api/v1/session-series", weekly(clinician, List.of("MONDAY"), "2027-04-05", null, null)).statusCode(400);
        post("scheduler", "/api/v1/session-series", weekly(clinician, List.of("MOONDAY"), "2027-04-05", 2, null)).statusCode(400)
                .body("errors[0].field", containsString("daysOfWeek"));
        post("scheduler", "/api/v1/session-series", weekly(clinician, List.of(), "2027-04-05", 2, null)).statusCode(400)
                .body("errors[0].field", equalTo("daysOfWeek"));
        assertThat(fx.count("select count(*) from session_series where clinician_id = ?", clinician)).isZero();
    }

    @Test
    void aConflictingOccurrenceRefusesTheWholeSeries() {
        UUID clinician = fx.groupLeader();
        String blocking = createSession(group(clinician, OffsetDateTime.parse("2027-04-19T10:00:00-04:00"), 60, null));
        post("scheduler", "/api/v1/session-series", weekly(clinician, List.of("MONDAY"), "2027-04-05", 4, null)).statusCode(409)
                .body("detail", containsString(blocking));
        assertThat(fx.count("select count(*) from session_series where clinician_id = ?", clinician)).isZero();
        assertThat(fx.count("select count(*) from therapy_session where clinician_id = ?", clinician)).isEqualTo(1);
    }

    @Test
    void bookingIntoASeriesBooksEveryFutureOccurrenceAndOccurrencesChangeAlone() {
        UUID clinician = fx.groupLeader();
        LocalDate monday = LocalDate.now(Fixtures.ZONE).plusWeeks(2).with(java.time.DayOfWeek.MONDAY);
        JsonPath series = post("scheduler", "/api/v1/session-series", weekly(clinician, List.of("MONDAY"), monday.toString(), 4, null))
                .statusCode(201).extract().jsonPath();
        String seriesId = series.getString("id");
        List<String> occurrences = series.getList("occurrences.id", String.class);
        UUID patient = fx.eligibleGroupPatient();
        post("clinician", "/api/v1/session-series/" + seriesId + "/participants", Map.of("patientId", patient.toString())).statusCode(201)
                .body("bookings", hasSize(4)).body("bookings.status", equalTo(List.of("BOOKED", "BOOKED", "BOOKED", "BOOKED")));
        post("clinician", "/api/v1/session-series/" + seriesId + "/participants", Map.of("patientId", fx.eligiblePatient(Fixtures.INDIVIDUAL_ONLY).toString()))
                .statusCode(422);

        // cancel only the first occurrence
        post("scheduler", "/api/v1/sessions/" + occurrences.get(0) + "/cancel", Map.of("reason", "Holiday")).statusCode(200)
                .body("$", hasSize(1));
        // move the third and following one hour later
        String third = occurrences.get(2);
        String etag = given().header("Authorization", auth("scheduler")).when().get("/api/v1/sessions/" + third).then().extract().header("ETag");
        OffsetDateTime thirdStart = monday.plusWeeks(2).atTime(10, 0).atZone(Fixtures.ZONE).toOffsetDateTime();
        given().header("Authorization", auth("scheduler")).header("If-Match", etag).contentType("application/json")
                .body(Fixtures.json(Map.of("start", thirdStart.toString(), "end", thirdStart.plusHours(3).toString(),
                        "location", "TELEHEALTH", "scope", "THIS_AND_FOLLOWING")))
                .when().put("/api/v1/sessions/" + third).then().statusCode(200);
        JsonPath after = given().header("Authorization", auth("scheduler")).when().get("/api/v1/session-series/" + seriesId).then().extract().jsonPath();
        assertThat(after.getList("occurrences.status", String.class)).containsExactly("cancelled", "booked", "booked", "booked");
        assertThat(after.getList("occurrences.start", String.class).get(1)).contains("T09:00");
        assertThat(after.getList("occurrences.start", String.class).get(2)).contains("T10:00");
        assertThat(after.getList("occurrences.start", String.class).get(3)).contains("T10:00");
        // the series record says how it goes on now
        assertThat(after.getString("startTime")).startsWith("10:00");
        assertThat(after.getString("location")).isEqualTo("TELEHEALTH");
        assertThat(after.getInt("durationMinutes")).isEqualTo(180);
        assertThat(fx.count("select count(*) from booking where patient_id = ? and status = 'BOOKED'", patient)).isEqualTo(3);

        // cancel the second and all following
        post("scheduler", "/api/v1/sessions/" + occurrences.get(1) + "/cancel", Map.of("reason", "Group closes", "scope", "THIS_AND_FOLLOWING"))
                .statusCode(200).body("$", hasSize(3));
        assertThat(fx.count("select count(*) from therapy_session where series_id = ? and status = 'cancelled'", UUID.fromString(seriesId)))
                .isEqualTo(4);
        assertThat(fx.count("select count(*) from booking where patient_id = ? and status <> 'CANCELLED'", patient)).isZero();
    }
}
