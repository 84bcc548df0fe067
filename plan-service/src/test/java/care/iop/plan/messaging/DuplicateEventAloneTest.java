package care.iop.plan.messaging;

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
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import care.iop.events.BookingState;
import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.ReadModelProbe;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A redelivered event that arrives alone (a poll of its own: the Inbox's one-by-one path, not a batch) changes
 * nothing, in each of plan-service's consumers. Each duplicate is an older event whose effect a later event replaced,
 * so applying it again would be visible; it is sent only after the later event was applied and then awaited until the
 * consumer group committed past it.
 */
@QuarkusTest
class DuplicateEventAloneTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private EventFixtures events() {
        return EventFixtures.on(bootstrap);
    }

    @Test
    void participantEventsConsumer() {
        UUID patient = UUID.randomUUID();
        UUID consent = UUID.randomUUID();
        String firstId = events().patientRegistered(EventFixtures.patient(patient).track("ADULT_SUD")
                .disclosureConsent(consent, "ehr-a", List.of("TREATMENT"), LocalDate.of(2027, 6, 30)).build());
        ReadModelProbe.awaitPatient(ds, patient, 1);
        assertThat(count(ds, "select count(*) from known_consent where patient_id = ?", patient)).isEqualTo(1);
        events().patientEvent(EventTypes.PATIENT_CONSENT_REVOKED, EventFixtures.patient(patient).track("ADULT_SUD").groupComfort("HESITANT")
                .version(2).build());
        ReadModelProbe.awaitPatient(ds, patient, 2);

        redeliverAlone(Topics.PARTICIPANTS, firstId);

        assertThat(count(ds, "select count(*) from processed_event where consumer = 'plan-participants' and event_id = ?", firstId)).isEqualTo(1);
        assertThat(value(ds, "select version from known_patient where patient_id = ?", patient)).isEqualTo(2L);
        assertThat(value(ds, "select group_comfort from known_patient where patient_id = ?", patient)).isEqualTo("HESITANT");
        assertThat(count(ds, "select count(*) from known_consent where patient_id = ?", patient)).as("the revoked consent stays revoked").isZero();
    }

    @Test
    void sessionEventsConsumerBookings() {
        UUID session = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.of(2026, 12, 8, 15, 0, 0, 0, ZoneOffset.UTC);
        String confirmedId = booking(EventTypes.BOOKING_CONFIRMED, session, patient, start, "BOOKED");
        awaitBooking(session, "BOOKED");
        booking(EventTypes.BOOKING_CANCELLED, session, patient, start, "CANCELLED");
        awaitBooking(session, "CANCELLED");

        redeliverAlone(Topics.SESSIONS, confirmedId);

        assertThat(count(ds, "select count(*) from processed_event where consumer = 'plan-sessions' and event_id = ?", confirmedId)).isEqualTo(1);
        assertThat(value(ds, "select status from booked_session where session_id = ?", session)).as("the cancellation stands").isEqualTo("CANCELLED");
    }

    @Test
    void sessionEventsConsumerAttendance() {
        UUID session = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.of(2026, 12, 9, 15, 0, 0, 0, ZoneOffset.UTC);
        String firstId = events().attendance(EventFixtures.attendance(session, "GROUP", start, 90).attendee(patient, "ATTENDED", 90).build());
        ReadModelProbe.awaitAttendance(ds, session, 1);
        events().attendance(EventFixtures.attendance(session, "GROUP", start, 90).attendee(patient, "LEFT_EARLY", 45).build());
        await().atMost(EVENT_TIMEOUT).until(() -> count(ds, "select count(*) from attended_session where session_id = ? and minutes = 45", session) == 1);

        redeliverAlone(Topics.SESSIONS, firstId);

        assertThat(value(ds, "select status from attended_session where session_id = ?", session)).as("the correction stands").isEqualTo("LEFT_EARLY");
        assertThat(value(ds, "select minutes from attended_session where session_id = ?", session)).isEqualTo(45);
    }

    /** Sends the event with ce_id {@code eventId} again, unchanged, and waits until the consumer group committed past it. */
    private void redeliverAlone(String topic, String eventId) {
        ConsumerRecord<String, String> original = new TopicReader(bootstrap).read(topic, r -> eventId.equals(header(r, "ce_id"))).get(0);
        RecordMetadata duplicate = events().redeliver(original);
        ReadModelProbe.awaitConsumed(bootstrap, duplicate);
    }

    private String booking(String type, UUID session, UUID patient, OffsetDateTime start, String status) {
        return events().publish(Topics.SESSIONS, session.toString(), type,
                new BookingState(session, patient, "GROUP", start, start.plusMinutes(180), status, null, false, null));
    }

    private void awaitBooking(UUID session, String status) {
        await().atMost(EVENT_TIMEOUT).until(() -> count(ds, "select count(*) from booked_session where session_id = ? and status = ?",
                session, status) == 1);
    }
}
