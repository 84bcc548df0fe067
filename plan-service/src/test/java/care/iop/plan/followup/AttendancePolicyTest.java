package care.iop.plan.followup;

import static care.iop.plan.followup.FollowUpFixtures.at;
import static care.iop.plan.support.ReadModelProbe.EVENT_TIMEOUT;
import static care.iop.plan.support.ReadModelProbe.count;
import static care.iop.plan.support.ReadModelProbe.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import care.iop.events.EventTypes;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The attendance policy through real events: more than 6 missed sessions (NO_SHOW, ABSENT) in 12 weeks of program days
 * open one discharge review; the 6th in the window opens none, the 7th opens one, a miss 84 days before is outside.
 */
@QuarkusTest
class AttendancePolicyTest {
    /** A Wednesday: the review is due Thursday. */
    static final LocalDate D = LocalDate.of(2026, 9, 30);

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    FollowUpFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new FollowUpFixtures(bootstrap, ds);
    }

    private long openReviews(UUID patient) {
        return count(ds, "select count(*) from follow_up_task where patient_id = ? and kind = 'DISCHARGE_REVIEW' and status = 'OPEN'", patient);
    }

    @Test
    void theSeventhMissedSessionIn12WeeksOpensOneDischargeReviewTheSixthAndOlderOnesDoNot() {
        UUID[] ids = fixtures.patientWithPlan();
        UUID patient = ids[0];
        fixtures.attend(patient, "NO_SHOW", at(D.minusDays(84), 10, 0));   // 12 weeks before D: outside D's window
        fixtures.attend(patient, "ABSENT", at(D.minusDays(83), 10, 0));    // 1st in the window (ABSENT is missed)
        fixtures.attend(patient, "EXCUSED", at(D.minusDays(77), 10, 0));   // excused: not missed
        fixtures.attend(patient, "ATTENDED", at(D.minusDays(76), 10, 0));
        fixtures.attend(patient, "NO_SHOW", at(D.minusDays(70), 10, 0));   // 2nd
        fixtures.attend(patient, "NO_SHOW", at(D.minusDays(56), 10, 0));   // 3rd
        fixtures.attend(patient, "NO_SHOW", at(D.minusDays(42), 10, 0));   // 4th
        fixtures.attend(patient, "NO_SHOW", at(D.minusDays(28), 10, 0));   // 5th
        fixtures.attend(patient, "NO_SHOW", at(D, 9, 0));                  // 6th in D's window (7th overall)
        assertThat(openReviews(patient)).as("6 missed in the window: no review").isZero();
        assertThat(fixtures.tasks(patient, "DISCHARGE_REVIEW")).isZero();

        fixtures.attend(patient, "NO_SHOW", at(D, 13, 0));                 // 7th in the window
        await().atMost(EVENT_TIMEOUT).until(() -> openReviews(patient) == 1);
        UUID review = (UUID) value(ds, "select id from follow_up_task where patient_id = ? and kind = 'DISCHARGE_REVIEW'", patient);
        assertThat(value(ds, "select missed_count from follow_up_task where id = ?", review)).isEqualTo(7);
        assertThat(value(ds, "select window_from::text from follow_up_task where id = ?", review)).isEqualTo(D.minusDays(83).toString());
        assertThat(value(ds, "select window_to::text from follow_up_task where id = ?", review)).isEqualTo(D.toString());
        assertThat(value(ds, "select due_on::text from follow_up_task where id = ?", review)).isEqualTo(D.plusDays(1).toString());
        assertThat(value(ds, "select assigned_clinician_id from follow_up_task where id = ?", review)).isEqualTo(ids[1]);

        List<JsonNode> events = fixtures.awaitPublished(patient, EventTypes.DISCHARGE_REVIEW_OPENED, 1);
        assertThat(events).hasSize(1);
        JsonNode event = events.get(0);
        assertThat(event.get("taskId").asText()).isEqualTo(review.toString());
        assertThat(event.get("patientId").asText()).isEqualTo(patient.toString());
        assertThat(event.get("missedCount").asInt()).isEqualTo(7);
        assertThat(event.get("windowFrom").asText()).isEqualTo(D.minusDays(83).toString());
        assertThat(event.get("windowTo").asText()).isEqualTo(D.toString());

        fixtures.attend(patient, "NO_SHOW", at(D.plusDays(1), 10, 0));     // 8th: the review is still open
        assertThat(fixtures.tasks(patient, "DISCHARGE_REVIEW")).as("no second review while one is open").isEqualTo(1);
    }

    @Test
    void sevenMissesSpreadOverMoreThan12WeeksOpenNoReview() {
        UUID patient = fixtures.patientWithPlan()[0];
        for (int week = 0; week < 7; week++) {
            fixtures.attend(patient, "NO_SHOW", at(D.plusDays(14L * week), 10, 0)); // 7 misses over 12 weeks + 1 day
        }
        assertThat(fixtures.tasks(patient, "NO_SHOW_FOLLOW_UP")).isEqualTo(7);
        assertThat(fixtures.tasks(patient, "DISCHARGE_REVIEW")).isZero();
    }

    @Test
    void afterACompletedReviewACorrectionRepublishingAMissOpensNoneWhileANewMissOpensTheNextReview() {
        UUID patient = fixtures.patientWithPlan()[0];
        UUID[] sessions = new UUID[7];
        for (int i = 0; i < 7; i++) {
            sessions[i] = fixtures.attend(patient, "NO_SHOW", at(D.plusDays(i), 10, 0));
        }
        await().atMost(EVENT_TIMEOUT).until(() -> openReviews(patient) == 1);
        UUID review = (UUID) value(ds, "select id from follow_up_task where patient_id = ? and kind = 'DISCHARGE_REVIEW'", patient);
        PlanFixtures.post("clinician", "/api/v1/follow-ups/" + review + "/completion", "{\"note\":\"Reviewed: stays in the program\"}")
                .statusCode(200);

        // a correction of the last session (a member added) keeps its NO_SHOW: not a new miss, no new review
        fixtures.record(EventFixtures.attendance(sessions[6], "GROUP", at(D.plusDays(6), 10, 0), 90)
                .attendee(patient, "NO_SHOW", 0).attendee(UUID.randomUUID(), "ATTENDED", 90).build());
        assertThat(fixtures.tasks(patient, "DISCHARGE_REVIEW")).isEqualTo(1);

        fixtures.attend(patient, "NO_SHOW", at(D.plusDays(7), 10, 0));   // a new miss, 8 in the window, no review open
        await().atMost(EVENT_TIMEOUT).until(() -> openReviews(patient) == 1);
        assertThat(fixtures.tasks(patient, "DISCHARGE_REVIEW")).isEqualTo(2);
    }
}
