package care.iop.plan.episode;

import static care.iop.plan.episode.EpisodeFixtures.EPISODES;
import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.get;
import static care.iop.plan.support.PlanFixtures.modality;
import static care.iop.plan.support.PlanFixtures.planBody;
import static care.iop.plan.support.PlanFixtures.post;
import static care.iop.plan.support.ReadModelProbe.EVENT_TIMEOUT;
import static care.iop.plan.support.ReadModelProbe.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.events.EpisodeState;
import care.iop.events.EventTypes;
import care.iop.events.PatientState;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.plan.support.ReadModelProbe;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Episodes open from the patient's admission (patient events) or from the first plan of a patient without one, close on
 * discharge, and stay right under redelivered and late older events.
 */
@QuarkusTest
class EpisodeLifecycleTest {
    static final LocalDate ADMITTED = LocalDate.parse("2026-11-30");

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
    }

    private String status(UUID episode) {
        return (String) ReadModelProbe.value(ds, "select status from episode_of_care where id = ?", episode);
    }

    @Test
    void anAdmissionOpensTheEpisodeADischargeClosesItAndLateOrRepeatedEventsChangeNothing() throws Exception {
        UUID patient = UUID.randomUUID();
        PatientState admitted = fixtures.register(EventFixtures.patient(patient).admittedOn(ADMITTED).build());
        UUID episode = EpisodeFixtures.awaitEpisodes(ds, patient, 1);
        EpisodeFixtures.awaitPublished(ds, bootstrap, patient, EventTypes.EPISODE_OPENED, 1);
        EpisodeState opened = EventFixtures.JSON.readValue(EpisodeFixtures.published(bootstrap, patient, EventTypes.EPISODE_OPENED).get(0).value(),
                EpisodeState.class);
        assertThat(opened.episodeId()).isEqualTo(episode);
        assertThat(opened.status()).isEqualTo("open");
        assertThat(opened.admittedOn()).isEqualTo(ADMITTED);
        assertThat(opened.firstPlanDueOn()).isEqualTo(ADMITTED.plusDays(7));
        assertThat(opened.part2()).isFalse();

        // the same state again (another event id, same version): not applied, nothing opens
        ReadModelProbe.awaitConsumed(bootstrap, fixtures.events().patientEventLocated(EventTypes.PATIENT_UPDATED, admitted));
        // a corrected admission date moves the open episode
        fixtures.patientEvent(EventTypes.PATIENT_UPDATED, EventFixtures.patient(patient).admittedOn(ADMITTED.minusDays(2)).version(2).build());
        await().atMost(EVENT_TIMEOUT).until(() -> "2026-11-28".equals(String.valueOf(
                ReadModelProbe.value(ds, "select admitted_on from episode_of_care where id = ?", episode))));
        EpisodeFixtures.awaitPublished(ds, bootstrap, patient, EventTypes.EPISODE_UPDATED, 1);

        // discharge: closed with its date and coded reason
        fixtures.patientEvent(EventTypes.PATIENT_DISCHARGED, EventFixtures.patient(patient).admittedOn(ADMITTED.minusDays(2))
                .discharged(LocalDate.parse("2026-12-05"), "COMPLETED").version(3).build());
        await().atMost(EVENT_TIMEOUT).until(() -> "closed".equals(status(episode)));
        get("clinician", EPISODES + "/" + episode).statusCode(200).body("status", equalTo("closed"))
                .body("dischargedOn", equalTo("2026-12-05")).body("dischargeReasonCode", equalTo("COMPLETED"))
                .body("admittedOn", equalTo("2026-11-28"));
        EpisodeFixtures.awaitPublished(ds, bootstrap, patient, EventTypes.EPISODE_CLOSED, 1);

        // a late older event (version 2, admitted) neither reopens it nor opens another
        ReadModelProbe.awaitConsumed(bootstrap, fixtures.events().patientEventLocated(EventTypes.PATIENT_UPDATED,
                EventFixtures.patient(patient).admittedOn(ADMITTED.minusDays(2)).version(2).build()));
        assertThat(count(ds, "select count(*) from episode_of_care where patient_id = ?", patient)).isEqualTo(1);
        assertThat(status(episode)).isEqualTo("closed");
        assertThat(EpisodeFixtures.events(ds, bootstrap, patient, EventTypes.EPISODE_OPENED)).isEqualTo(1);
        assertThat(EpisodeFixtures.events(ds, bootstrap, patient, EventTypes.EPISODE_CLOSED)).isEqualTo(1);

        // a closed episode's level no longer changes
        post("clinician", EPISODES + "/" + episode + "/level-changes", "{\"toLevel\":\"1\",\"reason\":\"x\"}").statusCode(409);
        get("clinician", EPISODES + "?patientId=" + patient + "&status=closed").statusCode(200).body("total", equalTo(1));
        get("clinician", EPISODES + "?patientId=" + patient + "&status=open").statusCode(200).body("total", equalTo(0));
        get("clinician", EPISODES + "?patientId=" + patient + "&status=ended").statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void theFirstPlanOfAPatientWithoutAdmissionOpensTheEpisodeOnItsStart() {
        UUID[] ids = fixtures.patientAndClinician(); // no admission date
        String first = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
        UUID episode = EpisodeFixtures.awaitEpisodes(ds, ids[0], 1);
        get("clinician", PLANS + "/" + first).statusCode(200).body("episodeId", equalTo(episode.toString()));
        get("clinician", EPISODES + "/" + episode).statusCode(200).body("admittedOn", equalTo(PlanFixtures.START))
                .body("admissionSource", equalTo("first-plan")).body("levelOfCare", equalTo("2.1"));
        // a second plan joins it; without a level change yet its level becomes the episode's
        String second = post("clinician", PLANS, planBody(ids[0], ids[1], modality(2, 60, 18, 0), null)
                .replace("\"levelOfCare\":\"2.1\"", "\"levelOfCare\":\"2.5\"")).statusCode(201).extract().path("id");
        get("clinician", EPISODES + "/" + episode).statusCode(200).body("levelOfCare", equalTo("2.5"))
                .body("plans", hasSize(2)).body("plans[0].id", equalTo(first)).body("plans[1].id", equalTo(second));
        // the admission arrives later: the episode takes its date
        fixtures.patientEvent(EventTypes.PATIENT_UPDATED, EventFixtures.patient(ids[0]).admittedOn(ADMITTED.minusDays(3)).version(2).build());
        await().atMost(EVENT_TIMEOUT).until(() -> count(ds,
                "select count(*) from episode_of_care where id = ? and admission_source = 'admission' and admitted_on = '2026-11-27'", episode) == 1);
        assertThat(count(ds, "select count(*) from episode_of_care where patient_id = ?", ids[0])).isEqualTo(1);
    }

    @Test
    void plansCreatedAtOnceForANewPatientShareOneEpisode() throws Exception {
        UUID[] ids = fixtures.patientAndClinician(); // no admission date: the first plan opens the episode
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> post("clinician", PLANS, planBody(ids[0], ids[1], modality(1, 50, 8.5, 0), null))
                        .extract().statusCode()));
            }
            for (java.util.concurrent.Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(count(ds, "select count(*) from episode_of_care where patient_id = ?", ids[0])).isEqualTo(1);
        assertThat(count(ds, "select count(distinct episode_id) from care_plan where patient_id = ?", ids[0])).isEqualTo(1);
        EpisodeFixtures.awaitPublished(ds, bootstrap, ids[0], EventTypes.EPISODE_OPENED, 1);
    }
}
