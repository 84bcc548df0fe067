package care.iop.platform;

import static care.iop.testing.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import care.iop.platform.testapp.NoteEvent;
import care.iop.testing.Metrics;
import care.iop.testing.TestTokens;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A row Kafka refuses for good is parked with its error and the relay goes on; the documented SQL requeues
 * or discards it; an oversized payload never enters the outbox.
 */
@QuarkusTest
class OutboxParkingTest {
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);
    /** The statements of docs/operations.md, "Parked events", with the event id as the only parameter. */
    private static final String REQUEUE = """
            with moved as (delete from outbox_parked where event_id = ?::uuid
                returning event_id, topic, aggregate_id, type, subject, occurred_at, request_id, traceparent, payload)
            insert into outbox (event_id, topic, aggregate_id, type, subject, occurred_at, request_id, traceparent, payload)
            select event_id, topic, aggregate_id, type, subject, occurred_at, request_id, traceparent, payload from moved""";
    private static final String DISCARD = "delete from outbox_parked where event_id = ?::uuid";

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aRecordTheBrokerRefusesAsTooLargeIsParkedTheEventsAfterItGoOutAndTheDocumentedSqlRequeuesIt() throws Exception {
        String topic = "iop.platform-test.small-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("max.message.bytes", "4096")))).all().get();
        }
        String key = UUID.randomUUID().toString();
        String before = UUID.randomUUID().toString();
        String tooLarge = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        double parkedBefore = Metrics.value("iop_outbox_parked");
        double countedBefore = parkedCounter("RecordTooLargeException");

        insertRows(new Row(before, topic, key, "{\"n\":1}"), new Row(tooLarge, topic, key, "{\"text\":\"" + "x".repeat(20_000) + "\"}"),
                new Row(after, topic, key, "{\"n\":3}"));

        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> assertThat(eventIds(topic, key)).containsExactly(before, after));
        assertThat(Db.count(ds, "select count(*) from outbox where topic = ?", topic)).isZero();
        assertParked(tooLarge, topic, "org.apache.kafka.common.errors.RecordTooLargeException");
        assertThat(Metrics.value("iop_outbox_parked")).isEqualTo(parkedBefore + 1);
        assertThat(parkedCounter("RecordTooLargeException")).isEqualTo(countedBefore + 1);
        given().when().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'outbox' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'outbox' }.data.parked", equalTo((int) parkedBefore + 1));
        // readiness does not depend on it: the service keeps serving
        given().when().get("/q/health/ready").then().body("checks.name", not(hasItem("outbox")));

        // The operator raises the topic's limit and requeues the event: it goes out after the others.
        try (Admin admin = admin()) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                    List.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", "1048588"), AlterConfigOp.OpType.SET)))).all().get();
        }
        assertThat(execute(REQUEUE, tooLarge)).isEqualTo(1);
        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> assertThat(eventIds(topic, key)).containsExactly(before, after, tooLarge));
        assertThat(Db.count(ds, "select count(*) from outbox_parked where event_id = ?::uuid", tooLarge)).isZero();
        assertThat(Metrics.value("iop_outbox_parked")).isEqualTo(parkedBefore);
    }

    @Test
    void aRowForAnInvalidTopicNameIsParkedAndTheDocumentedSqlDiscardsIt() {
        String key = UUID.randomUUID().toString();
        String before = UUID.randomUUID().toString();
        String invalid = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        String badTopic = "iop.platform-test.no such topic!";

        insertRows(new Row(before, NoteEvent.TOPIC, key, "{}"), new Row(invalid, badTopic, key, "{}"), new Row(after, NoteEvent.TOPIC, key, "{}"));

        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> assertThat(eventIds(NoteEvent.TOPIC, key)).containsExactly(before, after));
        assertParked(invalid, badTopic, "org.apache.kafka.common.errors.InvalidTopicException");
        given().when().get("/q/health/well").then().statusCode(503).body("checks.find { it.name == 'outbox' }.status", equalTo("DOWN"));

        assertThat(execute(DISCARD, invalid)).isEqualTo(1);
        assertThat(Db.count(ds, "select count(*) from outbox where event_id = ?::uuid", invalid)).isZero();
        given().when().get("/q/health").then()
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox' }.data.parked", equalTo(0));
    }

    @Test
    void anEventOverTheConfiguredSizeIsRefusedBeforeItEntersTheOutboxAndOneJustUnderItIsPublished() {
        // 900 KiB by default: a note text of 930,000 characters is over it, one of 900,000 just under it.
        String tooLong = "y".repeat(930_000);
        given().header("Authorization", TestTokens.bearer("clinician")).contentType("application/json")
                .body("{\"patientId\":\"" + UUID.randomUUID() + "\",\"text\":\"" + tooLong + "\"}")
                .when().post("/api/v1/test-notes")
                .then().statusCode(500).contentType("application/problem+json")
                .body("status", equalTo(500)).body(not(org.hamcrest.Matchers.containsString("yyyy")));
        assertThat(Db.count(ds, "select count(*) from note where length(text) = 930000")).isZero();
        assertThat(Db.count(ds, "select count(*) from outbox where length(payload) > 930000")).isZero();
        assertThat(Db.count(ds, "select count(*) from outbox_parked where length(payload) > 930000")).isZero();

        String id = given().header("Authorization", TestTokens.bearer("clinician")).contentType("application/json")
                .body("{\"patientId\":\"" + UUID.randomUUID() + "\",\"text\":\"" + "z".repeat(900_000) + "\"}")
                .when().post("/api/v1/test-notes")
                .then().statusCode(201).extract().path("id");
        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> assertThat(new TopicReader(bootstrap).readByKey(NoteEvent.TOPIC, id))
                .singleElement().satisfies(r -> assertThat(r.value()).hasSizeGreaterThan(900_000)));
        assertThat(Db.count(ds, "select count(*) from outbox_parked where aggregate_id = ?", id)).isZero();
    }

    private record Row(String eventId, String topic, String key, String payload) {
    }

    /** Writes outbox rows in one transaction, as a service would, bypassing Outbox.publish and its size bound. */
    private void insertRows(Row... rows) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into outbox (event_id, topic, aggregate_id, type, subject, occurred_at, request_id, payload)
                    values (?::uuid, ?, ?, 'care.iop.test.parking.v1', ?, ?, 'req-parking', ?)""")) {
                for (Row row : rows) {
                    insert.setString(1, row.eventId());
                    insert.setString(2, row.topic());
                    insert.setString(3, row.key());
                    insert.setString(4, row.key());
                    insert.setObject(5, OffsetDateTime.now());
                    insert.setString(6, row.payload());
                    insert.executeUpdate();
                }
            }
            c.commit();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertParked(String eventId, String topic, String errorClass) {
        try (Connection c = ds.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     select topic, type, aggregate_id, payload, parked_at, error_class, error_message, request_id
                     from outbox_parked where event_id = ?::uuid""")) {
            select.setString(1, eventId);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).as("parked row " + eventId).isTrue();
                assertThat(rs.getString("topic")).isEqualTo(topic);
                assertThat(rs.getString("type")).isEqualTo("care.iop.test.parking.v1");
                assertThat(rs.getString("payload")).isNotEmpty();
                assertThat(rs.getString("request_id")).isEqualTo("req-parking");
                assertThat(rs.getObject("parked_at", OffsetDateTime.class)).isNotNull();
                assertThat(rs.getString("error_class")).isEqualTo(errorClass);
                assertThat(rs.getString("error_message")).isNotBlank();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(Db.count(ds, "select count(*) from outbox where event_id = ?::uuid", eventId)).isZero();
    }

    private int execute(String sql, String eventId) {
        try (Connection c = ds.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, eventId);
            return statement.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> eventIds(String topic, String key) {
        return new TopicReader(bootstrap).readByKey(topic, key).stream().map(r -> header(r, "ce_id")).toList();
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** {@code iop_outbox_parked_events_total} with label {@code error="<error>"}, or 0 before the first one. */
    private static double parkedCounter(String error) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("iop_outbox_parked_events_total{") && l.contains("error=\"" + error + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    }
}
