package care.iop.plan.episode;

import static care.iop.plan.episode.EpisodeFixtures.EPISODES;
import static care.iop.plan.support.PlanFixtures.changeStatus;
import static care.iop.plan.support.PlanFixtures.get;
import static care.iop.plan.support.PlanFixtures.modality;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.events.EpisodeState;
import care.iop.events.EventTypes;
import care.iop.plan.episode.service.FirstPlanDue;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The first plan is due within 7 days of admission (iop.plan.first-plan-due-days): admitted on day 0, on time through
 * day 7, overdue from day 8, in the list and as one FirstPlanOverdue event per episode.
 */
@QuarkusTest
class FirstPlanDueTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    FirstPlanDue due;

    PlanFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
    }

    private UUID admittedOn(LocalDate day, EventFixtures.PatientBuilder patient) {
        UUID id = fixtures.register(patient.admittedOn(day).build()).patientId();
        EpisodeFixtures.awaitEpisodes(ds, id, 1);
        return id;
    }

    private UUID admittedOn(LocalDate day) {
        return admittedOn(day, EventFixtures.patient(UUID.randomUUID()));
    }

    /** The overdue list (every page) as the role sees it. */
    private static List<Map<String, Object>> overdue(String role) {
        return get(role, EPISODES + "/overdue-plans?size=100&page=0").statusCode(200).extract().jsonPath().getList("items");
    }

    private static List<Map<String, Object>> overdueOf(String role, UUID patient) {
        int page = 0;
        List<Map<String, Object>> found = new java.util.ArrayList<>();
        while (true) {
            List<Map<String, Object>> items = get(role, EPISODES + "/overdue-plans?size=100&page=" + page).statusCode(200)
                    .extract().jsonPath().getList("items");
            items.stream().filter(i -> patient.toString().equals(i.get("patientId"))).forEach(found::add);
            if (items.size() < 100) {
                return found;
            }
            page++;
        }
    }

    @Test
    void anAdmittedPatientWithoutAPlanInForceIsOverdueFromTheEighthDay() {
        LocalDate today = PlanFixtures.today();
        UUID daySeven = admittedOn(today.minusDays(7));
        UUID dayEight = admittedOn(today.minusDays(8));
        assertThat(overdueOf("clinician", daySeven)).isEmpty();
        assertThat(overdueOf("scheduler", dayEight)).singleElement().satisfies(item -> {
            assertThat(item.get("dueOn")).isEqualTo(today.minusDays(1).toString());
            assertThat(item.get("daysOverdue")).isEqualTo(1);
            assertThat(item.get("admittedOn")).isEqualTo(today.minusDays(8).toString());
            assertThat(item).doesNotContainKey("draftPlanId");
        });

        // an unsigned draft is not in force: still overdue, naming the draft; once a plan is fully signed the episode is not
        // overdue (activation is a separate step)
        UUID clinician = fixtures.clinician();
        String draft = fixtures.createPlan(dayEight, clinician, modality(1, 50, 8.5, 0));
        assertThat(overdueOf("clinician", dayEight)).singleElement().satisfies(item -> assertThat(item.get("draftPlanId")).isEqualTo(draft));
        PlanFixtures.signCurrentVersion(draft);
        assertThat(overdueOf("clinician", dayEight)).isEmpty();
        changeStatus(draft, "active").statusCode(200);
        assertThat(overdueOf("clinician", dayEight)).isEmpty();
        changeStatus(draft, "revoked").statusCode(200);
        assertThat(overdueOf("clinician", dayEight)).isEmpty();
    }

    @Test
    void theCheckPublishesFirstPlanOverdueOncePerEpisodeWhenItBecomesOverdue() throws Exception {
        // admitted in the future, so that no check with today touches it
        LocalDate admission = PlanFixtures.today().plusDays(40);
        UUID patient = admittedOn(admission);
        UUID episode = EpisodeFixtures.latestEpisode(ds, patient);
        due.publishOverdue(admission.plusDays(7));
        assertThat(EpisodeFixtures.overdueNotifiedOn(ds, episode)).isNull();
        assertThat(EpisodeFixtures.events(ds, bootstrap, patient, EventTypes.FIRST_PLAN_OVERDUE)).isZero();

        due.publishOverdue(admission.plusDays(8));
        assertThat(EpisodeFixtures.overdueNotifiedOn(ds, episode)).isEqualTo(admission.plusDays(8));
        EpisodeFixtures.awaitPublished(ds, bootstrap, patient, EventTypes.FIRST_PLAN_OVERDUE, 1);
        EpisodeState state = EventFixtures.JSON.readValue(EpisodeFixtures.published(bootstrap, patient, EventTypes.FIRST_PLAN_OVERDUE)
                .get(0).value(), EpisodeState.class);
        assertThat(state.episodeId()).isEqualTo(episode);
        assertThat(state.firstPlanDueOn()).isEqualTo(admission.plusDays(7));

        due.publishOverdue(admission.plusDays(9));
        assertThat(EpisodeFixtures.events(ds, bootstrap, patient, EventTypes.FIRST_PLAN_OVERDUE)).isEqualTo(1);
        get("clinician", EPISODES + "/" + episode).statusCode(200)
                .body("firstPlanOverdueOn", org.hamcrest.Matchers.equalTo(admission.plusDays(8).toString()));
    }

    @Test
    void patientsMayNotListThemAndAnOutsiderDoesNotSeePartTwoPatientsWithoutConsent() {
        LocalDate today = PlanFixtures.today();
        UUID sud = admittedOn(today.minusDays(10), EventFixtures.patient(UUID.randomUUID()).track("ADULT_SUD"));
        UUID mh = admittedOn(today.minusDays(10));
        get("patient", EPISODES + "/overdue-plans").statusCode(403);
        assertThat(overdueOf("clinician", sud)).hasSize(1);
        assertThat(overdueOf("integration", sud)).isEmpty();
        assertThat(overdueOf("integration", mh)).hasSize(1);
        assertThat(overdue("admin")).isNotEmpty();
    }
}
