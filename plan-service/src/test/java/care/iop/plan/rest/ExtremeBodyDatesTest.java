package care.iop.plan.rest;

import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.post;
import static care.iop.plan.support.PlanFixtures.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import care.iop.plan.support.PlanFixtures;
import care.iop.plan.support.ReadModelProbe;
import care.iop.plan.support.StructureFixtures;
import care.iop.platform.json.StorableDates;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Dates in request bodies outside the years 1-9999 (ISO 8601 lets {@code +999999999-12-31} through) are a 400 naming the
 * field on every new date field of issues 20 and 21, before any rule runs, and nothing is stored.
 */
@QuarkusTest
class ExtremeBodyDatesTest {
    static final List<String> EXTREME_DAYS = List.of("+999999999-12-31", "-999999999-01-01", "+10000-01-01", "0000-12-31");

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aPlansStartAndAnObjectivesTargetDate() {
        UUID[] ids = new PlanFixtures(bootstrap, ds).patientAndClinician();
        String valid = StructureFixtures.createBody(ids[0], ids[1], StructureFixtures.PROBLEMS, StructureFixtures.INTERVENTIONS);
        for (String day : EXTREME_DAYS) {
            problem(post("clinician", PLANS, valid.replace(PlanFixtures.START, day)), "startDate");
            problem(post("clinician", PLANS, valid.replace("2027-01-11", day)), "problems[0].goals[0].objectives[0].targetDate");
        }
        assertThat(ReadModelProbe.count(ds, "select count(*) from care_plan where patient_id = ?", ids[0])).isZero();
        post("clinician", PLANS, valid.replace("2027-01-11", "2026-12-28")).statusCode(201); // the same body with a sane date
    }

    @Test
    void aLevelChangeARiskScreenADischargeSummaryAndAnAssessment() {
        UUID someone = UUID.randomUUID();
        for (String day : EXTREME_DAYS) {
            problem(post("clinician", "/api/v1/episodes/" + someone + "/level-changes",
                    "{\"toLevel\":\"1\",\"effectiveOn\":\"" + day + "\",\"reason\":\"Clinical\"}"), "effectiveOn");
            problem(put("clinician", "/api/v1/patients/" + someone + "/discharge-summary", "{\"dischargedOn\":\"" + day + "\"}"),
                    "dischargedOn");
            String instant = day + "T12:00:00Z";
            problem(post("clinician", "/api/v1/risk-screens", "{\"patientId\":\"" + someone + "\",\"takenAt\":\"" + instant
                    + "\",\"answers\":[true,false,false,false,false,false]}"), "takenAt");
            problem(post("clinician", "/api/v1/assessments", "{\"patientId\":\"" + someone + "\",\"instrument\":\"PHQ9\",\"takenAt\":\""
                    + instant + "\",\"answers\":[0,0,0,0,0,0,0,0,0]}"), "takenAt");
        }
        // 9999-12-31 in New York is already year 10000 in UTC: stored as UTC, it is out of range too
        problem(post("clinician", "/api/v1/risk-screens", "{\"patientId\":\"" + someone + "\",\"takenAt\":\"9999-12-31T23:00:00-05:00\","
                + "\"answers\":[true,false,false,false,false,false]}"), "takenAt");
        assertThat(ReadModelProbe.count(ds, "select count(*) from risk_screen where patient_id = ?", someone)).isZero();
        assertThat(ReadModelProbe.count(ds, "select count(*) from assessment where patient_id = ?", someone)).isZero();
    }

    private static void problem(io.restassured.response.ValidatableResponse response, String field) {
        response.statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", contains(field)).body("errors.message", contains(StorableDates.MESSAGE));
    }
}
