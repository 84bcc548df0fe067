package care.iop.plan.episode;

import static care.iop.plan.episode.EpisodeFixtures.EPISODES;
import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.changeStatus;
import static care.iop.plan.support.PlanFixtures.get;
import static care.iop.plan.support.PlanFixtures.modality;
import static care.iop.plan.support.PlanFixtures.planBody;
import static care.iop.plan.support.PlanFixtures.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.events.EpisodeState;
import care.iop.events.EventTypes;
import care.iop.events.PlanState;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.plan.support.ReadModelProbe;
import care.iop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Level-of-care transitions of an episode: dated, 2.5 -> 2.1 -> 1 and back up, each under the new level's hour rules,
 * applied to the current plan (level, mix, modality history, dose minimum by date) and published; every refusal writes
 * no transition and no event.
 */
@QuarkusTest
class LevelChangeTest {
    static final LocalDate ADMITTED = LocalDate.parse("2026-11-30");
    static final String PHQ9 = "[1,1,1,1,1,1,1,1,0]";

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
    }

    /** An adult admitted on 2026-11-30 at {@code level}, with group consent; its episode's id. */
    private UUID[] admitted(String level) {
        UUID patient = fixtures.register(EventFixtures.patient(UUID.randomUUID()).levelOfCare(level).admittedOn(ADMITTED).build()).patientId();
        return new UUID[] { patient, EpisodeFixtures.awaitEpisodes(ds, patient, 1) };
    }

    /** An active plan at 2.5 (2 x 60 min individual + 18 h group = 20 h) from 2026-11-30, 12 weeks. */
    private String activePlanAtTwoFive(UUID patient) {
        String plan = post("clinician", PLANS, planBody(patient, fixtures.clinician(), modality(2, 60, 18, 0), null)
                .replace("\"levelOfCare\":\"2.1\"", "\"levelOfCare\":\"2.5\"")).statusCode(201).extract().path("id");
        PlanFixtures.activate(plan).statusCode(200);
        return plan;
    }

    private static ValidatableResponse change(UUID episode, String body) {
        return post("clinician", EPISODES + "/" + episode + "/level-changes", body);
    }

    private static String body(String toLevel, String effectiveOn, String modalityJson, String extra) {
        return "{\"toLevel\":\"" + toLevel + "\",\"effectiveOn\":\"" + effectiveOn + "\",\"reason\":\"ASAM reassessment\""
                + (modalityJson == null ? "" : ",\"modality\":" + modalityJson) + (extra == null ? "" : extra) + "}";
    }

    private static String assessment(UUID patient) {
        return post("clinician", "/api/v1/assessments", "{\"patientId\":\"" + patient + "\",\"instrument\":\"PHQ9\",\"answers\":" + PHQ9
                + ",\"takenAt\":\"" + OffsetDateTime.now().minusHours(1) + "\"}").statusCode(201).extract().path("id");
    }

    private void nothingChanged(UUID patient, UUID episode, long transitions) {
        assertThat(EpisodeFixtures.transitions(ds, episode)).isEqualTo(transitions);
        assertThat(EpisodeFixtures.events(ds, bootstrap, patient, EventTypes.EPISODE_LEVEL_CHANGED)).isEqualTo(transitions);
    }

    @Test
    void aStepDownAndAStepUpChangeTheEpisodeAndThePlanUnderTheNewLevelsRules() throws Exception {
        UUID[] ids = admitted("2.5");
        UUID patient = ids[0];
        UUID episode = ids[1];
        get("clinician", EPISODES + "?patientId=" + patient).statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(episode.toString())).body("items[0].status", equalTo("open"))
                .body("items[0].admittedOn", equalTo("2026-11-30")).body("items[0].admissionSource", equalTo("admission"))
                .body("items[0].levelOfCare", equalTo("2.5")).body("items[0].firstPlanDueOn", equalTo("2026-12-07"));
        String plan = activePlanAtTwoFive(patient);
        get("clinician", PLANS + "/" + plan).statusCode(200).body("episodeId", equalTo(episode.toString()));
        String own = assessment(patient);
        String otherPatients = assessment(fixtures.patientAndClinician()[0]);

        // refusals: nothing written
        change(episode, body("2.5", "2026-12-14", null, null)).statusCode(409).body("detail", containsString("already at level 2.5"));
        change(episode, body("3", "2026-12-14", null, null)).statusCode(400).body("errors[0].field", equalTo("toLevel"));
        change(episode, "{\"toLevel\":\"2.1\"}").statusCode(400).body("errors[0].field", equalTo("reason"));
        change(episode, body("2.1", "2026-11-29", modality(1, 50, 11, 0), null)).statusCode(422)
                .body("errors[0].field", equalTo("effectiveOn")).body("detail", containsString("admission on 2026-11-30"));
        change(episode, body("2.1", "2026-12-14", modality(1, 50, 11, 0), ",\"assessmentId\":\"" + otherPatients + "\"")).statusCode(422)
                .body("errors[0].field", equalTo("assessmentId")).body("detail", containsString(otherPatients));
        change(episode, body("2.1", "2026-12-14", modality(1, 50, 11, 0), ",\"assessmentId\":\"" + UUID.randomUUID() + "\"")).statusCode(422)
                .body("errors[0].field", equalTo("assessmentId"));
        change(episode, body("2.1", "2026-12-14", null, null)).statusCode(422).body("errors[0].field", equalTo("modality"))
                .body("detail", equalTo("20 h a week is above the 19 h ceiling of level 2.1: level 2.5 fits"));
        change(episode, body("2.1", "2026-12-14", modality(1, 30, 19, 0), null)).statusCode(422).body("errors[0].field", equalTo("modality"))
                .body("detail", equalTo("19.5 h a week is above the 19 h ceiling of level 2.1: level 2.5 fits"));
        given().header("Authorization", TestTokens.bearer("clinician")).header("If-Match", "\"99\"").contentType("application/json")
                .body(body("2.1", "2026-12-14", modality(1, 50, 11, 0), null)).post(EPISODES + "/" + episode + "/level-changes")
                .then().statusCode(412);
        nothingChanged(patient, episode, 0);
        get("clinician", PLANS + "/" + plan).statusCode(200).body("levelOfCare", equalTo("2.5")).body("modality.weeklyHours", equalTo(20.0f));

        // step down 2.5 -> 2.1 from 2026-12-14 with a mix meeting the 9 h minimum
        String etag = get("clinician", EPISODES + "/" + episode).statusCode(200).extract().header("ETag");
        String stepDown = given().header("Authorization", TestTokens.bearer("clinician")).header("If-Match", etag).contentType("application/json")
                .body(body("2.1", "2026-12-14", modality(1, 50, 11, 0), ",\"assessmentId\":\"" + own + "\""))
                .post(EPISODES + "/" + episode + "/level-changes").then().statusCode(201)
                .header("Location", containsString(EPISODES + "/" + episode))
                .body("levelOfCare", equalTo("2.1"))
                .body("levelChanges", hasSize(1))
                .body("levelChanges[0].fromLevel", equalTo("2.5")).body("levelChanges[0].toLevel", equalTo("2.1"))
                .body("levelChanges[0].effectiveOn", equalTo("2026-12-14")).body("levelChanges[0].reason", equalTo("ASAM reassessment"))
                .body("levelChanges[0].assessmentId", equalTo(own)).body("levelChanges[0].planId", equalTo(plan))
                .body("levelChanges[0].recordedBy", equalTo("test-clinician"))
                .extract().header("ETag");
        assertThat(stepDown).isNotEqualTo(etag);
        get("clinician", PLANS + "/" + plan).statusCode(200).body("levelOfCare", equalTo("2.1")).body("minimumWeeklyHours", equalTo(9.0f))
                .body("modality.weeklyHours", equalTo(11.83f)).body("modalityEffectiveFrom", equalTo("2026-12-14"))
                .body("stepDownSince", nullValue())
                // the level change is a plan version to be signed again; the signed version 1 stays in force meanwhile
                .body("currentVersion", equalTo(2)).body("versionInForce", equalTo(1)).body("status", equalTo("active"));
        get("clinician", PLANS + "/" + plan + "/versions").statusCode(200)
                .body("number", contains(1, 2)).body("cause", contains("created", "level-change"));
        get("clinician", PLANS + "/" + plan + "/modality-changes").statusCode(200).body("", hasSize(1))
                .body("[0].effectiveFrom", equalTo("2026-12-14")).body("[0].reason", equalTo("Level of care 2.5 -> 2.1: ASAM reassessment"));
        EpisodeFixtures.awaitPublished(ds, bootstrap, patient, EventTypes.EPISODE_LEVEL_CHANGED, 1);
        EpisodeState state = EventFixtures.JSON.readValue(EpisodeFixtures.published(bootstrap, patient, EventTypes.EPISODE_LEVEL_CHANGED)
                .get(0).value(), EpisodeState.class);
        assertThat(state.levelOfCare()).isEqualTo("2.1");
        assertThat(state.levelChanges()).containsExactly(new EpisodeState.LevelChange("2.5", "2.1", LocalDate.parse("2026-12-14"),
                UUID.fromString(own)));
        assertThat(EpisodeFixtures.published(bootstrap, patient, EventTypes.PLAN_MODALITY_CHANGED)).singleElement()
                .satisfies(r -> assertThat(EventFixtures.JSON.readValue(r.value(), PlanState.class).levelOfCare()).isEqualTo("2.1"));

        // not before the last change; a step up must meet the higher level's minimum
        change(episode, body("2.5", "2026-12-13", modality(2, 60, 18, 0), null)).statusCode(422)
                .body("errors[0].field", equalTo("effectiveOn")).body("detail", containsString("last level change on 2026-12-14 (2.5 -> 2.1)"));
        change(episode, body("2.5", "2026-12-21", null, null)).statusCode(422).body("errors[0].field", equalTo("modality"))
                .body("detail", containsString("11.83 h a week is below the 20 h minimum of level 2.5"));
        nothingChanged(patient, episode, 1);
        change(episode, body("2.5", "2026-12-21", modality(2, 60, 18, 0), null)).statusCode(201).body("levelChanges", hasSize(2));

        // the dose's minimum follows the dated level: 20 h, then 9 h from 2026-12-14, 20 h again from 2026-12-21
        get("clinician", PLANS + "/" + plan + "/dose?from=2026-12-07&to=2026-12-27").statusCode(200)
                .body("minimumHours", org.hamcrest.Matchers.contains(20.0f, 9.0f, 20.0f));
    }

    @Test
    void aStepDownMayGoBelowTheMinimumForTheToleranceAndSoMayANewPlanAfterIt() {
        UUID[] ids = admitted("2.5");
        UUID patient = ids[0];
        UUID episode = ids[1];
        String plan = activePlanAtTwoFive(patient);
        // 2.5 -> 2.1 from 2026-12-07 at 6 h: under the 9 h minimum, tolerated as a step-down
        change(episode, body("2.1", "2026-12-07", modality(1, 60, 5, 0), null)).statusCode(201);
        get("clinician", PLANS + "/" + plan).statusCode(200).body("stepDownSince", equalTo("2026-12-07"));
        changeStatus(plan, "revoked").statusCode(200);

        // a new plan at the episode's level, under the minimum: day 14 of the step-down is tolerated, day 15 is not
        UUID clinician = fixtures.clinician();
        String dayFifteen = planBody(patient, clinician, modality(1, 60, 5, 0), null).replace(PlanFixtures.START, "2026-12-21");
        post("clinician", PLANS, dayFifteen).statusCode(422).body("errors[0].field", equalTo("modality"))
                .body("detail", containsString("tolerated for 14 days, until 2026-12-20"));
        String next = post("clinician", PLANS, planBody(patient, clinician, modality(1, 60, 5, 0), null).replace(PlanFixtures.START, "2026-12-20"))
                .statusCode(201).body("stepDownSince", equalTo("2026-12-07")).body("episodeId", equalTo(episode.toString()))
                .extract().path("id");
        // the episode has a level change: a plan at another level is refused until a level change records it
        post("clinician", PLANS, planBody(patient, clinician, modality(2, 60, 18, 0), null).replace("\"levelOfCare\":\"2.1\"", "\"levelOfCare\":\"2.5\""))
                .statusCode(422).body("errors[0].field", equalTo("levelOfCare")).body("detail", containsString("at level 2.1 since 2026-12-07"));
        // 2.1 -> 1 (no minimum): the step-down is over; the level change applies to the latest draft
        change(episode, body("1", "2026-12-21", null, null)).statusCode(201).body("levelChanges[1].planId", equalTo(next));
        get("clinician", PLANS + "/" + next).statusCode(200).body("levelOfCare", equalTo("1")).body("stepDownSince", nullValue());
    }

    @Test
    void aRepeatedPostWithItsIdempotencyKeyRecordsOneTransition() {
        UUID[] ids = admitted("2.1");
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", TestTokens.bearer("clinician")).header("Idempotency-Key", key).contentType("application/json")
                    .body(body("1", "2026-12-07", null, null)).post(EPISODES + "/" + ids[1] + "/level-changes")
                    .then().statusCode(201).body("levelOfCare", equalTo("1"));
        }
        assertThat(EpisodeFixtures.transitions(ds, ids[1])).isEqualTo(1);
        assertThat(ReadModelProbe.count(ds, "select count(*) from care_plan where patient_id = ?", ids[0])).isZero();
    }
}
