package care.iop.participant;

import static care.iop.participant.Api.PATIENTS;
import static care.iop.participant.Api.as;
import static care.iop.participant.Api.patientBody;
import static care.iop.participant.Api.uniqueMrn;
import static care.iop.testing.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.events.EventTypes;
import care.iop.events.PatientState;
import care.iop.events.Topics;
import care.iop.platform.privacy.NameFingerprints;
import care.iop.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PatientEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "iop.privacy.fingerprint-key")
    String fingerprintKey;

    private List<ConsumerRecord<String, String>> awaitEvents(String key, int count) {
        TopicReader topic = new TopicReader(bootstrap);
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.readByKey(Topics.PARTICIPANTS, key).size() >= count);
        List<ConsumerRecord<String, String>> records = topic.readByKey(Topics.PARTICIPANTS, key);
        assertThat(records).hasSize(count);
        return records;
    }

    @Test
    void everyPatientChangePublishesOneCloudEventWithTheFullState() throws Exception {
        String mrn = uniqueMrn();
        String id = as("scheduler").header("X-Request-Id", "req-register-" + mrn).body(patientBody(mrn, "Diaz", null))
                .when().post(PATIENTS).then().statusCode(201).extract().path("id");
        as("scheduler").header("If-Match", "\"0\"").body(patientBody(mrn, "Diaz", "2026-01-05")).when().put(PATIENTS + "/" + id)
                .then().statusCode(200);
        as("clinician").body("{\"groupComfort\":\"HESITANT\",\"preferredModality\":\"INDIVIDUAL\",\"considerations\":\"anxious in large groups\"}")
                .when().put(PATIENTS + "/" + id + "/preferences").then().statusCode(200);
        String consentId = as("clinician").body("{\"kind\":\"GROUP_PARTICIPATION\",\"signedOn\":\"2026-01-05\",\"expiresOn\":\"2999-12-31\"}")
                .when().post(PATIENTS + "/" + id + "/consents").then().statusCode(201).extract().path("id");
        as("clinician").body("{\"kind\":\"TELEHEALTH\",\"signedOn\":\"2026-01-05\"}")
                .when().post(PATIENTS + "/" + id + "/consents").then().statusCode(201);
        as("clinician").body("{\"reason\":\"secret reason text\"}").when().post(PATIENTS + "/" + id + "/consents/" + consentId + "/revoke")
                .then().statusCode(200);
        as("clinician").body("{\"reason\":\"Completed program\",\"date\":\"2026-02-20\",\"reasonCode\":\"COMPLETED\"}")
                .when().post(PATIENTS + "/" + id + "/discharge").then().statusCode(200);

        List<ConsumerRecord<String, String>> records = awaitEvents(id, 7);
        assertThat(records).extracting(r -> header(r, "ce_type")).containsExactly(
                EventTypes.PATIENT_REGISTERED, EventTypes.PATIENT_UPDATED, EventTypes.PATIENT_PREFERENCES_CHANGED,
                EventTypes.PATIENT_CONSENT_GRANTED, EventTypes.PATIENT_CONSENT_GRANTED, EventTypes.PATIENT_CONSENT_REVOKED,
                EventTypes.PATIENT_DISCHARGED);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(id);
            assertThat(header(r, "ce_subject")).isEqualTo(id);
            assertThat(header(r, "ce_source")).isEqualTo("/iop/participant-service");
            assertThat(header(r, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(r, "ce_id")).matches("[0-9a-f-]{36}");
            assertThat(header(r, "ce_time")).isNotBlank();
            assertThat(r.value()).doesNotContain("anxious").doesNotContain("secret reason").doesNotContain("Completed program")
                    .doesNotContain(mrn).doesNotContain("Diaz");
        });
        assertThat(header(records.get(0), "ce_requestid")).isEqualTo("req-register-" + mrn);

        List<PatientState> states = records.stream().map(r -> read(r.value())).toList();
        assertThat(states).extracting(PatientState::version).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(states.get(0).status()).isEqualTo("REFERRED");
        assertThat(states.get(0).track()).isEqualTo("ADULT_SUD");
        assertThat(states.get(0).levelOfCare()).isEqualTo("2.1");
        assertThat(states.get(0).activeConsents()).isEmpty();
        assertThat(states).allSatisfy(state -> assertThat(state.part2()).isTrue());
        assertThat(states.get(1).status()).isEqualTo("ACTIVE");
        assertThat(states.get(0).admissionDate()).isNull();
        assertThat(states.get(1).admissionDate()).hasToString("2026-01-05");
        assertThat(states).allSatisfy(state -> assertThat(state.birthDate()).isNotNull());
        assertThat(states.subList(0, 6)).allSatisfy(state -> assertThat(state.dischargeReasonCode()).isNull());
        assertThat(states.get(2).groupComfort()).isEqualTo("HESITANT");
        assertThat(states.get(2).preferredModality()).isEqualTo("INDIVIDUAL");
        assertThat(states.get(3).activeConsents()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("GROUP_PARTICIPATION");
            assertThat(c.consentId().toString()).isEqualTo(consentId);
            assertThat(c.expiresOn()).hasToString("2999-12-31");
        });
        assertThat(states.get(4).activeConsents()).extracting(PatientState.ConsentSummary::kind)
                .containsExactly("GROUP_PARTICIPATION", "TELEHEALTH");
        assertThat(states.get(5).activeConsents()).extracting(PatientState.ConsentSummary::kind).containsExactly("TELEHEALTH");
        assertThat(states.get(6).status()).isEqualTo("DISCHARGED");
        assertThat(states.get(6).dischargedOn()).hasToString("2026-02-20");
        assertThat(states.get(6).dischargeReasonCode()).isEqualTo("COMPLETED");
        assertThat(states.get(6).groupComfort()).isEqualTo("HESITANT");
    }

    @Test
    void eventsCarryThePart2LabelFromTheTrackAndTheDisclosureConsentsRecipientIdAndPurposes() {
        String mrn = uniqueMrn();
        String id = as("scheduler").body(patientBody(mrn, "Diaz", "2026-01-05", "ADULT_MH")).when().post(PATIENTS)
                .then().statusCode(201).extract().path("id");
        String consentId = as("clinician").body("""
                        {"kind":"PART2_DISCLOSURE","signedOn":"2026-01-05","expiresOn":"2999-01-01","recipient":"Riverside County Probation",
                         "recipientId":"riverside-probation-ehr","purposes":["PAYMENT","TREATMENT"]}""")
                .when().post(PATIENTS + "/" + id + "/consents").then().statusCode(201).extract().path("id");
        as("clinician").body("{\"kind\":\"TELEHEALTH\",\"signedOn\":\"2026-01-05\"}")
                .when().post(PATIENTS + "/" + id + "/consents").then().statusCode(201);
        as("scheduler").header("If-Match", "*").body(patientBody(mrn, "Diaz", "2026-01-05", "ADULT_SUD")).when().put(PATIENTS + "/" + id)
                .then().statusCode(200);
        as("scheduler").header("If-Match", "*").body(patientBody(mrn, "Diaz", "2026-01-05", "ADOLESCENT")).when().put(PATIENTS + "/" + id)
                .then().statusCode(200);

        List<ConsumerRecord<String, String>> records = awaitEvents(id, 5);
        List<PatientState> states = records.stream().map(r -> read(r.value())).toList();
        assertThat(states).extracting(PatientState::part2).containsExactly(false, false, false, true, false);
        assertThat(records.get(3).value()).contains("\"part2\":true");
        assertThat(states.get(1).activeConsents()).singleElement().satisfies(c -> {
            assertThat(c.consentId().toString()).isEqualTo(consentId);
            assertThat(c.kind()).isEqualTo("PART2_DISCLOSURE");
            assertThat(c.recipientId()).isEqualTo("riverside-probation-ehr");
            assertThat(c.purposes()).containsExactly("TREATMENT", "PAYMENT");
            assertThat(c.expiresOn()).hasToString("2999-01-01");
        });
        assertThat(records.get(1).value()).doesNotContain("Riverside County Probation");
        assertThat(states.get(2).activeConsents()).filteredOn(c -> c.kind().equals("TELEHEALTH")).singleElement()
                .satisfies(c -> assertThat(c.recipientId()).isNull());
    }

    @Test
    void eventsCarryKeyedFingerprintsOfTheNamesAndIdentifiersNeverTheNames() {
        String mrn = uniqueMrn();
        String id = as("scheduler").body(patientBody(mrn, "Díaz", null)).when().post(PATIENTS).then().statusCode(201).extract().path("id");
        as("scheduler").header("If-Match", "\"0\"").body(patientBody(mrn, "Lopez", null)).when().put(PATIENTS + "/" + id)
                .then().statusCode(200);

        List<ConsumerRecord<String, String>> records = awaitEvents(id, 2);
        NameFingerprints key = new NameFingerprints(fingerprintKey);
        List<PatientState> states = records.stream().map(r -> read(r.value())).toList();
        assertThat(states.get(0).nameFingerprints()).containsExactly(key.fingerprint("Ana").orElseThrow(),
                key.fingerprint("DIAZ").orElseThrow(), key.fingerprint(mrn).orElseThrow());
        assertThat(states.get(1).nameFingerprints()).contains(key.fingerprint("lopez").orElseThrow())
                .doesNotContain(key.fingerprint("Diaz").orElseThrow());
        assertThat(states.get(0).nameFingerprints()).allSatisfy(f -> assertThat(f).matches("\\d+:[0-9a-f]{32}"));
        assertThat(records).allSatisfy(r -> assertThat(r.value()).doesNotContainIgnoringCase("diaz").doesNotContain("Díaz")
                .doesNotContain("Lopez").doesNotContain("\"Ana\"").doesNotContain(mrn));
        assertThat(new NameFingerprints("another-key-of-sixteen-bytes").fingerprint("Ana").orElseThrow())
                .isNotIn(states.get(0).nameFingerprints());
    }

    @Test
    void unchangedWritesPublishNothing() throws Exception {
        String mrn = uniqueMrn();
        String body = patientBody(mrn, "Diaz", "2026-01-05");
        String id = as("scheduler").body(body).when().post(PATIENTS).then().statusCode(201).extract().path("id");
        as("scheduler").header("If-Match", "\"0\"").body(body).when().put(PATIENTS + "/" + id).then().statusCode(200);
        String prefs = "{\"groupComfort\":\"COMFORTABLE\",\"preferredModality\":\"GROUP\"}";
        as("scheduler").body(prefs).when().put(PATIENTS + "/" + id + "/preferences").then().statusCode(200);
        as("scheduler").body(prefs).when().put(PATIENTS + "/" + id + "/preferences").then().statusCode(200);
        // A last real change: once it is on the topic, nothing else came before it but the two real changes.
        as("scheduler").body("{\"groupComfort\":\"HESITANT\",\"preferredModality\":\"GROUP\"}")
                .when().put(PATIENTS + "/" + id + "/preferences").then().statusCode(200);

        List<ConsumerRecord<String, String>> records = awaitEvents(id, 3);
        assertThat(records).extracting(r -> header(r, "ce_type")).containsExactly(EventTypes.PATIENT_REGISTERED,
                EventTypes.PATIENT_PREFERENCES_CHANGED, EventTypes.PATIENT_PREFERENCES_CHANGED);
    }

    private static PatientState read(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            assertThat(node.has("considerations")).isFalse();
            return JSON.treeToValue(node, PatientState.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
