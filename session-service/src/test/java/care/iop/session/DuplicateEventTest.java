package care.iop.session;

import static care.iop.session.Fixtures.groupConsent;
import static care.iop.session.Fixtures.part2Consent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.events.EventTypes;
import care.iop.events.Topics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A duplicate event that arrives alone (its own poll, so the inbox applies it one by one rather than in a batch) changes
 * nothing, in each consumer of session-service. Re-applying either event would change the read model (new consent row ids,
 * a new {@code updated_at}), so only the inbox's record of the event id keeps it unchanged.
 */
@QuarkusTest
class DuplicateEventTest {
    static final String GROUP = "session-service";

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(bootstrap, ds);
    }

    @Test
    void aDuplicatePatientEventArrivingAloneChangesNothing() {
        UUID patient = UUID.randomUUID();
        long version = Fixtures.nextVersion();
        String eventId = UUID.randomUUID().toString();
        String payload = Fixtures.json(Fixtures.patientState(patient, "ACTIVE", "ADULT_SUD",
                List.of(groupConsent(null), part2Consent("ehr-a", List.of("TREATMENT"), LocalDate.now().plusDays(30))), version));
        fx.send(Topics.PARTICIPANTS, patient.toString(), EventTypes.PATIENT_REGISTERED, eventId, payload);
        await().atMost(Fixtures.EVENTS).until(() -> fx.count("select count(*) from known_patient_consent where patient_id = ?", patient) == 2);
        String consents = "select id, consent_id, kind, recipient_id, array_to_string(purposes, ',') as purposes, expires_on"
                + " from known_patient_consent where patient_id = ? order by id";
        List<Map<String, Object>> before = fx.rows(consents, patient);
        List<Map<String, Object>> patientBefore = fx.rows("select status, version, part2 from known_patient where patient_id = ?", patient);

        RecordMetadata duplicate = fx.sendAt(Topics.PARTICIPANTS, patient.toString(), EventTypes.PATIENT_REGISTERED, eventId, payload);
        awaitConsumed(duplicate);

        assertThat(fx.rows(consents, patient)).isEqualTo(before);
        assertThat(fx.rows("select status, version, part2 from known_patient where patient_id = ?", patient)).isEqualTo(patientBefore);
        assertThat(fx.count("select count(*) from processed_event where event_id = ?", eventId)).isEqualTo(1);
    }

    @Test
    void aDuplicatePlanEventArrivingAloneChangesNothing() {
        UUID patient = fx.patient(UUID.randomUUID(), EventTypes.PATIENT_REGISTERED, "ACTIVE", "ADULT_MH", List.of(groupConsent(null)));
        UUID plan = UUID.randomUUID();
        long version = Fixtures.nextVersion();
        String eventId = UUID.randomUUID().toString();
        String payload = Fixtures.json(Fixtures.planState(plan, patient, "active", Fixtures.MIXED, null, true, version));
        fx.send(Topics.PLANS, plan.toString(), EventTypes.PLAN_CREATED, eventId, payload);
        await().atMost(Fixtures.EVENTS).until(() -> fx.count("select count(*) from known_plan where plan_id = ?", plan) == 1);
        String planRow = "select status, version, part2, updated_at, group_hours_per_week from known_plan where plan_id = ?";
        List<Map<String, Object>> before = fx.rows(planRow, plan);
        assertThat(fx.count("select count(*) from known_patient where patient_id = ? and part2", patient)).isEqualTo(1);

        RecordMetadata duplicate = fx.sendAt(Topics.PLANS, plan.toString(), EventTypes.PLAN_CREATED, eventId, payload);
        awaitConsumed(duplicate);

        assertThat(fx.rows(planRow, plan)).isEqualTo(before);
        assertThat(fx.count("select count(*) from processed_event where event_id = ?", eventId)).isEqualTo(1);
    }

    /** Until the service's consumer group has committed past the record: it was read, applied (or skipped) and acknowledged. */
    private void awaitConsumed(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            await().atMost(Fixtures.EVENTS).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get().get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }
}
