package care.iop.plan.rest;

import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.activate;
import static care.iop.plan.support.PlanFixtures.changeStatus;
import static care.iop.plan.support.PlanFixtures.get;
import static care.iop.plan.support.PlanFixtures.modality;
import static care.iop.plan.support.ReadModelProbe.EVENT_TIMEOUT;
import static care.iop.plan.support.ReadModelProbe.count;
import static care.iop.testing.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.events.EventTypes;
import care.iop.events.PatientState;
import care.iop.events.Topics;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.plan.support.ReadModelProbe;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The plan's rules hold at activation and discharge, not only at creation (issue 20, "Rules that must hold at every step"). */
@QuarkusTest
class PlanRulesAtEveryStepTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
    }

    private long planEvents(String planId) {
        return new TopicReader(bootstrap).readByKey(Topics.PLANS, planId).size();
    }

    @Test
    void activationChecksTheGroupConsentAgainAndChangesNothingWhenItIsGone() {
        UUID[] ids = fixtures.patientAndClinician();
        String plan = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
        fixtures.patientEvent(EventTypes.PATIENT_CONSENT_REVOKED, EventFixtures.patient(ids[0]).withoutConsents().version(2).build());
        await().atMost(EVENT_TIMEOUT).until(() -> planEvents(plan) >= 1);
        long published = planEvents(plan);

        changeStatus(plan, "active").statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("modality.groupHoursPerWeek"))
                .body("detail", containsString("GROUP_PARTICIPATION"));
        get("clinician", PLANS + "/" + plan).statusCode(200).body("status", equalTo("draft"));
        assertThat(count(ds, "select count(*) from plan_status_transition where plan_id = ? and to_status = 'active'", UUID.fromString(plan)))
                .isZero();
        assertThat(planEvents(plan)).isEqualTo(published);

        // With the consent granted again the same plan activates.
        fixtures.patientEvent(EventTypes.PATIENT_CONSENT_GRANTED, EventFixtures.patient(ids[0]).version(3).build());
        activate(plan).statusCode(200);
    }

    @Test
    void activationChecksTheHoursForTheAgeOnTheStartAgain() {
        // An adolescent (6 h minimum at 2.1) planned at 7.5 h; then the birth date is corrected: an adult (9 h minimum).
        UUID patient = UUID.randomUUID();
        fixtures.register(EventFixtures.patient(patient).track("ADOLESCENT").birthDate(LocalDate.parse(PlanFixtures.START).minusYears(15))
                .build());
        String plan = fixtures.createPlan(patient, fixtures.clinician(), modality(0, 50, 7.5, 0));
        fixtures.patientEvent(EventTypes.PATIENT_UPDATED, EventFixtures.patient(patient).track("ADULT_MH")
                .birthDate(LocalDate.parse(PlanFixtures.START).minusYears(30)).version(2).build());

        changeStatus(plan, "active").statusCode(422).body("errors[0].field", equalTo("modality"))
                .body("detail", containsString("9 h minimum"));
        get("clinician", PLANS + "/" + plan).statusCode(200).body("status", equalTo("draft"));
    }

    @Test
    void resumingAPlanOnHoldChecksTheRulesAgain() {
        UUID[] ids = fixtures.patientAndClinician();
        String plan = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
        activate(plan).statusCode(200);
        changeStatus(plan, "on-hold").statusCode(200);
        fixtures.patientEvent(EventTypes.PATIENT_CONSENT_REVOKED, EventFixtures.patient(ids[0]).withoutConsents().version(2).build());
        changeStatus(plan, "active").statusCode(422).body("errors[0].field", equalTo("modality.groupHoursPerWeek"));
        get("clinician", PLANS + "/" + plan).statusCode(200).body("status", equalTo("on-hold"));
    }

    @Test
    void aCompletedDischargeCompletesTheActivePlanRevokesDraftsAndEndsTheDoseAlerts() {
        UUID[] ids = fixtures.patientAndClinician();
        String active = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
        activate(active).statusCode(200);
        String draft = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
        get("scheduler", PLANS + "/dose-alerts?week=2026-W50").statusCode(200).body("planId", hasItem(active));

        PatientState discharged = EventFixtures.patient(ids[0]).discharged(PlanFixtures.today(), "COMPLETED").version(2).build();
        fixtures.patientEvent(EventTypes.PATIENT_DISCHARGED, discharged);

        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> {
            get("clinician", PLANS + "/" + active).statusCode(200).body("status", equalTo("completed"));
            get("clinician", PLANS + "/" + draft).statusCode(200).body("status", equalTo("revoked"));
        });
        get("clinician", PLANS + "/" + active + "/status-history").statusCode(200)
                .body("[-1].to", equalTo("completed")).body("[-1].changedBy", equalTo("event:" + EventTypes.PATIENT_DISCHARGED))
                .body("[-1].reason", containsString("COMPLETED"));
        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> changes = new TopicReader(bootstrap).readByKey(Topics.PLANS, active).stream()
                    .filter(r -> EventTypes.PLAN_STATUS_CHANGED.equals(header(r, "ce_type"))).toList();
            assertThat(changes).hasSize(2);
            assertThat(changes.get(1).value()).contains("\"status\":\"completed\"");
        });
        get("scheduler", PLANS + "/dose-alerts?week=2026-W50").statusCode(200).body("planId", not(hasItem(active)));

        // The same discharge delivered again closes nothing more and publishes nothing.
        long published = planEvents(active);
        ReadModelProbe.awaitConsumed(bootstrap, fixtures.events().patientEventLocated(EventTypes.PATIENT_DISCHARGED, discharged));
        assertThat(count(ds, "select count(*) from plan_status_transition where plan_id in (?, ?) and changed_by like 'event:%'",
                UUID.fromString(active), UUID.fromString(draft))).isEqualTo(2);
        assertThat(planEvents(active)).isEqualTo(published);
    }

    @Test
    void aDischargeAgainstAdviceOrWithoutACodeRevokesTheActivePlan() {
        for (String code : new String[] { "LEFT_AGAINST_ADVICE", null }) {
            UUID[] ids = fixtures.patientAndClinician();
            String plan = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
            activate(plan).statusCode(200);
            changeStatus(plan, "on-hold").statusCode(200);
            EventFixtures.PatientBuilder discharged = EventFixtures.patient(ids[0]).version(2);
            fixtures.patientEvent(EventTypes.PATIENT_DISCHARGED,
                    (code == null ? discharged.discharged(PlanFixtures.today()) : discharged.discharged(PlanFixtures.today(), code)).build());
            await().atMost(EVENT_TIMEOUT).untilAsserted(() -> get("clinician", PLANS + "/" + plan).statusCode(200)
                    .body("status", equalTo("revoked")));
            get("clinician", PLANS + "/" + plan + "/status-history").statusCode(200)
                    .body("[-1].from", equalTo("on-hold")).body("[-1].reason", containsString(code == null ? "OTHER" : code));
        }
    }
}
