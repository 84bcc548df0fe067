package care.iop.plan.followup;

import static care.iop.plan.followup.FollowUpFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.plan.followup.service.FollowUpWorklistSource;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.platform.time.ProgramTime;
import care.iop.platform.worklist.WorklistAction;
import care.iop.platform.worklist.WorklistItem;
import care.iop.platform.worklist.WorklistItemKind;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The follow-ups on a clinician's worklist: open, assigned to the clinician, due by the horizon or overdue. */
@QuarkusTest
class FollowUpWorklistSourceTest {
    /** "Now" of the test: Thursday 2026-10-15 at noon in the program; the horizon is the end of Friday. */
    static final LocalDate THURSDAY = LocalDate.of(2026, 10, 15);

    @Inject
    AgroalDataSource ds;

    @Inject
    FollowUpWorklistSource source;

    @Inject
    ProgramTime time;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    FollowUpFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new FollowUpFixtures(bootstrap, ds);
    }

    @Test
    void openTasksOfTheClinicianDueByTheHorizonOrOverdueWithTheCompletionAsAction() {
        UUID[] ids = fixtures.patientWithPlan();
        UUID patient = ids[0];
        UUID clinician = ids[1];
        PlanFixtures plans = new PlanFixtures(bootstrap, ds);
        UUID second = plans.register(EventFixtures.patient(UUID.randomUUID()).build()).patientId();
        plans.createPlan(second, clinician, PlanFixtures.modality(1, 50, 8.5, 0));

        UUID overdueSession = fixtures.attend(patient, "NO_SHOW", at(THURSDAY.minusDays(14), 10, 0));  // due Fri 10-02: overdue
        UUID dueTomorrow = fixtures.attend(second, "NO_SHOW", at(THURSDAY, 9, 0));                   // due Fri 10-16, at the horizon
        fixtures.attend(patient, "NO_SHOW", at(THURSDAY.plusDays(1), 9, 0));                           // due Mon 10-19: later
        UUID done = fixtures.attend(patient, "NO_SHOW", at(THURSDAY.minusDays(7), 10, 0));            // completed below
        UUID overdueTask = fixtures.awaitNoShowTask(overdueSession, patient, "OPEN");
        UUID tomorrowTask = fixtures.awaitNoShowTask(dueTomorrow, second, "OPEN");
        UUID doneTask = fixtures.awaitNoShowTask(done, patient, "OPEN");
        PlanFixtures.post("clinician", "/api/v1/follow-ups/" + doneTask + "/completion", "{\"note\":\"Called\"}").statusCode(200);
        UUID otherClinicians = fixtures.patientWithPlan()[0];
        fixtures.attend(otherClinicians, "NO_SHOW", at(THURSDAY.minusDays(14), 10, 0));

        OffsetDateTime now = at(THURSDAY, 12, 0);
        OffsetDateTime horizon = time.endOf(THURSDAY.plusDays(1));
        List<WorklistItem> items = source.itemsFor(clinician, now, horizon);

        assertThat(items).extracting(WorklistItem::resourceId).containsExactly(overdueTask, tomorrowTask);
        WorklistItem overdue = items.get(0);
        assertThat(overdue.kind()).isEqualTo(WorklistItemKind.NO_SHOW_FOLLOW_UP);
        assertThat(overdue.overdue()).isTrue();
        assertThat(overdue.patientId()).isEqualTo(patient);
        assertThat(overdue.resourceType()).isEqualTo("FollowUpTask");
        assertThat(overdue.action()).isEqualTo(WorklistAction.post("/api/v1/follow-ups/" + overdueTask + "/completion"));
        assertThat(overdue.summary()).contains(THURSDAY.minusDays(14).toString());
        WorklistItem tomorrow = items.get(1);
        assertThat(tomorrow.overdue()).isFalse();
        assertThat(tomorrow.dueAt().toInstant()).isEqualTo(horizon.toInstant());
        // one instant before the due instant it is not overdue; at it, it is
        assertThat(source.itemsFor(clinician, horizon, horizon).get(1).overdue()).isTrue();
        assertThat(source.itemsFor(clinician, horizon.minusNanos(1000), horizon).get(1).overdue()).isFalse();
    }

    @Test
    void aDischargeReviewIsItsOwnKind() {
        UUID[] ids = fixtures.patientWithPlan();
        LocalDate day = THURSDAY.minusDays(30);
        for (int i = 0; i < 7; i++) {
            fixtures.attend(ids[0], "NO_SHOW", at(day.plusDays(i), 10, 0));
        }
        List<WorklistItem> reviews = source.itemsFor(ids[1], at(THURSDAY, 12, 0), time.endOf(THURSDAY.plusDays(1))).stream()
                .filter(item -> item.kind() == WorklistItemKind.DISCHARGE_REVIEW).toList();
        assertThat(reviews).hasSize(1);
        assertThat(reviews.get(0).overdue()).isTrue();
        assertThat(reviews.get(0).summary()).startsWith("Discharge review: 7 sessions missed");
        assertThat(reviews.get(0).action().href()).endsWith("/completion");
    }
}
