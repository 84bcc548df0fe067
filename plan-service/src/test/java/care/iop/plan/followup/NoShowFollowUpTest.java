package care.iop.plan.followup;

import static care.iop.plan.followup.FollowUpFixtures.at;
import static care.iop.plan.support.ReadModelProbe.EVENT_TIMEOUT;
import static care.iop.plan.support.ReadModelProbe.count;
import static care.iop.plan.support.ReadModelProbe.value;
import static care.iop.testing.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.plan.support.EventFixtures;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** A NO_SHOW in a real attendance event opens one follow-up for the primary clinician; corrections cancel it. */
@QuarkusTest
class NoShowFollowUpTest {
    /** A Friday; 23:30 in New York is already Saturday in UTC. */
    static final LocalDate FRIDAY = LocalDate.of(2026, 12, 4);
    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    FollowUpFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new FollowUpFixtures(bootstrap, ds);
    }

    @Test
    void aNoShowAt2330OnFridayOpensAFollowUpForThePrimaryClinicianDueByTheEndOfMonday() {
        UUID[] ids = fixtures.patientWithPlan();
        UUID attended = fixtures.patientWithPlan()[0];
        UUID session = UUID.randomUUID();
        OffsetDateTime start = at(FRIDAY, 23, 30);
        fixtures.record(EventFixtures.attendance(session, "GROUP", start, 90)
                .attendee(ids[0], "NO_SHOW", 0).attendee(attended, "ATTENDED", 90).build());

        UUID task = fixtures.awaitNoShowTask(session, ids[0], "OPEN");
        assertThat(value(ds, "select assigned_clinician_id from follow_up_task where id = ?", task)).isEqualTo(ids[1]);
        assertThat(value(ds, "select due_on::text from follow_up_task where id = ?", task)).isEqualTo(MONDAY.toString());
        // the end of Monday in New York (EST, -05:00) is Tuesday 05:00 UTC
        assertThat(value(ds, "select extract(epoch from due_at)::bigint from follow_up_task where id = ?", task))
                .isEqualTo(OffsetDateTime.of(2026, 12, 8, 5, 0, 0, 0, ZoneOffset.UTC).toEpochSecond());
        assertThat(fixtures.tasks(attended, "NO_SHOW_FOLLOW_UP")).as("ATTENDED opens nothing").isZero();

        JsonNode opened = fixtures.awaitPublished(ids[0], EventTypes.NO_SHOW_FOLLOW_UP_OPENED, 1).get(0);
        assertThat(opened.get("taskId").asText()).isEqualTo(task.toString());
        assertThat(opened.get("sessionId").asText()).isEqualTo(session.toString());
        assertThat(opened.get("assignedClinicianId").asText()).isEqualTo(ids[1].toString());
        assertThat(opened.get("kind").asText()).isEqualTo("NO_SHOW_FOLLOW_UP");
        assertThat(opened.get("dueOn").asText()).isEqualTo(MONDAY.toString());
        assertThat(opened.get("status").asText()).isEqualTo("OPEN");
        assertThat(opened.has("outcomeNote")).isFalse();
    }

    @Test
    void aRedeliveredEventOrACorrectionKeepingTheNoShowOpensNothingNew() {
        UUID[] ids = fixtures.patientWithPlan();
        UUID other = fixtures.patientWithPlan()[0];
        UUID session = UUID.randomUUID();
        OffsetDateTime start = at(FRIDAY, 9, 0);
        String eventId = fixtures.events().attendance(EventFixtures.attendance(session, "GROUP", start, 90)
                .attendee(ids[0], "NO_SHOW", 0).build());
        fixtures.awaitNoShowTask(session, ids[0], "OPEN");

        List<ConsumerRecord<String, String>> original = new TopicReader(bootstrap).read(Topics.SESSIONS, r -> eventId.equals(header(r, "ce_id")));
        assertThat(original).hasSize(1);
        fixtures.events().redeliver(original.get(0));
        // a correction (new event id) that keeps the NO_SHOW and adds a member: same key, so applied after the redelivery
        fixtures.record(EventFixtures.attendance(session, "GROUP", start, 90).attendee(ids[0], "NO_SHOW", 0)
                .attendee(other, "LATE", 80).build());

        assertThat(fixtures.tasks(ids[0], "NO_SHOW_FOLLOW_UP")).isEqualTo(1);
        assertThat(count(ds, "select count(*) from follow_up_task where session_id = ? and status = 'OPEN'", session)).isEqualTo(1);
        assertThat(fixtures.awaitPublished(ids[0], EventTypes.NO_SHOW_FOLLOW_UP_OPENED, 1)).hasSize(1);
    }

    @Test
    void aCorrectionToAttendedCancelsTheOpenFollowUpAndANoShowAgainOpensANewOne() {
        UUID[] ids = fixtures.patientWithPlan();
        UUID session = UUID.randomUUID();
        OffsetDateTime start = at(FRIDAY, 14, 0);
        fixtures.record(EventFixtures.attendance(session, "INDIVIDUAL", start, 50).attendee(ids[0], "NO_SHOW", 0).build());
        UUID first = fixtures.awaitNoShowTask(session, ids[0], "OPEN");

        fixtures.record(EventFixtures.attendance(session, "INDIVIDUAL", start, 50).attendee(ids[0], "ATTENDED", 50).build());
        await().atMost(EVENT_TIMEOUT).until(() -> "CANCELLED".equals(value(ds, "select status from follow_up_task where id = ?", first)));
        assertThat(value(ds, "select cancelled_at is not null from follow_up_task where id = ?", first)).isEqualTo(true);
        JsonNode cancelled = fixtures.awaitPublished(ids[0], EventTypes.FOLLOW_UP_CANCELLED, 1).get(0);
        assertThat(cancelled.get("taskId").asText()).isEqualTo(first.toString());
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");

        fixtures.record(EventFixtures.attendance(session, "INDIVIDUAL", start, 50).attendee(ids[0], "NO_SHOW", 0).build());
        UUID second = fixtures.awaitNoShowTask(session, ids[0], "OPEN");
        assertThat(second).isNotEqualTo(first);
        assertThat(fixtures.tasks(ids[0], "NO_SHOW_FOLLOW_UP")).isEqualTo(2);
    }

    @Test
    void aNoShowOfAPatientWithoutAPlanIsUnassignedAndAnExcusedOrAbsentOneOpensNoFollowUp() {
        UUID patient = UUID.randomUUID();
        UUID excused = UUID.randomUUID();
        UUID absent = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        fixtures.record(EventFixtures.attendance(session, "GROUP", at(FRIDAY, 10, 0), 90).attendee(patient, "NO_SHOW", 0)
                .attendee(excused, "EXCUSED", 0).attendee(absent, "ABSENT", 0).build());
        UUID task = fixtures.awaitNoShowTask(session, patient, "OPEN");
        assertThat(value(ds, "select assigned_clinician_id from follow_up_task where id = ?", task)).isNull();
        assertThat(fixtures.tasks(excused, "NO_SHOW_FOLLOW_UP")).isZero();
        assertThat(fixtures.tasks(absent, "NO_SHOW_FOLLOW_UP")).isZero();
    }
}
