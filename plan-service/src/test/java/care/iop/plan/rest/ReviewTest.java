package care.iop.plan.rest;

import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.changeStatus;
import static care.iop.plan.support.PlanFixtures.get;
import static care.iop.plan.support.PlanFixtures.post;
import static care.iop.plan.support.ReadModelProbe.EVENT_TIMEOUT;
import static care.iop.testing.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.plan.support.PlanFixtures;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReviewTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
    }

    @Test
    void aReviewMovesTheNextReviewDateAndIsPublished() {
        String plan = fixtures.draftPlan();
        changeStatus(plan, "active").statusCode(200);
        get("clinician", PLANS + "/" + plan).body("nextReviewDue", equalTo("2026-12-30"));
        LocalDate today = LocalDate.now();
        post("clinician", PLANS + "/" + plan + "/reviews", "{\"summary\":\"PHQ-9 down from 16 to 11\",\"decision\":\"CONTINUE\",\"reviewedOn\":\"" + today + "\"}")
                .statusCode(201).body("decision", equalTo("CONTINUE")).body("nextReviewDue", equalTo(today.plusDays(30).toString()))
                .body("recordedBy", equalTo("test-clinician"));
        get("clinician", PLANS + "/" + plan).body("nextReviewDue", equalTo(today.plusDays(30).toString()));
        post("clinician", PLANS + "/" + plan + "/reviews", "{\"summary\":\"Ready to step down\",\"decision\":\"STEP_DOWN\"}").statusCode(201);
        get("scheduler", PLANS + "/" + plan + "/reviews").statusCode(200).body("", hasSize(2)).body("[1].decision", equalTo("STEP_DOWN"));
        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> assertThat(new TopicReader(bootstrap).readByKey(Topics.PLANS, plan))
                .extracting(r -> header(r, "ce_type")).contains(EventTypes.PLAN_REVIEW_RECORDED));
    }

    @Test
    void badReviewsAreRefused() {
        String plan = fixtures.draftPlan();
        post("clinician", PLANS + "/" + plan + "/reviews", "{\"summary\":\"x\",\"decision\":\"MAYBE\"}").statusCode(400)
                .body("errors[0].field", equalTo("decision"));
        post("clinician", PLANS + "/" + plan + "/reviews", "{\"decision\":\"CONTINUE\"}").statusCode(400).body("errors[0].field", equalTo("summary"));
        post("clinician", PLANS + "/" + plan + "/reviews", "{\"summary\":\"x\",\"decision\":\"CONTINUE\",\"reviewedOn\":\"2999-01-01\"}")
                .statusCode(400).body("errors[0].field", equalTo("reviewedOn"));
        changeStatus(plan, "entered-in-error").statusCode(200);
        post("clinician", PLANS + "/" + plan + "/reviews", "{\"summary\":\"x\",\"decision\":\"CONTINUE\"}").statusCode(409);
        get("clinician", PLANS + "/" + plan + "/reviews").statusCode(200).body("", hasSize(0));
    }
}
