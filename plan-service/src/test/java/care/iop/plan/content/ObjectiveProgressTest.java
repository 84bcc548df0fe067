package care.iop.plan.content;

import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.PROGRAM_ZONE;
import static care.iop.plan.support.PlanFixtures.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import care.iop.plan.support.PlanFixtures;
import care.iop.plan.support.StructureFixtures;
import care.iop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** SCORE objectives against the assessments: the latest score against the target, met or not by the target date. */
@QuarkusTest
class ObjectiveProgressTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** Answers adding up to {@code total}: items at 3 from the first, the last item (PHQ-9 item 9) left at 0. */
    private static List<Integer> answers(int items, int total) {
        List<Integer> answers = new ArrayList<>();
        int left = total;
        for (int i = 0; i < items; i++) {
            int value = i == items - 1 ? 0 : Math.min(3, left);
            answers.add(value);
            left -= value;
        }
        if (left != 0) {
            throw new IllegalArgumentException("cannot reach " + total);
        }
        return answers;
    }

    private static OffsetDateTime at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(PROGRAM_ZONE).toOffsetDateTime();
    }

    private static String objective(String id, String instrument, int target, LocalDate targetDate) {
        return "{\"id\":\"" + id + "\",\"description\":\"" + instrument + " at most " + target + "\",\"kind\":\"SCORE\",\"instrument\":\""
                + instrument + "\",\"target\":" + target + ",\"targetDate\":\"" + targetDate + "\"}";
    }

    @Test
    void scoreObjectivesAreMetOrNotByTheirTargetDateAndGoalProgressStillWorks() {
        PlanFixtures fixtures = new PlanFixtures(bootstrap, ds);
        UUID[] ids = fixtures.patientAndClinician();
        UUID patient = ids[0];
        LocalDate today = PlanFixtures.today();
        LocalDate start = today.minusWeeks(8);
        LocalDate targetDate = start.plusDays(28);
        LocalDate later = today.plusDays(14);
        String body = "{\"patientId\":\"" + patient + "\",\"primaryClinicianId\":\"" + ids[1] + "\",\"levelOfCare\":\"2.1\",\"startDate\":\""
                + start + "\",\"durationWeeks\":12,"
                + "\"problems\":[{\"id\":\"P1\",\"code\":\"F32.1\",\"display\":\"Depression\",\"goals\":[{\"id\":\"G1\",\"description\":\"Mood lifts\","
                + "\"measure\":{\"instrument\":\"PHQ9\",\"target\":9},\"objectives\":[" + objective("O1", "PHQ9", 9, targetDate) + ","
                + objective("O3", "PHQ9", 5, later) + "," + objective("O4", "AUDIT", 7, later) + ","
                + "{\"id\":\"B1\",\"description\":\"Walks\",\"kind\":\"BEHAVIOUR\",\"behaviour\":\"walks daily\",\"targetDate\":\"" + later
                + "\",\"status\":\"in-progress\"}]}]}],"
                + "\"goals\":[{\"id\":\"G2\",\"description\":\"Less anxiety\",\"measure\":{\"instrument\":\"GAD7\",\"target\":4},\"objectives\":["
                + objective("O2", "GAD7", 4, targetDate) + "," + objective("O5", "GAD7", 9, later).replace("}", ",\"status\":\"met\"}") + "]}],"
                + StructureFixtures.INTERVENTIONS.replace(",\"O2\"", "").replace("\"objectiveIds\":[\"O1\"]", "\"objectiveIds\":[\"O1\",\"O5\"]") + "}";
        String planId = post("clinician", PLANS, body).statusCode(201).extract().path("id");
        String url = PLANS + "/" + planId + "/progress";

        given().header("Authorization", TestTokens.bearer("clinician")).when().get(url).then().statusCode(200)
                .body("objectives.id", contains("O1", "O3", "O4", "O2", "O5"))
                .body("objectives.measuredStatus", contains("not-met", "not-started", "not-started", "not-met", "not-started"))
                .body("objectives[0]", not(hasKey("latest")));

        StructureFixtures.phq9(patient, answers(9, 18), at(start.plusDays(1), 10, 0));
        StructureFixtures.phq9(patient, answers(9, 12), at(start.plusDays(14), 10, 0));
        String onTheDay = StructureFixtures.phq9(patient, answers(9, 9), at(targetDate, 23, 30)).getString("id");
        String afterwards = StructureFixtures.phq9(patient, answers(9, 15), at(start.plusDays(35), 10, 0)).getString("id");
        StructureFixtures.score(patient, "GAD7", answers(7, 10), at(start.plusDays(2), 10, 0));
        StructureFixtures.score(patient, "GAD7", answers(7, 3), at(targetDate.plusDays(1), 0, 30));

        given().header("Authorization", TestTokens.bearer("clinician")).when().get(url).then().statusCode(200)
                .body("objectives.path", contains("problems[0].goals[0].objectives[0]", "problems[0].goals[0].objectives[1]",
                        "problems[0].goals[0].objectives[2]", "goals[0].objectives[0]", "goals[0].objectives[1]"))
                // O1: the score of the target date's last half hour (9, at the target) decides; the later 15 does not undo it
                .body("objectives[0].measuredStatus", equalTo("met"))
                .body("objectives[0].scores", equalTo(4))
                .body("objectives[0].baseline.total", equalTo(18))
                .body("objectives[0].byTargetDate.assessmentId", equalTo(onTheDay))
                .body("objectives[0].latest.assessmentId", equalTo(afterwards))
                .body("objectives[0].targetDate", equalTo(targetDate.toString()))
                .body("objectives[0].status", equalTo("not-started"))
                // O3: the date is ahead and the latest 15 is above 5
                .body("objectives[1].measuredStatus", equalTo("in-progress"))
                // O4: no AUDIT yet, date ahead
                .body("objectives[2].measuredStatus", equalTo("not-started"))
                .body("objectives[2].scores", equalTo(0))
                // O2: 10 by the target date; the 3 half an hour after it is too late
                .body("objectives[3].measuredStatus", equalTo("not-met"))
                .body("objectives[3].byTargetDate.total", equalTo(10))
                .body("objectives[3].latest.total", equalTo(3))
                // O5: met before its date (3 at or below 9); the recorded status stays the clinicians'
                .body("objectives[4].measuredStatus", equalTo("met"))
                .body("objectives[4].status", equalTo("met"))
                // goals: the plan's own goals keep their index, a problem's measured goal has a path instead
                .body("goals.id", contains("G2", "G1"))
                .body("goals[0].index", equalTo(0))
                .body("goals[0].path", equalTo("goals[0]"))
                .body("goals[0].achievementStatus", equalTo("achieved"))
                .body("goals[1].index", nullValue())
                .body("goals[1].path", equalTo("problems[0].goals[0]"))
                .body("goals[1].baseline.total", equalTo(18))
                .body("goals[1].latest.total", equalTo(15))
                .body("goals[1].achievementStatus", equalTo("improving"));
    }
}
