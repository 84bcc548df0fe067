package care.iop.plan.support;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import care.iop.events.AttendanceRecorded;
import care.iop.events.ClinicianState;
import care.iop.events.EventTypes;
import care.iop.events.Part2;
import care.iop.events.PatientState;
import care.iop.events.Topics;

/**
 * Produces other services' events onto the real test broker, as the outbox relay would: CloudEvents
 * binary mode ({@code ce_id}, {@code ce_type}, {@code ce_source}, {@code ce_subject} headers, JSON payload
 * of a record of the events module, key = aggregate id). Sends are synchronous.
 * <pre>
 * EventFixtures events = EventFixtures.on(bootstrap);
 * PatientState patient = EventFixtures.patient(UUID.randomUUID()).groupComfort("UNCOMFORTABLE").build();
 * events.patientRegistered(patient);
 * ReadModelProbe.awaitPatient(ds, patient.patientId(), patient.version());
 * events.attendance(EventFixtures.attendance(sessionId, "GROUP", start, 180).attendee(patientId, "ATTENDED", 180).build());
 * </pre>
 */
public final class EventFixtures {
    public static final String SOURCE = "/iop/test-fixtures";
    public static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final Map<String, EventFixtures> BY_BOOTSTRAP = new ConcurrentHashMap<>();

    private final KafkaProducer<String, String> producer;

    private EventFixtures(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** One shared producer per broker for the whole test JVM. */
    public static EventFixtures on(String bootstrap) {
        return BY_BOOTSTRAP.computeIfAbsent(bootstrap, EventFixtures::new);
    }

    // ---------------------------------------------------------------- payload builders

    /** An ACTIVE adult (ADULT_MH, level 2.1), COMFORTABLE in groups, NO_PREFERENCE, with a GROUP_PARTICIPATION consent, version 1. */
    public static PatientBuilder patient(UUID patientId) {
        return new PatientBuilder(patientId);
    }

    /** An active, licensed (LCSW) clinician who can lead groups, version 1. */
    public static ClinicianState clinician(UUID clinicianId) {
        return clinician(clinicianId, List.of("LCSW"));
    }

    /** An active clinician who can lead groups with these credentials, version 1. */
    public static ClinicianState clinician(UUID clinicianId, List<String> credentials) {
        return new ClinicianState(clinicianId, "1234567893", "Dr Test " + clinicianId.toString().substring(0, 4), true, true, 1,
                credentials);
    }

    /** Attendance of one session lasting {@code minutes} from {@code start}; add attendees then build. */
    public static AttendanceBuilder attendance(UUID sessionId, String sessionType, OffsetDateTime start, int minutes) {
        return new AttendanceBuilder(sessionId, sessionType, start, start.plusMinutes(minutes));
    }

    // ---------------------------------------------------------------- producing

    public String patientRegistered(PatientState patient) {
        return patientEvent(EventTypes.PATIENT_REGISTERED, patient);
    }

    /** Any patient event type (EventTypes.PATIENT_*), keyed by the patient id. */
    public String patientEvent(String type, PatientState patient) {
        return publish(Topics.PARTICIPANTS, patient.patientId().toString(), type, patient);
    }

    public String clinicianRegistered(ClinicianState clinician) {
        return publish(Topics.PARTICIPANTS, clinician.clinicianId().toString(), EventTypes.CLINICIAN_REGISTERED, clinician);
    }

    /** ATTENDANCE_RECORDED on iop.sessions, keyed by the session id. */
    public String attendance(AttendanceRecorded attendance) {
        return publish(Topics.SESSIONS, attendance.sessionId().toString(), EventTypes.ATTENDANCE_RECORDED, attendance);
    }

    /** Publishes {@code payload} as JSON with a fresh ce_id; returns the ce_id. */
    public String publish(String topic, String key, String type, Object payload) {
        String eventId = UUID.randomUUID().toString();
        publishRaw(topic, key, eventId, type, toJson(payload));
        return eventId;
    }

    /** A patient event, returning where it landed (for {@link ReadModelProbe#awaitConsumed}). */
    public RecordMetadata patientEventLocated(String type, PatientState patient) {
        return publishRaw(Topics.PARTICIPANTS, patient.patientId().toString(), UUID.randomUUID().toString(), type, toJson(patient));
    }

    /** Publishes exactly this record; a null {@code eventId} or {@code type} leaves that header out (a broken event). */
    public RecordMetadata publishRaw(String topic, String key, String eventId, String type, String payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_type", type);
        header(record, "ce_source", SOURCE);
        header(record, "ce_subject", key);
        header(record, "content-type", "application/json");
        return send(record);
    }

    /** Sends a record read from a topic again, unchanged (same ce_id): a redelivery; returns where it landed. */
    public RecordMetadata redeliver(ConsumerRecord<String, String> original) {
        return send(new ProducerRecord<>(original.topic(), null, original.key(), original.value(), original.headers()));
    }

    public static String toJson(Object payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private RecordMetadata send(ProducerRecord<String, String> record) {
        try {
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish test event to " + record.topic(), e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    // ---------------------------------------------------------------- builders

    public static final class PatientBuilder {
        private final UUID patientId;
        private String status = "ACTIVE";
        private String track = "ADULT_MH";
        private String levelOfCare = "2.1";
        private String groupComfort = "COMFORTABLE";
        private String preferredModality = "NO_PREFERENCE";
        private final List<PatientState.ConsentSummary> consents = new ArrayList<>();
        private LocalDate dischargedOn;
        private long version = 1;
        private Boolean part2;
        private LocalDate birthDate;
        private LocalDate admissionDate;
        private String dischargeReasonCode;

        private PatientBuilder(UUID patientId) {
            this.patientId = patientId;
            consents.add(new PatientState.ConsentSummary(UUID.randomUUID(), "GROUP_PARTICIPATION", null));
        }

        public PatientBuilder status(String value) {
            status = value;
            return this;
        }

        public PatientBuilder track(String value) {
            track = value;
            return this;
        }

        public PatientBuilder levelOfCare(String value) {
            levelOfCare = value;
            return this;
        }

        public PatientBuilder groupComfort(String value) {
            groupComfort = value;
            return this;
        }

        public PatientBuilder preferredModality(String value) {
            preferredModality = value;
            return this;
        }

        public PatientBuilder withoutConsents() {
            consents.clear();
            return this;
        }

        public PatientBuilder consent(String kind, LocalDate expiresOn) {
            consents.add(new PatientState.ConsentSummary(UUID.randomUUID(), kind, expiresOn));
            return this;
        }

        /** A PART2_DISCLOSURE consent naming its recipient (the client identity it is matched to) and purposes. */
        public PatientBuilder disclosureConsent(UUID consentId, String recipientId, List<String> purposes, LocalDate expiresOn) {
            consents.add(new PatientState.ConsentSummary(consentId, "PART2_DISCLOSURE", expiresOn, recipientId, purposes));
            return this;
        }

        /** The Part 2 label the event carries (default: what the track implies, as participant-service publishes). */
        public PatientBuilder part2(boolean value) {
            part2 = value;
            return this;
        }

        /** status DISCHARGED, dischargedOn = {@code on} (no coded reason, as events before issue 20). */
        public PatientBuilder discharged(LocalDate on) {
            status = "DISCHARGED";
            dischargedOn = on;
            return this;
        }

        /** status DISCHARGED on {@code on} with a coded reason ({@link care.iop.events.DischargeReason} name). */
        public PatientBuilder discharged(LocalDate on, String reasonCode) {
            discharged(on);
            dischargeReasonCode = reasonCode;
            return this;
        }

        /** The date of birth the event carries (default: none, as events before issue 20: the track decides). */
        public PatientBuilder birthDate(LocalDate value) {
            birthDate = value;
            return this;
        }

        /** The admission date the event carries (default: none). */
        public PatientBuilder admittedOn(LocalDate value) {
            admissionDate = value;
            return this;
        }

        public PatientBuilder version(long value) {
            version = value;
            return this;
        }

        public PatientState build() {
            return new PatientState(patientId, status, track, levelOfCare, groupComfort, preferredModality,
                    List.copyOf(consents), dischargedOn, version, part2 != null ? part2 : Part2.track(track), birthDate, admissionDate,
                    dischargeReasonCode);
        }
    }

    public static final class AttendanceBuilder {
        private final UUID sessionId;
        private final String sessionType;
        private final OffsetDateTime start;
        private final OffsetDateTime end;
        private final List<AttendanceRecorded.Attendee> attendees = new ArrayList<>();

        private AttendanceBuilder(UUID sessionId, String sessionType, OffsetDateTime start, OffsetDateTime end) {
            this.sessionId = sessionId;
            this.sessionType = sessionType;
            this.start = start;
            this.end = end;
        }

        /** An attendee whose modality is the session type. */
        public AttendanceBuilder attendee(UUID patientId, String status, int minutesAttended) {
            return attendee(patientId, status, minutesAttended, sessionType);
        }

        public AttendanceBuilder attendee(UUID patientId, String status, int minutesAttended, String modality) {
            attendees.add(new AttendanceRecorded.Attendee(patientId, status, minutesAttended, modality));
            return this;
        }

        public AttendanceRecorded build() {
            return new AttendanceRecorded(sessionId, sessionType, start, end, List.copyOf(attendees));
        }
    }
}
