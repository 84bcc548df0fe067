package care.iop.plan.outcomes;

import static care.iop.plan.outcomes.OutcomeFixtures.CLINICIAN;
import static care.iop.plan.outcomes.OutcomeFixtures.answersWithTotal;
import static care.iop.plan.outcomes.OutcomeFixtures.record;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import care.iop.events.ClinicianState;
import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.ReadModelProbe;
import care.iop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Goal progress of a plan created through the plan API, as scores arrive. */
@QuarkusTest
class PlanProgressTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void progressFollowsTheScoresSincePlanStart() {
        UUID patient = OutcomeFixtures.knownPatient(bootstrap, ds);
        String planId = plan(patient);
        String url = "/api/v1/plans/" + planId + "/progress";

        // No score yet: in progress; the goal without a measure is not listed.
        given().header("Authorization", CLINICIAN).when().get(url).then().statusCode(200)
                .body("planId", equalTo(planId)).body("patientId", equalTo(patient.toString()))
                .body("planStart", equalTo("2026-01-05"))
                .body("goals.instrument", contains("PHQ9", "GAD7", "AUDIT"))
                .body("goals.index", contains(0, 1, 3))
                .body("goals[0].scores", equalTo(0)).body("goals[0].achievementStatus", equalTo("in-progress"))
                .body("goals[0]", not(hasKey("baseline")));

        // Before plan start: never the baseline.
        record(patient, Instrument.PHQ9, answersWithTotal(Instrument.PHQ9, 23), at("2026-01-04T23:00:00Z"));
        String baselineId = record(patient, Instrument.PHQ9, answersWithTotal(Instrument.PHQ9, 18), at("2026-01-05T09:00:00Z"));
        given().header("Authorization", CLINICIAN).when().get(url).then().statusCode(200)
                .body("goals[0].scores", equalTo(1))
                .body("goals[0].baseline.assessmentId", equalTo(baselineId))
                .body("goals[0].baseline.total", equalTo(18)).body("goals[0].baseline.band", equalTo("MODERATELY_SEVERE"))
                .body("goals[0].latest.total", equalTo(18))
                .body("goals[0].change", equalTo(0)).body("goals[0].achievementStatus", equalTo("in-progress"));

        // 18 → 20: worsening; +2 of 18 = +11.1 %.
        record(patient, Instrument.PHQ9, answersWithTotal(Instrument.PHQ9, 20), at("2026-01-19T09:00:00Z"));
        given().header("Authorization", CLINICIAN).when().get(url).then().statusCode(200)
                .body("goals[0].change", equalTo(2)).body("goals[0].percentChange", equalTo(11.1f))
                .body("goals[0].response", equalTo(false)).body("goals[0].remission", equalTo(false))
                .body("goals[0].achievementStatus", equalTo("worsening"));

        // 18 → 18: no change.
        record(patient, Instrument.PHQ9, answersWithTotal(Instrument.PHQ9, 18), at("2026-02-02T09:00:00Z"));
        given().header("Authorization", CLINICIAN).when().get(url).then().statusCode(200)
                .body("goals[0].change", equalTo(0)).body("goals[0].percentChange", equalTo(0.0f))
                .body("goals[0].achievementStatus", equalTo("no-change"));

        // 18 → 11: improving, -38.9 %, no response (11 > 9), target 9 not reached.
        record(patient, Instrument.PHQ9, answersWithTotal(Instrument.PHQ9, 11), at("2026-02-16T09:00:00Z"));
        given().header("Authorization", CLINICIAN).when().get(url).then().statusCode(200)
                .body("goals[0].change", equalTo(-7)).body("goals[0].percentChange", equalTo(-38.9f))
                .body("goals[0].response", equalTo(false)).body("goals[0].achievementStatus", equalTo("improving"));

        // 18 → 4: achieved (≤ 9), response (4 ≤ 9), remission (< 5), -77.8 %.
        String latestId = record(patient, Instrument.PHQ9, answersWithTotal(Instrument.PHQ9, 4), at("2026-03-02T09:00:00Z"));
        given().header("Authorization", CLINICIAN).when().get(url).then().statusCode(200)
                .body("goals[0].scores", equalTo(5))
                .body("goals[0].latest.assessmentId", equalTo(latestId)).body("goals[0].latest.band", equalTo("MINIMAL"))
                .body("goals[0].change", equalTo(-14)).body("goals[0].percentChange", equalTo(-77.8f))
                .body("goals[0].response", equalTo(true)).body("goals[0].remission", equalTo(true))
                .body("goals[0].achievementStatus", equalTo("achieved"))
                // GAD-7 has no score yet.
                .body("goals[1].achievementStatus", equalTo("in-progress"));

        // A score after the plan's end (2026-03-30, 12 weeks) belongs to whatever came next, not to this plan.
        record(patient, Instrument.PHQ9, answersWithTotal(Instrument.PHQ9, 21), at("2026-03-30T14:00:00Z"));
        given().header("Authorization", CLINICIAN).when().get(url).then().statusCode(200)
                .body("goals[0].scores", equalTo(5))
                .body("goals[0].latest.assessmentId", equalTo(latestId))
                .body("goals[0].achievementStatus", equalTo("achieved"));

        record(patient, Instrument.AUDIT, answersWithTotal(Instrument.AUDIT, 12), at("2026-01-06T09:00:00Z"));
        record(patient, Instrument.AUDIT, answersWithTotal(Instrument.AUDIT, 6), at("2026-02-06T09:00:00Z"));
        given().header("Authorization", CLINICIAN).when().get(url).then().statusCode(200)
                .body("goals[2].change", equalTo(-6)).body("goals[2].percentChange", equalTo(-50.0f))
                .body("goals[2].response", equalTo(true)).body("goals[2]", not(hasKey("remission")))
                .body("goals[2].achievementStatus", equalTo("achieved"))
                .body("goals[2].target", equalTo(7.0f));

        // The patient reads its own plan's progress; another patient gets 404; a scheduler is refused.
        given().header("Authorization", "Bearer " + TestTokens.patient(patient)).when().get(url).then().statusCode(200);
        given().header("Authorization", "Bearer " + TestTokens.patient(UUID.randomUUID())).when().get(url).then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("scheduler")).when().get(url).then().statusCode(403);
        given().header("Authorization", CLINICIAN).when().get("/api/v1/plans/" + UUID.randomUUID() + "/progress").then()
                .statusCode(404).contentType("application/problem+json");
        given().header("Authorization", CLINICIAN).when().get("/api/v1/plans/not-a-uuid/progress").then().statusCode(400)
                .body("errors.field", contains("id"));
        org.assertj.core.api.Assertions.assertThat(ReadModelProbe.count(ds,
                "select count(*) from audit_event where resource_type = 'PlanProgress' and resource_id = ?", planId)).isGreaterThanOrEqualTo(8);
    }

    private String plan(UUID patient) {
        ClinicianState clinician = EventFixtures.clinician(UUID.randomUUID());
        EventFixtures.on(bootstrap).clinicianRegistered(clinician);
        ReadModelProbe.awaitClinician(ds, clinician.clinicianId(), clinician.version());
        String body = """
                {"patientId":"%s","primaryClinicianId":"%s","levelOfCare":"2.1","startDate":"2026-01-05","durationWeeks":12,
                 "goals":[{"description":"Reduce depressive symptoms","measure":{"instrument":"PHQ9","target":9,"dueDate":"2026-03-30"}},
                          {"description":"Less anxiety","measure":{"instrument":"GAD7","target":4}},
                          {"description":"Attend every group"},
                          {"description":"Drink less","measure":{"instrument":"AUDIT","target":7}}]}
                """.formatted(patient, clinician.clinicianId());
        return given().header("Authorization", CLINICIAN).contentType("application/json").body(body)
                .when().post("/api/v1/plans").then().statusCode(201).extract().path("id");
    }

    private static OffsetDateTime at(String time) {
        return OffsetDateTime.parse(time);
    }

}
