package care.iop.plan.rest;

import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.activate;
import static care.iop.plan.support.PlanFixtures.changeStatus;
import static care.iop.plan.support.PlanFixtures.get;
import static care.iop.plan.support.PlanFixtures.modality;
import static care.iop.plan.support.PlanFixtures.post;
import static care.iop.plan.support.ReadModelProbe.EVENT_TIMEOUT;
import static care.iop.plan.support.ReadModelProbe.count;
import static care.iop.testing.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import care.iop.events.EventTypes;
import care.iop.events.PlanState;
import care.iop.events.Topics;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class ModalitySwitchTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
    }

    private static ValidatableResponse switchTo(String planId, String modalityJson, String extra) {
        return post("clinician", PLANS + "/" + planId + "/modality-changes", "{\"modality\":" + modalityJson
                + ",\"reason\":\"ready for group work\",\"effectiveFrom\":\"2026-12-07\"" + (extra == null ? "" : extra) + "}");
    }

    private long changesOf(String planId) {
        return count(ds, "select count(*) from plan_modality_change where plan_id = ?", UUID.fromString(planId));
    }

    @Test
    void switchIsRecordedWithHistoryUpdatesThePlanAndPublishes() {
        UUID[] ids = fixtures.patientAndClinician();
        String plan = fixtures.createPlan(ids[0], ids[1], modality(3, 60, 6, 0));
        activate(plan).statusCode(200);
        switchTo(plan, modality(1, 50, 8.5, 0), null).statusCode(201)
                .body("from.individualSessionsPerWeek", equalTo(3))
                .body("to.groupHoursPerWeek", equalTo(8.5f))
                .body("effectiveFrom", equalTo("2026-12-07"))
                .body("changedBy", equalTo("test-clinician"));
        switchTo(plan, modality(2, 50, 7.5, 0), null).statusCode(201);

        get("clinician", PLANS + "/" + plan + "/modality-changes").statusCode(200).body("", hasSize(2))
                .body("[0].reason", equalTo("ready for group work"))
                .body("[0].from.groupHoursPerWeek", equalTo(6.0f)).body("[0].to.groupHoursPerWeek", equalTo(8.5f))
                .body("[1].from.groupHoursPerWeek", equalTo(8.5f)).body("[1].to.groupHoursPerWeek", equalTo(7.5f));
        get("clinician", PLANS + "/" + plan).statusCode(200).body("modality.groupHoursPerWeek", equalTo(7.5f))
                .body("modality.individualSessionsPerWeek", equalTo(2)).body("status", equalTo("active"));
        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> changed = new TopicReader(bootstrap).readByKey(Topics.PLANS, plan).stream()
                    .filter(r -> EventTypes.PLAN_MODALITY_CHANGED.equals(header(r, "ce_type"))).toList();
            assertThat(changed).hasSize(2);
            assertThat(changed.get(1).value()).contains("\"groupHoursPerWeek\":7.5").contains("\"status\":\"active\"");
            // the schedule tells session-service which mix is in force on which day: the initial mix until the
            // switch date, then the later of the two switches effective that day
            PlanState state = JSON.readValue(changed.get(1).value(), PlanState.class);
            assertThat(state.modalitySchedule()).extracting(PlanState.ModalityPeriod::from)
                    .containsExactly(LocalDate.parse(PlanFixtures.START), LocalDate.parse("2026-12-07"));
            assertThat(state.modalityOn(LocalDate.parse("2026-12-06")).groupHoursPerWeek()).isEqualTo(6.0);
            assertThat(state.modalityOn(LocalDate.parse("2026-12-07")).groupHoursPerWeek()).isEqualTo(7.5);
        });
    }

    private static ValidatableResponse switchOn(String planId, String modalityJson, String effectiveFrom) {
        return post("clinician", PLANS + "/" + planId + "/modality-changes", "{\"modality\":" + modalityJson
                + ",\"reason\":\"switch effective " + effectiveFrom + "\",\"effectiveFrom\":\"" + effectiveFrom + "\"}");
    }

    @Test
    void aSwitchRecordedAfterALaterDatedOneKeepsThePlanTheHistoryAndTheScheduleConsistent() throws Exception {
        UUID[] ids = fixtures.patientAndClinician();
        String plan = fixtures.createPlan(ids[0], ids[1], modality(3, 60, 6, 0));        // M0 from 2026-11-30
        activate(plan).statusCode(200);
        switchOn(plan, modality(1, 50, 8.5, 0), "2026-12-21").statusCode(201)             // M1 from 12-21, recorded first
                .body("from.groupHoursPerWeek", equalTo(6.0f));
        // Recorded second but in force earlier: starts from the mix in force on 12-07 (M0), not from the plan's latest (M1).
        switchOn(plan, modality(2, 50, 7.5, 0), "2026-12-07").statusCode(201)             // M2 from 12-07
                .body("from.groupHoursPerWeek", equalTo(6.0f)).body("from.individualSessionsPerWeek", equalTo(3));
        // The same mix as the one in force that day is no switch.
        switchOn(plan, modality(2, 50, 7.5, 0), "2026-12-14").statusCode(409);

        // The plan's mix stays the one last in effect (M1 from 12-21) with that switch's reason.
        get("clinician", PLANS + "/" + plan).statusCode(200)
                .body("modality.groupHoursPerWeek", equalTo(8.5f)).body("modality.individualSessionsPerWeek", equalTo(1))
                .body("modalityEffectiveFrom", equalTo("2026-12-21")).body("modalityRationale", equalTo("switch effective 2026-12-21"));
        // History in the order recorded; the 12-21 switch now starts from M2, which is in force the day before it.
        get("clinician", PLANS + "/" + plan + "/modality-changes").statusCode(200).body("", hasSize(2))
                .body("[0].effectiveFrom", equalTo("2026-12-21"))
                .body("[0].from.groupHoursPerWeek", equalTo(7.5f)).body("[0].to.groupHoursPerWeek", equalTo(8.5f))
                .body("[1].effectiveFrom", equalTo("2026-12-07"))
                .body("[1].from.groupHoursPerWeek", equalTo(6.0f)).body("[1].to.groupHoursPerWeek", equalTo(7.5f));
        // The event's schedule agrees: M0, then M2 from 12-07, then M1 from 12-21; its latest mix is M1.
        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> changed = new TopicReader(bootstrap).readByKey(Topics.PLANS, plan).stream()
                    .filter(r -> EventTypes.PLAN_MODALITY_CHANGED.equals(header(r, "ce_type"))).toList();
            assertThat(changed).hasSize(2);
            PlanState state = JSON.readValue(changed.get(1).value(), PlanState.class);
            assertThat(state.modalitySchedule()).extracting(PlanState.ModalityPeriod::from).containsExactly(
                    LocalDate.parse(PlanFixtures.START), LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-21"));
            assertThat(state.modalitySchedule()).extracting(p -> p.modality().groupHoursPerWeek()).containsExactly(6.0, 7.5, 8.5);
            assertThat(state.modality().groupHoursPerWeek()).isEqualTo(8.5);
        });
        // The weekly dose plans with the same schedule.
        get("clinician", PLANS + "/" + plan + "/dose?from=2026-12-07&to=2026-12-27").statusCode(200)
                .body("", hasSize(3)).body("[0].planned.group", equalTo(7.5f)).body("[1].planned.group", equalTo(7.5f))
                .body("[2].planned.group", equalTo(8.5f));
    }

    @Test
    void revokedGroupConsentRefusesAGroupSwitchButIndividualOnlyIsAlwaysAllowed() {
        UUID clinician = fixtures.clinician();
        UUID patient = fixtures.register(EventFixtures.patient(UUID.randomUUID()).build()).patientId();
        String plan = fixtures.createPlan(patient, clinician, modality(1, 50, 8.5, 0));
        activate(plan).statusCode(200);
        fixtures.patientEvent(EventTypes.PATIENT_CONSENT_REVOKED, EventFixtures.patient(patient).withoutConsents().version(2).build());

        switchTo(plan, modality(1, 50, 9, 0), null).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("modality.groupHoursPerWeek")).body("detail", containsString("GROUP_PARTICIPATION"));
        assertThat(changesOf(plan)).isZero();
        switchTo(plan, modality(4, 60, 0, 0), ",\"belowMinimumJustification\":\"Group paused until consent is renewed\"").statusCode(201);
        get("clinician", PLANS + "/" + plan).statusCode(200).body("modality.groupHoursPerWeek", equalTo(0.0f))
                .body("belowMinimumJustification", containsString("consent"));
    }

    @Test
    void theMinimumHoursRuleAppliesToSwitches() {
        // below the minimum only while stepping down (a switch that lowers the hours), for the 14-day tolerance (issue 20)
        String plan = fixtures.draftPlan();
        switchTo(plan, modality(1, 50, 4, 0), null).statusCode(201);
        get("clinician", PLANS + "/" + plan).statusCode(200).body("stepDownSince", equalTo("2026-12-07"));
        post("clinician", PLANS + "/" + plan + "/modality-changes", "{\"modality\":" + modality(1, 50, 5, 0)
                + ",\"reason\":\"a little more\",\"effectiveFrom\":\"2026-12-21\",\"belowMinimumJustification\":\"Stepping down\"}")
                .statusCode(422).body("errors[0].field", equalTo("modality")).body("detail", containsString("until 2026-12-20"));
        assertThat(changesOf(plan)).isEqualTo(1);
        switchTo(plan, modality(1, 50, 8.5, 0), null).statusCode(201);
        get("clinician", PLANS + "/" + plan).statusCode(200).body("stepDownSince", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void badSwitchesAreRefused() {
        String plan = fixtures.draftPlan();
        switchTo(plan, modality(1, 50, 8.5, 0), null).statusCode(409);
        post("clinician", PLANS + "/" + plan + "/modality-changes", "{\"modality\":" + modality(3, 60, 6, 0) + "}")
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        switchTo(plan, modality(3, 60, 6, 0), null).statusCode(201);
        post("clinician", PLANS + "/" + plan + "/modality-changes", "{\"modality\":" + modality(2, 50, 7.5, 0)
                + ",\"reason\":\"x\",\"effectiveFrom\":\"2026-01-01\"}").statusCode(400).body("errors[0].field", equalTo("effectiveFrom"));
        post("clinician", PLANS + "/" + UUID.randomUUID() + "/modality-changes", "{\"modality\":" + modality(2, 50, 7.5, 0)
                + ",\"reason\":\"x\"}").statusCode(404);
        changeStatus(plan, "revoked").statusCode(200);
        switchTo(plan, modality(2, 50, 7.5, 0), null).statusCode(409);
        assertThat(changesOf(plan)).isEqualTo(1);
    }
}
