package care.iop.plan.episode;

import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.changeStatus;
import static care.iop.plan.support.PlanFixtures.get;
import static care.iop.plan.support.PlanFixtures.modality;
import static care.iop.plan.support.PlanFixtures.planBody;
import static care.iop.plan.support.PlanFixtures.post;
import static care.iop.plan.support.ReadModelProbe.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.plan.support.PlanFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Below the level's minimum only while stepping down, for iop.plan.step-down-tolerance (P14D): the step-down's first day
 * is day 1, days 1 to 14 are tolerated, from day 15 a change below the minimum is refused and the plan shows as a
 * "step-down-tolerance-over" dose alert. belowMinimumJustification no longer exempts.
 */
@QuarkusTest
class StepDownToleranceTest {
    /** A Monday: the step-down's day 1. Day 14 is Sunday 2026-12-20, day 15 Monday 2026-12-21 (ISO week 2026-W52). */
    static final String DAY_1 = "2026-12-07";

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
    }

    private static ValidatableResponse switchTo(String plan, String modalityJson, String effectiveFrom, String extra) {
        return post("clinician", PLANS + "/" + plan + "/modality-changes", "{\"modality\":" + modalityJson
                + ",\"reason\":\"stepping down towards outpatient care\",\"effectiveFrom\":\"" + effectiveFrom + "\"" + (extra == null ? "" : extra) + "}");
    }

    /** The kinds of the dose alerts of this plan in the ISO week. */
    private static List<String> alertKinds(String plan, String week) {
        List<Map<String, Object>> alerts = get("clinician", PLANS + "/dose-alerts?week=" + week).statusCode(200).extract().jsonPath().getList("");
        return alerts.stream().filter(a -> plan.equals(a.get("planId"))).map(a -> (String) a.get("kind")).sorted().toList();
    }

    private long changesOf(String plan) {
        return count(ds, "select count(*) from plan_modality_change where plan_id = ?", UUID.fromString(plan));
    }

    @Test
    void aSwitchThatLowersTheHoursIsToleratedForFourteenDaysThenItIsADoseAlert() {
        String plan = fixtures.draftPlan(); // 9.33 h from 2026-11-30
        PlanFixtures.activate(plan).statusCode(200);
        switchTo(plan, modality(1, 60, 5, 0), DAY_1, null).statusCode(201);
        get("clinician", PLANS + "/" + plan).statusCode(200).body("stepDownSince", equalTo(DAY_1));

        // day 15: refused, naming the field and the last tolerated day; nothing written
        switchTo(plan, modality(1, 60, 4, 0), "2026-12-21", null).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("modality"))
                .body("detail", containsString("the step-down since 2026-12-07 was tolerated for 14 days, until 2026-12-20"));
        assertThat(changesOf(plan)).isEqualTo(1);
        // day 14: still tolerated; a further lowering does not restart the tolerance
        switchTo(plan, modality(1, 60, 4, 0), "2026-12-20", null).statusCode(201);
        get("clinician", PLANS + "/" + plan).statusCode(200).body("stepDownSince", equalTo(DAY_1));

        // before the step-down the attendance alert is raised; within the tolerance it is not; from day 15 the plan is an alert
        assertThat(alertKinds(plan, "2026-W49")).containsExactly("attended-below-minimum");
        assertThat(alertKinds(plan, "2026-W50")).isEmpty();
        assertThat(alertKinds(plan, "2026-W51")).isEmpty();
        assertThat(alertKinds(plan, "2026-W52")).containsExactly("attended-below-minimum", "step-down-tolerance-over");
        get("scheduler", PLANS + "/dose-alerts?week=2026-W52").statusCode(200)
                .body("find { it.planId == '" + plan + "' && it.kind == 'step-down-tolerance-over' }.stepDownSince", equalTo(DAY_1))
                .body("find { it.planId == '" + plan + "' && it.kind == 'step-down-tolerance-over' }.detail",
                        equalTo("Plan " + plan + " is planned at 5 h a week on 2026-12-21, below the 9 h minimum of level 2.1: stepping down"
                                + " since 2026-12-07, the step-down tolerance ended on 2026-12-21"));

        // back at the minimum: the step-down is over, and so is the alert
        switchTo(plan, modality(1, 50, 8.5, 0), "2026-12-21", null).statusCode(201);
        get("clinician", PLANS + "/" + plan).statusCode(200).body("stepDownSince", nullValue());
        assertThat(alertKinds(plan, "2026-W52")).containsExactly("attended-below-minimum");
    }

    @Test
    void aJustificationNoLongerExemptsAMixBelowTheMinimumThatIsNoStepDown() {
        UUID[] ids = fixtures.patientAndClinician();
        post("clinician", PLANS, planBody(ids[0], ids[1], modality(1, 60, 5, 0), ",\"belowMinimumJustification\":\"Not ready for more\""))
                .statusCode(422).body("errors[0].field", equalTo("modality"))
                .body("detail", containsString("allowed only while stepping down"));
        String plan = fixtures.createPlan(ids[0], ids[1], modality(1, 60, 5, 4)); // 9.33 h
        switchTo(plan, modality(1, 60, 7, 0), DAY_1, null).statusCode(201); // lowers 9.33 -> 8 h: a step-down
        get("clinician", PLANS + "/" + plan).statusCode(200).body("stepDownSince", equalTo(DAY_1))
                .body("belowMinimumJustification", nullValue());
        // on day 15 raising the hours but staying below is refused: a justification (still accepted) does not exempt
        switchTo(plan, modality(1, 60, 7.5, 0), "2026-12-21", ",\"belowMinimumJustification\":\"still tapering\"")
                .statusCode(422).body("errors[0].field", equalTo("modality"));
        assertThat(changesOf(plan)).isEqualTo(1);
    }
}
