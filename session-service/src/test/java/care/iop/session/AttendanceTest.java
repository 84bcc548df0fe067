package care.iop.session;

import static care.iop.session.Fixtures.auth;
import static care.iop.session.Fixtures.book;
import static care.iop.session.Fixtures.createSession;
import static care.iop.session.Fixtures.futureMorning;
import static care.iop.session.Fixtures.group;
import static care.iop.session.Fixtures.individual;
import static care.iop.session.Fixtures.startedAnHourAgo;
import static care.iop.testing.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class AttendanceTest {
    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(bootstrap, ds);
    }

    private static Map<String, Object> attendee(UUID patient, String status, int minutes, String note) {
        Map<String, Object> a = new java.util.HashMap<>(Map.of("patientId", patient.toString(), "status", status, "minutesAttended", minutes));
        if (note != null) {
            a.put("note", note);
        }
        return a;
    }

    private static ValidatableResponse record(String role, String session, Object body) {
        return given().header("Authorization", auth(role)).contentType("application/json").body(Fixtures.json(body))
                .when().put("/api/v1/sessions/" + session + "/attendance").then();
    }

    @Test
    void groupAttendanceFulfilsTheSessionSuggestsCodesAndPublishesTheDose() throws Exception {
        String session = createSession(group(fx.groupLeader(), startedAnHourAgo(), 180, null));
        UUID present = fx.eligibleGroupPatient();
        UUID late = fx.eligibleGroupPatient();
        UUID absent = fx.eligibleGroupPatient();
        List.of(present, late, absent).forEach(p -> book(session, p).statusCode(201));

        Map<String, Object> body = Map.of("groupNote", "Covered trigger mapping", "attendees", List.of(
                attendee(present, "ATTENDED", 180, "Engaged, shared twice"), attendee(late, "LATE", 150, null), attendee(absent, "NO_SHOW", 0, null)));
        record("scheduler", session, body).statusCode(403);
        record("clinician", session, body).statusCode(200)
                .body("status", equalTo("fulfilled")).body("groupNote", equalTo("Covered trigger mapping"))
                .body("attendees.find { it.patientId == '" + present + "' }.billingCode", equalTo("90853"))
                .body("attendees.find { it.patientId == '" + late + "' }.billingCode", equalTo("90853"))
                .body("attendees.find { it.patientId == '" + absent + "' }.billingCode", nullValue())
                .body("presentCount", equalTo(2)).body("billingWarning", nullValue());
        given().header("Authorization", auth("integration")).when().get("/api/v1/sessions/" + session).then().body("status", equalTo("fulfilled"));
        given().header("Authorization", auth("scheduler")).when().get("/api/v1/sessions/" + session + "/attendance").then().statusCode(200)
                .body("attendees.size()", equalTo(3));

        await().atMost(Fixtures.EVENTS).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> recorded = new TopicReader(bootstrap).readByKey(Topics.SESSIONS, session).stream()
                    .filter(r -> EventTypes.ATTENDANCE_RECORDED.equals(header(r, "ce_type"))).toList();
            assertThat(recorded).hasSize(1);
            JsonNode event = new ObjectMapper().readTree(recorded.get(0).value());
            assertThat(event.get("sessionType").asText()).isEqualTo("GROUP");
            assertThat(event.get("attendees")).hasSize(3);
            JsonNode first = event.get("attendees").findParents("patientId").stream()
                    .filter(n -> n.get("patientId").asText().equals(present.toString())).findFirst().orElseThrow();
            assertThat(first.get("status").asText()).isEqualTo("ATTENDED");
            assertThat(first.get("minutesAttended").asInt()).isEqualTo(180);
            assertThat(first.get("modality").asText()).isEqualTo("GROUP");
            assertThat(recorded.get(0).value()).doesNotContain("Engaged").doesNotContain("trigger mapping");
        });
    }

    @Test
    void aGroupAboveTheBillableSizeDocumentsItsCountAndWarns() {
        String session = createSession(group(fx.groupLeader(), startedAnHourAgo(), 90, 13));
        List<UUID> members = java.util.stream.IntStream.range(0, 13).mapToObj(i -> fx.eligibleGroupPatient()).toList();
        members.forEach(p -> book(session, p).statusCode(201).body("status", equalTo("BOOKED")));
        List<Map<String, Object>> all = members.stream().map(p -> attendee(p, "ATTENDED", 90, null)).toList();
        record("clinician", session, Map.of("attendees", all)).statusCode(200)
                .body("presentCount", equalTo(13))
                .body("billingWarning", containsString("above the 12"))
                .body("attendees.billingCode", everyItem(equalTo("90853")));

        // twelve present (one absent): within the rule, no warning
        List<Map<String, Object>> oneAbsent = new java.util.ArrayList<>(all.subList(0, 12));
        oneAbsent.add(attendee(members.get(12), "ABSENT", 0, null));
        record("clinician", session, Map.of("attendees", oneAbsent)).statusCode(200)
                .body("presentCount", equalTo(12)).body("billingWarning", nullValue());
    }

    @Test
    void individualCodesFollowMinutes() {
        UUID patient = fx.eligiblePatient(Fixtures.MIXED);
        UUID clinician = fx.clinician(false);
        String session = createSession(individual("INDIVIDUAL", clinician, patient, startedAnHourAgo(), 60));
        record("clinician", session, Map.of("attendees", List.of(attendee(patient, "ATTENDED", 15, null)))).statusCode(200)
                .body("attendees[0].billingCode", nullValue());
        record("clinician", session, Map.of("attendees", List.of(attendee(patient, "ATTENDED", 16, null)))).statusCode(200)
                .body("attendees[0].billingCode", equalTo("90832"));
        record("clinician", session, Map.of("attendees", List.of(attendee(patient, "LEFT_EARLY", 37, null)))).body("attendees[0].billingCode", equalTo("90832"));
        record("clinician", session, Map.of("attendees", List.of(attendee(patient, "ATTENDED", 38, null)))).body("attendees[0].billingCode", equalTo("90834"));
        record("clinician", session, Map.of("attendees", List.of(attendee(patient, "ATTENDED", 52, null)))).body("attendees[0].billingCode", equalTo("90834"));
        record("admin", session, Map.of("attendees", List.of(attendee(patient, "ATTENDED", 53, null)))).body("attendees[0].billingCode", equalTo("90837"));
        assertThat(fx.count("select count(*) from attendance where session_id = ?", UUID.fromString(session))).isEqualTo(1);
    }

    @Test
    void familyCodesDependOnThePatientsPresence() {
        UUID patient = fx.eligiblePatient(Fixtures.MIXED);
        String session = createSession(individual("FAMILY", fx.clinician(false), patient, startedAnHourAgo(), 50));
        record("clinician", session, Map.of("attendees", List.of(attendee(patient, "ATTENDED", 50, null)))).statusCode(200)
                .body("attendees[0].billingCode", equalTo("90847"));
        record("clinician", session, Map.of("attendees", List.of(attendee(patient, "EXCUSED", 50, null)))).statusCode(200)
                .body("attendees[0].billingCode", equalTo("90846"));
        record("clinician", session, Map.of("attendees", List.of(attendee(patient, "ATTENDED", 25, null)))).statusCode(200)
                .body("attendees[0].billingCode", nullValue());
    }

    @Test
    void invalidAttendanceIsRefusedAndNothingRecorded() {
        String session = createSession(group(fx.groupLeader(), startedAnHourAgo(), 120, null));
        UUID member = fx.eligibleGroupPatient();
        UUID other = fx.eligibleGroupPatient();
        book(session, member).statusCode(201);
        book(session, other).statusCode(201);
        record("clinician", session, Map.of("attendees", List.of(attendee(UUID.randomUUID(), "ATTENDED", 60, null)))).statusCode(422)
                .body("errors[0].field", equalTo("attendees[0].patientId"));
        record("clinician", session, Map.of("attendees", List.of(attendee(member, "ATTENDED", 121, null)))).statusCode(400)
                .body("errors[0].field", equalTo("attendees[0].minutesAttended"));
        record("clinician", session, Map.of("attendees", List.of(attendee(member, "ABSENT", 10, null)))).statusCode(400);
        record("clinician", session, Map.of("attendees", List.of(attendee(member, "PRESENT", 10, null)))).statusCode(400)
                .body("errors[0].field", containsString("status"));
        record("clinician", session, Map.of("attendees", List.of())).statusCode(400).body("errors[0].field", equalTo("attendees"));
        record("clinician", session, Map.of("attendees", List.of(attendee(member, "ATTENDED", 60, "Sat next to " + other)))).statusCode(422)
                .body("errors[0].field", equalTo("attendees[0].note"));
        assertThat(fx.count("select count(*) from attendance where session_id = ?", UUID.fromString(session))).isZero();
        assertThat(fx.count("select count(*) from therapy_session where id = ? and status = 'booked'", UUID.fromString(session))).isEqualTo(1);

        String future = createSession(group(fx.groupLeader(), futureMorning(), 60, null));
        UUID patient = fx.eligibleGroupPatient();
        book(future, patient).statusCode(201);
        record("clinician", future, Map.of("attendees", List.of(attendee(patient, "ATTENDED", 60, null)))).statusCode(422)
                .body("detail", containsString("not started"));
    }
}
