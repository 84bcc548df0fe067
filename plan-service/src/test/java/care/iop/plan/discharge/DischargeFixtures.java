package care.iop.plan.discharge;

import static care.iop.plan.support.PlanFixtures.post;
import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.support.PlanFixtures;
import care.iop.plan.support.ReadModelProbe;
import care.iop.testing.TestTokens;
import io.restassured.response.ValidatableResponse;

/** Plans with objectives, assessments at given days and the discharge-summary API, for the discharge tests. */
final class DischargeFixtures {
    static final String PATH = "/api/v1/patients/%s/discharge-summary";

    private DischargeFixtures() {
    }

    static String path(UUID patientId) {
        return PATH.formatted(patientId);
    }

    /** A plan from {@code start} (2.1, 9.33 h) with objectives O1 met, O2 not-met, O3 in-progress, O4 revised; returns its id. */
    static String planWithObjectives(UUID patientId, UUID clinicianId, LocalDate start) {
        String body = "{\"patientId\":\"" + patientId + "\",\"primaryClinicianId\":\"" + clinicianId + "\",\"levelOfCare\":\"2.1\","
                + "\"startDate\":\"" + start + "\",\"durationWeeks\":12,\"reviewIntervalDays\":30,"
                + "\"problems\":[{\"code\":\"F32.1\",\"display\":\"Major depressive disorder, single episode, moderate\","
                + "\"goals\":[{\"id\":\"G1\",\"description\":\"Mood lifts\",\"objectives\":["
                + objective("O1", "PHQ-9 below 10", "\"kind\":\"SCORE\",\"instrument\":\"PHQ9\",\"target\":9", start.plusDays(20), "met") + ","
                + objective("O2", "Attends 3 groups a week", "\"kind\":\"ATTENDANCE\",\"sessionsPerWeek\":3,\"weeks\":4", start.plusDays(28),
                        "not-met") + ","
                + objective("O3", "Calls a friend", "\"kind\":\"BEHAVIOUR\",\"behaviour\":\"calls a friend twice a week\"", start.plusDays(40),
                        "in-progress") + ","
                + objective("O4", "Old objective", "\"kind\":\"BEHAVIOUR\",\"behaviour\":\"replaced\"", start.plusDays(40), "revised")
                + "]}]}],\"modality\":" + PlanFixtures.modality(1, 50, 8.5, 0) + ",\"rationale\":\"Comfortable in groups\"}";
        return post("clinician", PlanFixtures.PLANS, body).statusCode(201).extract().path("id");
    }

    private static String objective(String id, String description, String kind, LocalDate target, String status) {
        return "{\"id\":\"" + id + "\",\"description\":\"" + description + "\"," + kind + ",\"targetDate\":\"" + target
                + "\",\"status\":\"" + status + "\"}";
    }

    /** Records an assessment taken at noon (program time) on {@code day} with this total (PHQ-9 item 9 stays 0). */
    static void assessment(UUID patientId, Instrument instrument, LocalDate day, int total) {
        OffsetDateTime takenAt = day.atTime(LocalTime.NOON).atZone(PlanFixtures.PROGRAM_ZONE).toOffsetDateTime();
        post("clinician", "/api/v1/assessments", "{\"patientId\":\"" + patientId + "\",\"instrument\":\"" + instrument + "\",\"answers\":"
                + answers(instrument, total) + ",\"takenAt\":\"" + takenAt + "\"}").statusCode(201);
    }

    private static List<Integer> answers(Instrument instrument, int total) {
        List<Integer> answers = new ArrayList<>();
        int left = total;
        for (int i = 0; i < instrument.items(); i++) {
            int value = instrument == Instrument.PHQ9 && i == 8 ? 0 : Math.min(3, left);
            answers.add(value);
            left -= value;
        }
        if (left > 0) {
            throw new IllegalArgumentException("Total too high for " + instrument);
        }
        return answers;
    }

    static long summaries(DataSource ds, UUID patientId) {
        return ReadModelProbe.count(ds, "select count(*) from discharge_summary where patient_id = ?", patientId);
    }

    static ValidatableResponse put(String token, UUID patientId, String ifMatch, String body) {
        var request = given().header("Authorization", "Bearer " + token).contentType("application/json").body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().put(path(patientId)).then();
    }

    static ValidatableResponse sign(String token, UUID patientId) {
        return given().header("Authorization", "Bearer " + token).when().post(path(patientId) + "/signature").then();
    }

    static ValidatableResponse get(String token, UUID patientId) {
        return given().header("Authorization", "Bearer " + token).when().get(path(patientId)).then();
    }

    static String staff(String role) {
        return TestTokens.forRole(role);
    }
}
