package care.iop.plan.messaging;

import static care.iop.plan.support.ReadModelProbe.EVENT_TIMEOUT;
import static care.iop.plan.support.ReadModelProbe.count;
import static care.iop.plan.support.ReadModelProbe.value;
import static care.iop.testing.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import care.iop.events.EventTypes;
import care.iop.events.PatientState;
import care.iop.events.Topics;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.ReadModelProbe;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReadModelConsumersTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private EventFixtures events() {
        return EventFixtures.on(bootstrap);
    }

    @Test
    void patientEventsUpsertTheKnownPatientAndOlderVersionsAreIgnored() {
        UUID id = UUID.randomUUID();
        events().patientRegistered(EventFixtures.patient(id).groupComfort("HESITANT").build());
        ReadModelProbe.awaitPatient(ds, id, 1);
        assertThat(value(ds, "select group_comfort from known_patient where patient_id = ?", id)).isEqualTo("HESITANT");
        assertThat((String) value(ds, "select active_consents from known_patient where patient_id = ?", id)).contains("GROUP_PARTICIPATION");

        events().patientEvent(EventTypes.PATIENT_CONSENT_REVOKED, EventFixtures.patient(id).withoutConsents().version(3).build());
        ReadModelProbe.awaitPatient(ds, id, 3);
        // An older event arriving late (version 2) changes nothing, once consumed.
        ReadModelProbe.awaitConsumed(bootstrap, events().patientEventLocated(EventTypes.PATIENT_UPDATED,
                EventFixtures.patient(id).groupComfort("UNCOMFORTABLE").version(2).build()));
        assertThat(value(ds, "select version from known_patient where patient_id = ?", id)).isEqualTo(3L);
        assertThat(value(ds, "select group_comfort from known_patient where patient_id = ?", id)).isEqualTo("COMFORTABLE");
        assertThat(value(ds, "select active_consents from known_patient where patient_id = ?", id)).isEqualTo("[]");
        events().patientEvent(EventTypes.PATIENT_DISCHARGED, EventFixtures.patient(id).groupComfort("HESITANT").withoutConsents()
                .birthDate(java.time.LocalDate.of(2009, 6, 1)).admittedOn(java.time.LocalDate.of(2026, 11, 2))
                .discharged(java.time.LocalDate.of(2026, 12, 20), "NON_ATTENDANCE").version(4).build());
        ReadModelProbe.awaitPatient(ds, id, 4);
        assertThat(value(ds, "select status from known_patient where patient_id = ?", id)).isEqualTo("DISCHARGED");
        assertThat(value(ds, "select group_comfort from known_patient where patient_id = ?", id)).isEqualTo("HESITANT");
        assertThat(count(ds, "select count(*) from known_patient where patient_id = ? and group_comfort = 'UNCOMFORTABLE'", id)).isZero();
        assertThat(value(ds, "select active_consents from known_patient where patient_id = ?", id)).isEqualTo("[]");
        assertThat(value(ds, "select discharged_on::text from known_patient where patient_id = ?", id)).isEqualTo("2026-12-20");
        assertThat(value(ds, "select discharge_reason_code from known_patient where patient_id = ?", id)).isEqualTo("NON_ATTENDANCE");
        assertThat(value(ds, "select admission_date::text from known_patient where patient_id = ?", id)).isEqualTo("2026-11-02");
        assertThat(value(ds, "select birth_date::text from known_patient where patient_id = ?", id)).isEqualTo("2009-06-01");
        // A later event without a birth date (an older producer) keeps the one known.
        events().patientEvent(EventTypes.PATIENT_UPDATED, EventFixtures.patient(id).version(5).build());
        ReadModelProbe.awaitPatient(ds, id, 5);
        assertThat(value(ds, "select birth_date::text from known_patient where patient_id = ?", id)).isEqualTo("2009-06-01");
    }

    @Test
    void clinicianEventsUpsertTheKnownClinician() {
        UUID id = UUID.randomUUID();
        events().clinicianRegistered(EventFixtures.clinician(id));
        ReadModelProbe.awaitClinician(ds, id, 1);
        assertThat(value(ds, "select active from known_clinician where clinician_id = ?", id)).isEqualTo(true);
        assertThat(value(ds, "select can_lead_groups from known_clinician where clinician_id = ?", id)).isEqualTo(true);
        assertThat(value(ds, "select credentials from known_clinician where clinician_id = ?", id)).isEqualTo("LCSW");
        UUID supervised = UUID.randomUUID();
        events().clinicianRegistered(EventFixtures.clinician(supervised, java.util.List.of("LPC-A", "LAC")));
        ReadModelProbe.awaitClinician(ds, supervised, 1);
        assertThat(value(ds, "select credentials from known_clinician where clinician_id = ?", supervised)).isEqualTo("LPC-A,LAC");
    }

    @Test
    void attendanceReplacesTheSessionRowsAndARedeliveredOldEventChangesNothing() {
        UUID session = UUID.randomUUID();
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.of(2026, 12, 1, 14, 0, 0, 0, ZoneOffset.UTC);
        String firstId = events().attendance(EventFixtures.attendance(session, "GROUP", start, 90)
                .attendee(ann, "ATTENDED", 90).attendee(bob, "NO_SHOW", 0).build());
        ReadModelProbe.awaitAttendance(ds, session, 2);

        events().attendance(EventFixtures.attendance(session, "GROUP", start, 90).attendee(ann, "LEFT_EARLY", 45).build());
        await().atMost(EVENT_TIMEOUT).until(() -> count(ds, "select count(*) from attended_session where session_id = ? and minutes = 45", session) == 1);
        assertThat(count(ds, "select count(*) from attended_session where session_id = ?", session)).isEqualTo(1);

        List<ConsumerRecord<String, String>> first = new TopicReader(bootstrap).read(Topics.SESSIONS, r -> firstId.equals(header(r, "ce_id")));
        assertThat(first).hasSize(1);
        events().redeliver(first.get(0));
        UUID marker = UUID.randomUUID();
        events().publish(Topics.SESSIONS, session.toString(), EventTypes.ATTENDANCE_RECORDED,
                EventFixtures.attendance(marker, "INDIVIDUAL", start, 50).attendee(ann, "ATTENDED", 50).build());
        ReadModelProbe.awaitAttendance(ds, marker, 1);
        assertThat(count(ds, "select count(*) from attended_session where session_id = ?", session)).isEqualTo(1);
        assertThat(value(ds, "select status from attended_session where session_id = ?", session)).isEqualTo("LEFT_EARLY");
        assertThat(value(ds, "select modality from attended_session where session_id = ?", marker)).isEqualTo("INDIVIDUAL");
    }

    @Test
    void newSessionEventsAreIgnoredWhileUnknownUnreadableOrIncompleteEventsAreDeadLettered() {
        String key = UUID.randomUUID().toString();
        events().publishRaw(Topics.SESSIONS, key, UUID.randomUUID().toString(), EventTypes.SESSION_SCHEDULED, "{\"sessionId\":\"" + key + "\"}");
        events().publishRaw(Topics.SESSIONS, key, UUID.randomUUID().toString(), EventTypes.PROGRESS_NOTE_SIGNED, "{\"sessionId\":\"" + key + "\"}");
        events().publishRaw(Topics.SESSIONS, key, UUID.randomUUID().toString(), EventTypes.BOOKING_CONFIRMED, "{\"sessionId\":\"" + key + "\"}");
        events().publishRaw(Topics.SESSIONS, key, UUID.randomUUID().toString(), "care.iop.session.attendance-recorded.v2", "{}");
        events().publishRaw(Topics.SESSIONS, key, UUID.randomUUID().toString(), EventTypes.ATTENDANCE_RECORDED, "{broken");
        events().publishRaw(Topics.SESSIONS, key, null, EventTypes.ATTENDANCE_RECORDED, "{}");
        String patientKey = UUID.randomUUID().toString();
        events().publishRaw(Topics.PARTICIPANTS, patientKey, UUID.randomUUID().toString(), "care.iop.patient.registered.v9", "{}");
        UUID marker = UUID.randomUUID();
        events().publish(Topics.SESSIONS, key, EventTypes.ATTENDANCE_RECORDED, EventFixtures.attendance(marker, "GROUP",
                OffsetDateTime.now(ZoneOffset.UTC), 60).attendee(UUID.randomUUID(), "ATTENDED", 60).build());
        ReadModelProbe.awaitAttendance(ds, marker, 1);

        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dead = new TopicReader(bootstrap).readByKey(Topics.deadLetter(Topics.SESSIONS), key);
            // the booking without patient, type, status and times is unprocessable; session.scheduled and progress notes are
            // not needed here
            assertThat(dead).hasSize(4);
            assertThat(dead).extracting(r -> header(r, "ce_type")).contains(EventTypes.BOOKING_CONFIRMED, "care.iop.session.attendance-recorded.v2")
                    .doesNotContain(EventTypes.SESSION_SCHEDULED, EventTypes.PROGRESS_NOTE_SIGNED);
            assertThat(dead).anyMatch(r -> header(r, "dead-letter-reason") != null && header(r, "dead-letter-reason").contains("v2"));
            assertThat(new TopicReader(bootstrap).readByKey(Topics.deadLetter(Topics.PARTICIPANTS), patientKey)).hasSize(1);
        });
    }

    @Test
    void redeliveredPatientEventChangesNothing() {
        UUID id = UUID.randomUUID();
        PatientState registered = EventFixtures.patient(id).build();
        String eventId = events().patientRegistered(registered);
        ReadModelProbe.awaitPatient(ds, id, 1);
        ConsumerRecord<String, String> original = new TopicReader(bootstrap).read(Topics.PARTICIPANTS, r -> eventId.equals(header(r, "ce_id"))).get(0);
        events().redeliver(original);
        events().patientEvent(EventTypes.PATIENT_UPDATED, EventFixtures.patient(id).version(2).build());
        ReadModelProbe.awaitPatient(ds, id, 2);
        assertThat(count(ds, "select count(*) from processed_event where event_id = ?", eventId)).isEqualTo(1);
    }
}
