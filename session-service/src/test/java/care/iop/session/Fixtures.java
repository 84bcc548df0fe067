package care.iop.session;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import care.iop.events.ClinicianState;
import care.iop.events.EventTypes;
import care.iop.events.ModalityMix;
import care.iop.events.PatientState;
import care.iop.events.PlanState;
import care.iop.events.Topics;
import care.iop.testing.TestTokens;
import io.restassured.response.ValidatableResponse;

/**
 * Test data from real events: writes participant and plan CloudEvents onto the broker and waits
 * until the service's read models have them; plus small REST helpers.
 */
public final class Fixtures {
    public static final ZoneId ZONE = ZoneId.of("America/New_York");
    public static final Duration EVENTS = Duration.ofSeconds(30);
    public static final ModalityMix MIXED = new ModalityMix(1, 53, 9.0, 1);
    public static final ModalityMix INDIVIDUAL_ONLY = new ModalityMix(3, 53, 0.0, 0);
    public static final ModalityMix GROUP_ONLY = new ModalityMix(0, 0, 9.0, 0);
    private static final AtomicLong VERSIONS = new AtomicLong(1);
    private static final AtomicLong DAYS = new AtomicLong();
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final String bootstrap;
    private final DataSource ds;

    public Fixtures(String bootstrap, DataSource ds) {
        this.bootstrap = bootstrap;
        this.ds = ds;
    }

    // ---------------------------------------------------------------- events

    public void send(String topic, String key, String type, Object payload) {
        send(topic, key, type, UUID.randomUUID().toString(), payload instanceof String s ? s : json(payload));
    }

    public void send(String topic, String key, String type, String eventId, String payload) {
        sendAt(topic, key, type, eventId, payload);
    }

    /** Sends a CloudEvent and returns where the broker put it (to await its consumption). */
    public RecordMetadata sendAt(String topic, String key, String type, String eventId, String payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        if (eventId != null) {
            record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        }
        if (type != null) {
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        }
        record.headers().add("ce_source", "/iop/test".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        try {
            return producer(bootstrap).send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KafkaProducer<String, String> producer;

    private static synchronized KafkaProducer<String, String> producer(String bootstrap) {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    public static String json(Object payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a patient event (full state) of the ADULT_SUD track and waits until the read model holds its version. */
    public UUID patient(UUID id, String type, String status, List<PatientState.ConsentSummary> consents) {
        return patient(id, type, status, "ADULT_SUD", consents);
    }

    /** {@link #patient(UUID, String, String, List)} in a track (its Part 2 label is what the track implies). */
    public UUID patient(UUID id, String type, String status, String track, List<PatientState.ConsentSummary> consents) {
        long version = VERSIONS.incrementAndGet();
        send(Topics.PARTICIPANTS, id.toString(), type, patientState(id, status, track, consents, version));
        await().atMost(EVENTS).until(() -> count("select count(*) from known_patient where patient_id = ? and version = ?", id, version) == 1);
        return id;
    }

    public static PatientState patientState(UUID id, String status, String track, List<PatientState.ConsentSummary> consents, long version) {
        return new PatientState(id, status, track, "2.1", "COMFORTABLE", "NO_PREFERENCE", consents,
                "DISCHARGED".equals(status) ? LocalDate.now() : null, version);
    }

    public static long nextVersion() {
        return VERSIONS.incrementAndGet();
    }

    /** A PART2_DISCLOSURE consent naming a recipient (a client identity) and purposes (names of Purpose). */
    public static PatientState.ConsentSummary part2Consent(String recipientId, List<String> purposes, LocalDate expiresOn) {
        return new PatientState.ConsentSummary(UUID.randomUUID(), "PART2_DISCLOSURE", expiresOn, recipientId, purposes);
    }

    public static PatientState.ConsentSummary groupConsent(LocalDate expiresOn) {
        return new PatientState.ConsentSummary(UUID.randomUUID(), "GROUP_PARTICIPATION", expiresOn);
    }

    public UUID clinician(boolean canLeadGroups) {
        UUID id = UUID.randomUUID();
        long version = VERSIONS.incrementAndGet();
        send(Topics.PARTICIPANTS, id.toString(), EventTypes.CLINICIAN_REGISTERED,
                new ClinicianState(id, "1234567893", "Dr Test", canLeadGroups, true, version));
        await().atMost(EVENTS).until(() -> count("select count(*) from known_clinician where clinician_id = ?", id) == 1);
        return id;
    }

    public UUID groupLeader() {
        return clinician(true);
    }

    /** Sends a plan event and waits until the read model holds its version. */
    public void plan(UUID planId, UUID patientId, String type, String status, ModalityMix mix) {
        plan(planId, patientId, type, status, mix, null);
    }

    /** {@link #plan(UUID, UUID, String, String, ModalityMix)} with a schedule of mixes by date (null: as events before schedules). */
    public void plan(UUID planId, UUID patientId, String type, String status, ModalityMix mix, List<PlanState.ModalityPeriod> schedule) {
        plan(planId, patientId, type, status, mix, schedule, null);
    }

    /** A plan event with its Part 2 label (null: as events before the label). */
    public void plan(UUID planId, UUID patientId, String type, String status, ModalityMix mix, List<PlanState.ModalityPeriod> schedule,
                     Boolean part2) {
        long version = VERSIONS.incrementAndGet();
        send(Topics.PLANS, planId.toString(), type, planState(planId, patientId, status, mix, schedule, part2, version));
        await().atMost(EVENTS).until(() -> count("select count(*) from known_plan where plan_id = ? and version = ?", planId, version) == 1);
    }

    /** An active plan event carrying the ids of the plan's objectives (null: as events before they carried them). */
    public void planWithObjectives(UUID planId, UUID patientId, List<String> objectiveIds) {
        long version = VERSIONS.incrementAndGet();
        PlanState plain = planState(planId, patientId, "active", MIXED, null, null, version);
        send(Topics.PLANS, planId.toString(), EventTypes.PLAN_CREATED, new PlanState(plain.planId(), plain.patientId(),
                plain.primaryClinicianId(), plain.status(), plain.levelOfCare(), plain.modality(), plain.startDate(), plain.endDate(),
                version, null, null, objectiveIds));
        await().atMost(EVENTS).until(() -> count("select count(*) from known_plan where plan_id = ? and version = ?", planId, version) == 1);
    }

    public static PlanState planState(UUID planId, UUID patientId, String status, ModalityMix mix, List<PlanState.ModalityPeriod> schedule,
                                      Boolean part2, long version) {
        return new PlanState(planId, patientId, UUID.randomUUID(), status, "2.1", mix, LocalDate.now(), null, version, schedule, part2);
    }

    /** A registered, active patient with a group consent and an active plan of the given mix; returns the patient id. */
    public UUID eligiblePatient(ModalityMix mix) {
        UUID id = patient(UUID.randomUUID(), EventTypes.PATIENT_REGISTERED, "ACTIVE", List.of(groupConsent(null)));
        plan(UUID.randomUUID(), id, EventTypes.PLAN_CREATED, "active", mix);
        return id;
    }

    public UUID eligibleGroupPatient() {
        return eligiblePatient(MIXED);
    }

    /** The rows of a query, each as column label -> value. */
    public List<Map<String, Object>> rows(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> rows = new java.util.ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new java.util.HashMap<>();
                    for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                        row.put(rs.getMetaData().getColumnLabel(col), rs.getObject(col));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- time

    /** A distinct future day (so tests never collide with each other's rooms or clinicians by accident), 09:00 local. */
    public static OffsetDateTime futureMorning() {
        return LocalDate.now(ZONE).plusDays(10 + DAYS.incrementAndGet()).atTime(9, 0).atZone(ZONE).toOffsetDateTime();
    }

    /** As the API writes it: ISO-8601 with seconds and the program zone's offset. */
    public static String iso(OffsetDateTime time) {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atZoneSameInstant(ZONE).toOffsetDateTime());
    }

    public static OffsetDateTime startedAnHourAgo() {
        return OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).truncatedTo(ChronoUnit.MINUTES);
    }

    // ---------------------------------------------------------------- REST

    public static String auth(String role) {
        return TestTokens.bearer(role);
    }

    public static Map<String, Object> group(UUID clinicianId, OffsetDateTime start, int minutes, Integer capacity) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("type", "GROUP", "clinicianId", clinicianId.toString(),
                "start", start.toString(), "end", start.plusMinutes(minutes).toString(), "topic", "Relapse prevention",
                "location", "Room " + UUID.randomUUID()));
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        return body;
    }

    public static Map<String, Object> individual(String type, UUID clinicianId, UUID patientId, OffsetDateTime start, int minutes) {
        return new java.util.HashMap<>(Map.of("type", type, "clinicianId", clinicianId.toString(), "patientId", patientId.toString(),
                "start", start.toString(), "end", start.plusMinutes(minutes).toString(), "location", "TELEHEALTH"));
    }

    public static ValidatableResponse post(String role, String path, Object body) {
        return given().header("Authorization", auth(role)).contentType("application/json").body(body instanceof String s ? s : json(body))
                .when().post(path).then();
    }

    public static String createSession(Map<String, Object> body) {
        return post("scheduler", "/api/v1/sessions", body).statusCode(201).extract().path("id");
    }

    public static ValidatableResponse book(String sessionId, UUID patientId) {
        return post("scheduler", "/api/v1/sessions/" + sessionId + "/participants", Map.of("patientId", patientId.toString()));
    }
}
