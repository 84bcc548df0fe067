package care.iop.participant;

import static care.iop.participant.Api.CLINICIANS;
import static care.iop.participant.Api.PATIENTS;
import static care.iop.participant.Api.as;
import static care.iop.participant.Api.clinicianBody;
import static care.iop.participant.Api.patientBody;
import static care.iop.participant.Api.uniqueFamilyName;
import static care.iop.participant.Api.uniqueMrn;
import static care.iop.participant.Api.uniqueNpi;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Read-your-writes, the producing side: every write that publishes a patient or clinician event answers
 * {@code Consistency-Token} naming the aggregate and the version its event carries; a write that publishes nothing, or
 * fails, answers none. participant-service keeps no read models, so a token sent to it is only checked for its form.
 */
@QuarkusTest
class ConsistencyTokenTest {
    private static final String TOKEN = "Consistency-Token";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void patientWritesNameThePatientAndTheVersionTheirEventCarries() throws Exception {
        String mrn = uniqueMrn();
        String family = uniqueFamilyName();
        Response registered = as("scheduler").body(patientBody(mrn, family, "2026-01-05")).when().post(PATIENTS);
        registered.then().statusCode(201);
        String id = registered.path("id");
        assertThat(registered.getHeader(TOKEN)).isEqualTo("patient:" + id + "@0");

        Response granted = as("clinician").body("{\"kind\":\"GROUP_PARTICIPATION\",\"signedOn\":\"2026-01-05\"}")
                .when().post(PATIENTS + "/" + id + "/consents");
        granted.then().statusCode(201);
        assertThat(granted.getHeader(TOKEN)).isEqualTo("patient:" + id + "@1");

        Response unchanged = as("scheduler").header("If-Match", "\"1\"").body(patientBody(mrn, family, "2026-01-05"))
                .when().put(PATIENTS + "/" + id);
        unchanged.then().statusCode(200);
        assertThat(unchanged.getHeader(TOKEN)).as("an identical PUT publishes nothing").isNull();

        Response changed = as("scheduler").header("If-Match", "\"1\"").body(patientBody(mrn, family, "2026-01-06"))
                .when().put(PATIENTS + "/" + id);
        changed.then().statusCode(200);
        assertThat(changed.getHeader(TOKEN)).isEqualTo("patient:" + id + "@2").isEqualTo("patient:" + id + "@" + unquote(changed.getHeader("ETag")));

        // the versions named are those of the events, in order
        List<ConsumerRecord<String, String>> events = awaitEvents(id, 3);
        assertThat(events.stream().map(r -> version(r.value())).toList()).containsExactly(0L, 1L, 2L);
        assertThat(events.stream().map(r -> TopicReader.header(r, "ce_type")).toList())
                .containsExactly(EventTypes.PATIENT_REGISTERED, EventTypes.PATIENT_CONSENT_GRANTED, EventTypes.PATIENT_UPDATED);
    }

    @Test
    void clinicianWritesNameTheClinician() {
        String npi = uniqueNpi();
        Response registered = as("scheduler").body(clinicianBody(npi, "Lee")).when().post(CLINICIANS);
        registered.then().statusCode(201);
        String id = registered.path("id");
        assertThat(registered.getHeader(TOKEN)).isEqualTo("clinician:" + id + "@0");

        Response replaced = as("scheduler").header("If-Match", "\"0\"").body(clinicianBody(npi, "Lee-Park")).when().put(CLINICIANS + "/" + id);
        replaced.then().statusCode(200);
        assertThat(replaced.getHeader(TOKEN)).isEqualTo("clinician:" + id + "@1");
    }

    @Test
    void aFailedWriteOrAReadAnswersNoToken() {
        Response refused = as("scheduler").body("{\"npi\":\"123\"}").when().post(CLINICIANS);
        refused.then().statusCode(400);
        assertThat(refused.getHeader(TOKEN)).isNull();
        Response read = as("scheduler").when().get(PATIENTS + "/" + Api.newPatient());
        read.then().statusCode(200);
        assertThat(read.getHeader(TOKEN)).isNull();
    }

    @Test
    void aTokenSentHereIsCheckedForItsFormOnly() {
        String id = Api.newPatient().toString();
        as("scheduler").header(TOKEN, "patient:" + id + "@999999").when().get(PATIENTS + "/" + id).then().statusCode(200);
        as("scheduler").header(TOKEN, "patient:" + id).when().get(PATIENTS + "/" + id).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(TOKEN));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApiDocumentNamesTheHeaderOnEveryWriteThatAnswersIt() {
        JsonPath doc = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String[] op : List.of(new String[] { "/api/v1/patients", "post", "201" }, new String[] { "/api/v1/patients/{id}", "put", "200" },
                new String[] { "/api/v1/patients/{id}/consents", "post", "201" }, new String[] { "/api/v1/clinicians", "post", "201" },
                new String[] { "/api/v1/patients/{id}/preferences", "put", "200" })) {
            Map<String, Object> headers = doc.getMap("paths.'" + op[0] + "'." + op[1] + ".responses.'" + op[2] + "'.headers");
            assertThat(headers).as(op[1] + " " + op[0]).containsKey(TOKEN);
            assertThat(((Map<String, Object>) headers.get(TOKEN))).containsKey("schema");
        }
        assertThat(doc.getMap("paths.'/api/v1/patients/{id}'.get.responses.'200'.headers")).doesNotContainKey(TOKEN);
        assertThat(doc.getString("paths.'/api/v1/patients'.post.x-iop-consistency-token")).isNull();
        // no read models here: the operations take no Consistency-Token to wait for
        assertThat(doc.getMap("components.parameters")).isNullOrEmpty();
    }

    private List<ConsumerRecord<String, String>> awaitEvents(String key, int count) {
        TopicReader topic = new TopicReader(bootstrap);
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.readByKey(Topics.PARTICIPANTS, key).size() >= count);
        return topic.readByKey(Topics.PARTICIPANTS, key);
    }

    private static long version(String payload) {
        try {
            return JSON.readTree(payload).get("version").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unquote(String etag) {
        return etag.replace("W/", "").replace("\"", "");
    }
}
