package care.iop.plan.outcomes;

import static care.iop.plan.outcomes.OutcomeFixtures.CLINICIAN;
import static care.iop.plan.outcomes.OutcomeFixtures.answersWithTotal;
import static care.iop.plan.outcomes.OutcomeFixtures.record;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.support.ReadModelProbe;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** GET /api/v1/assessments: one patient's scores oldest first, by instrument and window of days. */
@QuarkusTest
class AssessmentSeriesTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void seriesIsOrderedByTakenAtAndFiltered() {
        UUID patient = OutcomeFixtures.knownPatient(bootstrap, ds);
        UUID other = OutcomeFixtures.knownPatient(bootstrap, ds);
        // Recorded out of order on purpose.
        String march = record(patient, Instrument.PHQ9, answersWithTotal(Instrument.PHQ9, 8), at("2026-03-01T10:00:00-05:00"));
        String january = record(patient, Instrument.PHQ9, answersWithTotal(Instrument.PHQ9, 16), at("2026-01-10T10:00:00-05:00"));
        String february = record(patient, Instrument.PHQ9, answersWithTotal(Instrument.PHQ9, 12), at("2026-02-10T23:30:00-05:00"));
        record(patient, Instrument.GAD7, answersWithTotal(Instrument.GAD7, 10), at("2026-02-01T10:00:00Z"));
        record(other, Instrument.PHQ9, answersWithTotal(Instrument.PHQ9, 3), at("2026-02-01T10:00:00Z"));

        given().header("Authorization", CLINICIAN).queryParam("patientId", patient.toString()).queryParam("instrument", "PHQ9")
                .when().get("/api/v1/assessments").then().statusCode(200)
                .body("items.id", contains(january, february, march))
                .body("items.total", contains(16, 12, 8))
                .body("items.band", contains("MODERATELY_SEVERE", "MODERATE", "MILD"))
                .body("items[0].loinc", equalTo("44261-6"))
                .body("total", equalTo(3));

        // Days are read in the program's time zone (America/New_York): 2026-02-10T23:30-05:00 is still Feb 10
        // there, although it is Feb 11 in UTC.
        given().header("Authorization", CLINICIAN).queryParam("patientId", patient.toString()).queryParam("instrument", "PHQ9")
                .queryParam("from", "2026-02-10").queryParam("to", "2026-03-01")
                .when().get("/api/v1/assessments").then().statusCode(200)
                .body("items.id", contains(february, march));
        given().header("Authorization", CLINICIAN).queryParam("patientId", patient.toString()).queryParam("instrument", "PHQ9")
                .queryParam("from", "2026-02-11").queryParam("to", "2026-03-01")
                .when().get("/api/v1/assessments").then().statusCode(200)
                .body("items.id", contains(march));

        given().header("Authorization", CLINICIAN).queryParam("patientId", patient.toString())
                .when().get("/api/v1/assessments").then().statusCode(200)
                .body("items.instrument", contains("PHQ9", "GAD7", "PHQ9", "PHQ9"));

        given().header("Authorization", CLINICIAN).queryParam("patientId", patient.toString()).queryParam("size", 2).queryParam("page", 1)
                .queryParam("instrument", "PHQ9")
                .when().get("/api/v1/assessments").then().statusCode(200)
                .body("items.id", contains(march)).body("total", equalTo(3)).body("page", equalTo(1));

        org.assertj.core.api.Assertions.assertThat(ReadModelProbe.count(ds,
                "select count(*) from audit_event where action = 'SEARCH' and resource_type = 'Assessment' and patient_id = ?", patient))
                .isEqualTo(5);
    }

    @Test
    void badQueriesAreNamed() {
        given().header("Authorization", CLINICIAN).when().get("/api/v1/assessments").then().statusCode(400)
                .body("errors.field", contains("patientId"));
        given().header("Authorization", CLINICIAN).queryParam("patientId", "nope").when().get("/api/v1/assessments").then()
                .statusCode(400).body("errors.field", contains("patientId"));
        given().header("Authorization", CLINICIAN).queryParam("patientId", UUID.randomUUID().toString()).queryParam("instrument", "phq")
                .when().get("/api/v1/assessments").then().statusCode(400).body("errors.field", contains("instrument"));
        given().header("Authorization", CLINICIAN).queryParam("patientId", UUID.randomUUID().toString())
                .queryParam("from", "2026-03-01").queryParam("to", "2026-01-01")
                .when().get("/api/v1/assessments").then().statusCode(400).body("errors.field", contains("to"));
        given().header("Authorization", CLINICIAN).when().get("/api/v1/assessments/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = { "from", "to" })
    void datesOutsideTheYearsOneTo9999Are400NamingTheParameter(String parameter) {
        UUID patient = OutcomeFixtures.knownPatient(bootstrap, ds);
        // as sent on the wire (%2B is '+'): LocalDate.parse reads each of them, the database cannot store them faithfully
        for (String extreme : new String[] { "%2B999999999-12-31", "-999999999-01-01", "%2B10000-01-01", "0000-12-31" }) {
            given().urlEncodingEnabled(false).header("Authorization", CLINICIAN)
                    .when().get("/api/v1/assessments?patientId=" + patient + "&" + parameter + "=" + extreme)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains(parameter));
        }
        // the widest storable window is answered
        given().header("Authorization", CLINICIAN).queryParam("patientId", patient.toString())
                .queryParam("from", "0001-01-01").queryParam("to", "9999-12-31")
                .when().get("/api/v1/assessments").then().statusCode(200).body("total", equalTo(0));
    }

    private static OffsetDateTime at(String time) {
        return OffsetDateTime.parse(time);
    }
}
