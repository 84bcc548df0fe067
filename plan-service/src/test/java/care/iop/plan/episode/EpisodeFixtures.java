package care.iop.plan.episode;

import static care.iop.plan.support.ReadModelProbe.EVENT_TIMEOUT;
import static care.iop.plan.support.ReadModelProbe.count;
import static care.iop.testing.TopicReader.header;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import care.iop.events.Topics;
import care.iop.plan.support.ReadModelProbe;
import care.iop.testing.TopicReader;

/** Episodes in the database and episode events on iop.plans (key: the patient id), for assertions. */
final class EpisodeFixtures {
    static final String EPISODES = "/api/v1/episodes";

    private EpisodeFixtures() {
    }

    /** Until the patient has {@code episodes} episodes; the latest one's id. */
    static UUID awaitEpisodes(DataSource ds, UUID patientId, int episodes) {
        await().atMost(EVENT_TIMEOUT).until(() -> count(ds, "select count(*) from episode_of_care where patient_id = ?", patientId) == episodes);
        return latestEpisode(ds, patientId);
    }

    static UUID latestEpisode(DataSource ds, UUID patientId) {
        return (UUID) ReadModelProbe.value(ds, "select id from episode_of_care where patient_id = ? order by admitted_on desc, created_at desc limit 1",
                patientId);
    }

    static LocalDate overdueNotifiedOn(DataSource ds, UUID episodeId) {
        Object value = ReadModelProbe.value(ds, "select first_plan_overdue_on from episode_of_care where id = ?", episodeId);
        return value == null ? null : ((java.sql.Date) value).toLocalDate();
    }

    static long transitions(DataSource ds, UUID episodeId) {
        return count(ds, "select count(*) from level_of_care_transition where episode_id = ?", episodeId);
    }

    /** Outbox rows not yet relayed plus records on iop.plans of this type about the patient (key or payload). */
    static long events(DataSource ds, String bootstrap, UUID patientId, String type) {
        return count(ds, "select count(*) from outbox where type = ? and payload like ?", type, "%" + patientId + "%")
                + published(bootstrap, patientId, type).size();
    }

    static List<ConsumerRecord<String, String>> published(String bootstrap, UUID patientId, String type) {
        return new TopicReader(bootstrap).read(Topics.PLANS, r -> r.value() != null && r.value().contains(patientId.toString())
                && type.equals(header(r, "ce_type")));
    }

    /** Until exactly {@code expected} events of this type about the patient are on iop.plans (and none left in the outbox). */
    static void awaitPublished(DataSource ds, String bootstrap, UUID patientId, String type, int expected) {
        await().atMost(EVENT_TIMEOUT).until(() -> published(bootstrap, patientId, type).size() == expected
                && count(ds, "select count(*) from outbox where type = ? and payload like ?", type, "%" + patientId + "%") == 0);
    }
}
