package care.iop.plan.followup;

import static care.iop.plan.support.ReadModelProbe.EVENT_TIMEOUT;
import static care.iop.plan.support.ReadModelProbe.count;
import static care.iop.plan.support.ReadModelProbe.value;
import static care.iop.testing.TopicReader.header;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;

import care.iop.events.AttendanceRecorded;
import care.iop.events.Topics;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.testing.TopicReader;

/**
 * Drives the follow-ups through real events: patients with a plan (its primary clinician is the one followed up by),
 * attendance events on iop.sessions, and reads of the follow_up_task rows and of the events on iop.plans.
 */
final class FollowUpFixtures {
    private final PlanFixtures plans;
    private final DataSource ds;
    private final String bootstrap;

    FollowUpFixtures(String bootstrap, DataSource ds) {
        this.plans = new PlanFixtures(bootstrap, ds);
        this.ds = ds;
        this.bootstrap = bootstrap;
    }

    EventFixtures events() {
        return plans.events();
    }

    /** A registered patient with a draft plan whose primary clinician is a fresh clinician: {patientId, clinicianId}. */
    UUID[] patientWithPlan() {
        UUID[] ids = plans.patientAndClinician();
        plans.createPlan(ids[0], ids[1], PlanFixtures.modality(1, 50, 8.5, 0));
        return ids;
    }

    /** An instant of a program day at a program time. */
    static OffsetDateTime at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(PlanFixtures.PROGRAM_ZONE).toOffsetDateTime();
    }

    /** Publishes one patient's attendance of a fresh 90-minute group session and waits until it is applied; returns the session. */
    UUID attend(UUID patientId, String status, OffsetDateTime start) {
        UUID session = UUID.randomUUID();
        record(EventFixtures.attendance(session, "GROUP", start, 90).attendee(patientId, status, minutes(status)).build());
        return session;
    }

    /** Publishes the attendance and waits until its rows (all its attendees, with their statuses) are applied. */
    void record(AttendanceRecorded attendance) {
        events().attendance(attendance);
        await().atMost(EVENT_TIMEOUT).until(() -> attendance.attendees().stream().allMatch(a -> count(ds,
                "select count(*) from attended_session where session_id = ? and patient_id = ? and status = ?",
                attendance.sessionId(), a.patientId(), a.status()) == 1)
                && count(ds, "select count(*) from attended_session where session_id = ?", attendance.sessionId())
                == attendance.attendees().size());
    }

    static int minutes(String status) {
        return "NO_SHOW".equals(status) || "ABSENT".equals(status) || "EXCUSED".equals(status) ? 0 : 90;
    }

    /** Until the patient has a no-show follow-up of the session in this status; returns its id. */
    UUID awaitNoShowTask(UUID session, UUID patientId, String status) {
        await().atMost(EVENT_TIMEOUT).until(() -> count(ds, "select count(*) from follow_up_task where session_id = ? and patient_id = ?"
                + " and kind = 'NO_SHOW_FOLLOW_UP' and status = ?", session, patientId, status) == 1);
        return (UUID) value(ds, "select id from follow_up_task where session_id = ? and patient_id = ? and status = ?", session, patientId,
                status);
    }

    long tasks(UUID patientId, String kind) {
        return count(ds, "select count(*) from follow_up_task where patient_id = ? and kind = ?", patientId, kind);
    }

    /** The events of this type on iop.plans keyed by the patient, payloads as JSON. */
    List<JsonNode> published(UUID patientId, String type) {
        List<ConsumerRecord<String, String>> records = new TopicReader(bootstrap).read(Topics.PLANS,
                r -> patientId.toString().equals(r.key()) && type.equals(header(r, "ce_type")));
        return records.stream().map(r -> {
            try {
                return EventFixtures.JSON.readTree(r.value());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Until {@code count} events of this type keyed by the patient are on iop.plans (the outbox relays after commit). */
    List<JsonNode> awaitPublished(UUID patientId, String type, int count) {
        await().atMost(EVENT_TIMEOUT).until(() -> published(patientId, type).size() >= count);
        return published(patientId, type);
    }
}
