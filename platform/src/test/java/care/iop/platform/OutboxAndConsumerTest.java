package care.iop.platform;

import static care.iop.testing.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import care.iop.platform.testapp.FailingNoteConsumer;
import care.iop.platform.testapp.NoteConsumer;
import care.iop.platform.testapp.NoteEvent;
import care.iop.testing.TestTokens;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OutboxAndConsumerTest {
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** Injected by IopTestInfrastructure: false stops the broker, true restarts it. */
    Consumer<Boolean> kafkaRunning;

    private String createNote(String text, String requestId) {
        return given().header("Authorization", TestTokens.bearer("clinician")).header("X-Request-Id", requestId)
                .contentType("application/json")
                .body("{\"patientId\":\"" + UUID.randomUUID() + "\",\"text\":\"" + text + "\"}")
                .when().post("/api/v1/test-notes")
                .then().statusCode(201).extract().path("id");
    }

    private long appliedCount(String noteId) {
        return Db.count(ds, "select coalesce(sum(applied_count), 0) from note_projection where id = ?", UUID.fromString(noteId));
    }

    @Test
    void eventTravelsFromOutboxThroughBrokerToConsumerAsCloudEvent() {
        String requestId = "req-" + UUID.randomUUID();
        String id = createNote("round trip", requestId);

        await().atMost(EVENT_TIMEOUT).until(() -> appliedCount(id) == 1);
        List<ConsumerRecord<String, String>> records = new TopicReader(bootstrap).readByKey(NoteEvent.TOPIC, id);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).matches("[0-9a-f-]{36}");
        assertThat(header(record, "ce_source")).isEqualTo("/iop/platform-test");
        assertThat(header(record, "ce_type")).isEqualTo(NoteEvent.TYPE);
        assertThat(header(record, "ce_subject")).isEqualTo(id);
        assertThat(header(record, "ce_time")).isNotBlank();
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(header(record, "ce_requestid")).isEqualTo(requestId);
        assertThat(record.value()).contains("\"text\":\"round trip\"");
        assertThat(Db.count(ds, "select count(*) from outbox where aggregate_id = ?", id)).isZero();
    }

    @Test
    void redeliveredEventChangesNothing() {
        String id = createNote("once only", "req-dup");
        await().atMost(EVENT_TIMEOUT).until(() -> appliedCount(id) == 1);
        ConsumerRecord<String, String> original = new TopicReader(bootstrap).readByKey(NoteEvent.TOPIC, id).get(0);

        try (KafkaProducer<String, String> producer = producer()) {
            ProducerRecord<String, String> duplicate = new ProducerRecord<>(NoteEvent.TOPIC, null, original.key(), original.value(), original.headers());
            producer.send(duplicate);
            producer.send(duplicate);
            // A later event on the same key (same partition) proves the duplicates were consumed before it.
            producer.send(cloudEvent(original.key(), UUID.randomUUID().toString(), "{\"id\":\"" + UUID.randomUUID() + "\",\"patientId\":\"" + UUID.randomUUID() + "\",\"text\":\"marker\"}"));
        }
        await().atMost(EVENT_TIMEOUT).until(() -> Db.count(ds, "select count(*) from note_projection where text = 'marker'") >= 1);
        assertThat(appliedCount(id)).isEqualTo(1);
        assertThat(Db.count(ds, "select count(*) from processed_event where event_id = ?", header(original, "ce_id"))).isEqualTo(1);
    }

    @Test
    void poisonMessageGoesToDeadLetterTopicAndLaterMessagesStillFlow() {
        String key = UUID.randomUUID().toString();
        UUID goodId = UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(NoteEvent.TOPIC, key, "not json and no headers"));
            producer.send(cloudEvent(key, UUID.randomUUID().toString(), "{broken json"));
            ProducerRecord<String, String> unknownVersion = cloudEvent(key, UUID.randomUUID().toString(), "{}");
            unknownVersion.headers().remove("ce_type").add("ce_type", "care.iop.test.note-written.v99".getBytes(StandardCharsets.UTF_8));
            producer.send(unknownVersion);
            producer.send(cloudEvent(key, UUID.randomUUID().toString(),
                    "{\"id\":\"" + goodId + "\",\"patientId\":\"" + UUID.randomUUID() + "\",\"text\":\"after poison\"}"));
        }
        await().atMost(EVENT_TIMEOUT).until(() -> appliedCount(goodId.toString()) == 1);
        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dead = new TopicReader(bootstrap).readByKey(NoteEvent.TOPIC + ".dlq", key);
            assertThat(dead).hasSize(3);
            assertThat(dead).allSatisfy(r -> assertThat(header(r, "dead-letter-reason")).isNotBlank());
            assertThat(header(dead.get(0), "dead-letter-reason")).contains("ce_id");
            assertThat(header(dead.get(2), "dead-letter-reason")).contains("v99");
        });
    }

    @Test
    void eventsOfOnePollAreAppliedInOneTransactionAndAPoisonEventAmongThemCostsTheOthersNothing() {
        String key = UUID.randomUUID().toString();
        List<String> eventIds = new ArrayList<>();
        List<UUID> noteIds = new ArrayList<>();
        // linger.ms lets the producer send all of them in one request, so the consumer's next poll holds them together.
        try (KafkaProducer<String, String> producer = producer(Map.of(ProducerConfig.LINGER_MS_CONFIG, "200"))) {
            for (int i = 0; i < 20; i++) {
                String eventId = UUID.randomUUID().toString();
                UUID noteId = UUID.randomUUID();
                eventIds.add(eventId);
                noteIds.add(noteId);
                producer.send(cloudEvent(key, eventId, "{\"id\":\"" + noteId + "\",\"patientId\":\"" + UUID.randomUUID() + "\",\"text\":\"batch " + i + "\"}"));
            }
        }
        await().atMost(EVENT_TIMEOUT).until(() -> noteIds.stream().allMatch(id -> appliedCount(id.toString()) == 1));
        // Rows written by one transaction share its id (xmin): 20 events, at most two polls.
        assertThat(Db.count(ds, "select count(distinct xmin::text) from processed_event where consumer = 'note-projection' and event_id = any(?)",
                (Object) eventIds.toArray(String[]::new))).isBetween(1L, 2L);

        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer(Map.of(ProducerConfig.LINGER_MS_CONFIG, "200"))) {
            producer.send(cloudEvent(key, UUID.randomUUID().toString(), "{\"id\":\"" + before + "\",\"patientId\":\"" + UUID.randomUUID() + "\",\"text\":\"before\"}"));
            producer.send(cloudEvent(key, UUID.randomUUID().toString(), "{broken json in a batch"));
            producer.send(cloudEvent(key, UUID.randomUUID().toString(), "{\"id\":\"" + after + "\",\"patientId\":\"" + UUID.randomUUID() + "\",\"text\":\"after\"}"));
        }
        await().atMost(EVENT_TIMEOUT).until(() -> appliedCount(before.toString()) == 1 && appliedCount(after.toString()) == 1);
        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> assertThat(new TopicReader(bootstrap).readByKey(NoteEvent.TOPIC + ".dlq", key))
                .singleElement().satisfies(r -> assertThat(r.value()).isEqualTo("{broken json in a batch")));
    }

    @Test
    void failureThatPassesIsRetriedUntilAppliedOnceAndNeverDeadLettered() {
        String id = createNote("flaky:2", "req-flaky");

        await().atMost(EVENT_TIMEOUT).until(() -> appliedCount(id) == 1);
        assertThat(NoteConsumer.ATTEMPTS.get(UUID.fromString(id))).hasValue(3);
        assertThat(Db.count(ds, "select count(*) from processed_event where consumer = 'note-projection' and event_id = ?",
                header(new TopicReader(bootstrap).readByKey(NoteEvent.TOPIC, id).get(0), "ce_id"))).isEqualTo(1);
        assertThat(new TopicReader(bootstrap).readByKey(NoteEvent.TOPIC + ".dlq", id)).isEmpty();
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("iop_consumer_retries_total\\{consumer=\"note-projection\"[^}]*} [2-9]");
    }

    @Test
    void eventThatKeepsFailingStopsTheChannelWithoutBeingSkippedOrDeadLettered() throws Exception {
        String id = createNote("bug", "req-bug");
        ConsumerRecord<String, String> record = new TopicReader(bootstrap).readByKey(NoteEvent.TOPIC, id).get(0);

        // The failing consumer retries for 2 s (its give-up time in this test), then its channel stops: liveness is DOWN.
        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> given().when().get("/q/health/live").then().statusCode(503));
        assertThat(new TopicReader(bootstrap).readByKey(NoteEvent.TOPIC + ".failing.dlq", id)).isEmpty();
        assertThat(Db.count(ds, "select count(*) from processed_event where consumer = 'note-failing' and event_id = ?",
                header(record, "ce_id"))).isZero();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(FailingNoteConsumer.GROUP).partitionsToOffsetAndMetadata()
                    .get().get(new TopicPartition(record.topic(), record.partition()));
            assertThat(committed == null ? 0 : committed.offset()).as("committed offset of the failing group")
                    .isLessThanOrEqualTo(record.offset());
        }
        // The other consumer of the topic is not affected.
        await().atMost(EVENT_TIMEOUT).until(() -> appliedCount(id) == 1);
    }

    @Test
    void writeSucceedsWhileKafkaIsDownAndEventIsDeliveredAfterRestart() {
        kafkaRunning.accept(false);
        String id;
        try {
            id = createNote("written while kafka is down", "req-down");
            assertThat(Db.count(ds, "select count(*) from note where id = ?", UUID.fromString(id))).isEqualTo(1);
            assertThat(Db.count(ds, "select count(*) from outbox where aggregate_id = ?", id)).isEqualTo(1);
        } finally {
            kafkaRunning.accept(true);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> appliedCount(id) == 1);
        assertThat(Db.count(ds, "select count(*) from outbox where aggregate_id = ?", id)).isZero();
    }

    private ProducerRecord<String, String> cloudEvent(String key, String eventId, String payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(NoteEvent.TOPIC, key, payload);
        record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", NoteEvent.TYPE.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/test".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private KafkaProducer<String, String> producer() {
        return producer(Map.of());
    }

    private KafkaProducer<String, String> producer(Map<String, String> settings) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putAll(settings);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
}
