package care.iop.plan.support;

import static io.restassured.RestAssured.given;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import care.iop.testing.TestTokens;

/** Request parts of the plan's structure (problems -> goals -> objectives -> interventions) and scores for the proposal. */
public final class StructureFixtures {
    private StructureFixtures() {
    }

    /** A create body with the given extra fields (each ",\"x\":..." or a bare "\"x\":..." JSON member), level 2.1, 12 weeks from START. */
    public static String createBody(UUID patientId, UUID clinicianId, String... members) {
        StringBuilder body = new StringBuilder("{\"patientId\":\"" + patientId + "\",\"primaryClinicianId\":\"" + clinicianId
                + "\",\"levelOfCare\":\"2.1\",\"startDate\":\"" + PlanFixtures.START + "\",\"durationWeeks\":12");
        for (String member : members) {
            body.append(',').append(member);
        }
        return body.append('}').toString();
    }

    /** One depression problem with a goal holding a SCORE, an ATTENDANCE and a BEHAVIOUR objective (ids P1, G1, O1-O3). */
    public static final String PROBLEMS = """
            "problems":[{"id":"P1","code":"F32.1","display":"Major depressive disorder, single episode, moderate",
              "patientWords":"I can't get out of bed","goals":[{"id":"G1","description":"Mood lifts",
                "objectives":[
                  {"id":"O1","description":"PHQ-9 below 10 by week 6","kind":"SCORE","instrument":"PHQ9","target":9,"targetDate":"2027-01-11"},
                  {"id":"O2","description":"Attends 3 groups a week for 4 weeks","kind":"ATTENDANCE","sessionsPerWeek":3,"weeks":4,
                   "modality":"group","targetDate":"2026-12-28"},
                  {"id":"O3","description":"Walks 20 minutes a day","kind":"BEHAVIOUR","behaviour":"walks 20 minutes a day, logged",
                   "targetDate":"2027-02-22"}]}]}]""";

    /** 1 x 50 min individual serving O1 and 3 x 180 min group serving O1 and O2: 9.83 h. */
    public static final String INTERVENTIONS = """
            "interventions":[
              {"id":"I1","modality":"individual","description":"CBT for depression","sessionsPerWeek":1,"minutesPerSession":50,
               "objectiveIds":["O1"]},
              {"id":"I2","modality":"group","description":"Process and skills groups","sessionsPerWeek":3,"minutesPerSession":180,
               "durationWeeks":12,"objectiveIds":["O1","O2"]}]""";

    /** An intervention as JSON. */
    public static String intervention(String modality, int sessions, int minutes, String extra) {
        return "{\"modality\":\"" + modality + "\",\"sessionsPerWeek\":" + sessions + ",\"minutesPerSession\":" + minutes
                + (extra == null ? "" : "," + extra) + "}";
    }

    /** "\"interventions\":[...]" of the given interventions. */
    public static String interventions(String... interventions) {
        return "\"interventions\":[" + String.join(",", interventions) + "]";
    }

    /** Records a PHQ-9 with these nine answers as a clinician; returns the assessment's JSON path for its id and safetyFlagId. */
    public static io.restassured.path.json.JsonPath phq9(UUID patientId, List<Integer> answers, OffsetDateTime takenAt) {
        return score(patientId, "PHQ9", answers, takenAt);
    }

    public static io.restassured.path.json.JsonPath score(UUID patientId, String instrument, List<Integer> answers, OffsetDateTime takenAt) {
        String body = "{\"patientId\":\"" + patientId + "\",\"instrument\":\"" + instrument + "\",\"answers\":["
                + answers.stream().map(String::valueOf).collect(Collectors.joining(",")) + "],\"takenAt\":\"" + takenAt + "\"}";
        return given().header("Authorization", TestTokens.bearer("clinician")).contentType("application/json").body(body)
                .when().post("/api/v1/assessments").then().statusCode(201).extract().jsonPath();
    }

    /** Runs one SQL statement (to put a row in a state older code left it in). */
    public static void execute(javax.sql.DataSource ds, String sql, Object... args) {
        try (java.sql.Connection c = ds.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
