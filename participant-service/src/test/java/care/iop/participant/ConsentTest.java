package care.iop.participant;

import static care.iop.participant.Api.PATIENTS;
import static care.iop.participant.Api.as;
import static care.iop.participant.Api.asPatient;
import static care.iop.participant.Api.assertProblem;
import static care.iop.testing.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.participant.service.TimeSource;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConsentTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "iop.program.time-zone")
    java.time.ZoneId zone;

    /** The service's clock moved to a fixed day (for this test method only). */
    static final class FixedDay extends TimeSource {
        private final LocalDate day;

        FixedDay(LocalDate day) {
            this.day = day;
        }

        @Override
        public LocalDate today() {
            return day;
        }
    }

    private static String consents(UUID patientId) {
        return PATIENTS + "/" + patientId + "/consents";
    }

    @Test
    void grantListAndRevokeWithReason() {
        UUID id = Api.newPatient();
        var created = as("clinician").body("{\"kind\":\"GROUP_PARTICIPATION\",\"signedOn\":\"2026-01-05\",\"expiresOn\":null}")
                .when().post(consents(id)).then().statusCode(201)
                .body("kind", equalTo("GROUP_PARTICIPATION"))
                .body("status", equalTo("ACTIVE"))
                .body("grantedBy", equalTo("test-clinician"))
                .body("redisclosureNotice", nullValue())
                .extract();
        String consentId = created.path("id");
        assertThat(created.header("Location")).endsWith(consents(id) + "/" + consentId);

        as("scheduler").body("{\"reason\":\"Patient withdrew consent\"}").when().post(consents(id) + "/" + consentId + "/revoke")
                .then().statusCode(200)
                .body("status", equalTo("REVOKED"))
                .body("revokeReason", equalTo("Patient withdrew consent"))
                .body("revokedBy", equalTo("test-scheduler"))
                .body("revokedAt", notNullValue());
        as("admin").when().get(consents(id)).then().statusCode(200)
                .body("", hasSize(1)).body("[0].status", equalTo("REVOKED"));

        assertProblem(as("scheduler").when().post(consents(id) + "/" + consentId + "/revoke").then(), 409, null);
    }

    @Test
    void revokeWithoutBodyOrReasonWorks() {
        UUID id = Api.newPatient();
        String consentId = as("clinician").body("{\"kind\":\"TELEHEALTH\",\"signedOn\":\"2026-01-05\"}")
                .when().post(consents(id)).then().statusCode(201).extract().path("id");
        as("clinician").when().post(consents(id) + "/" + consentId + "/revoke")
                .then().statusCode(200).body("status", equalTo("REVOKED")).body("revokeReason", nullValue());
    }

    private static String part2(String fields) {
        return "{\"kind\":\"PART2_DISCLOSURE\",\"signedOn\":\"2026-01-05\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = ';', value = {
            "'\"expiresOn\":\"2999-01-01\",\"recipientId\":\"ehr-a\",\"purposes\":[\"TREATMENT\"]'; recipient",
            "'\"expiresOn\":\"2999-01-01\",\"recipient\":\"Probation\",\"purposes\":[\"TREATMENT\"]'; recipientId",
            "'\"expiresOn\":\"2999-01-01\",\"recipient\":\"Probation\",\"recipientId\":\"  \",\"purposes\":[\"TREATMENT\"]'; recipientId",
            "'\"expiresOn\":\"2999-01-01\",\"recipient\":\"Probation\",\"recipientId\":\"ehr a\",\"purposes\":[\"TREATMENT\"]'; recipientId",
            "'\"expiresOn\":\"2999-01-01\",\"recipient\":\"Probation\",\"recipientId\":\"ehr-a\"'; purposes",
            "'\"expiresOn\":\"2999-01-01\",\"recipient\":\"Probation\",\"recipientId\":\"ehr-a\",\"purposes\":[]'; purposes",
            "'\"expiresOn\":\"2999-01-01\",\"recipient\":\"Probation\",\"recipientId\":\"ehr-a\",\"purposes\":[\"RESEARCH\"]'; purposes[0]",
            "'\"expiresOn\":\"2999-01-01\",\"recipient\":\"Probation\",\"recipientId\":\"ehr-a\",\"purposes\":[null]'; purposes[0]",
            "'\"expiresOn\":\"2999-01-01\",\"recipient\":\"Probation\",\"recipientId\":\"ehr-a\",\"purposes\":\"TREATMENT\"'; purposes",
            "'\"expiresOn\":\"2999-01-01\",\"recipient\":\"Probation\",\"recipientId\":\"ehr-a\",\"purpose\":\"care\"'; purpose",
            "'\"recipient\":\"Probation\",\"recipientId\":\"ehr-a\",\"purposes\":[\"TREATMENT\"]'; expiresOn",
            "'\"expiresOn\":\"+999999999-12-31\",\"recipient\":\"Probation\",\"recipientId\":\"ehr-a\",\"purposes\":[\"TREATMENT\"]'; expiresOn"
    })
    void part2DisclosureNeedsRecipientRecipientIdPurposesAndExpiry(String fields, String field) {
        UUID id = Api.newPatient();
        assertProblem(as("clinician").body(part2(fields)).when().post(consents(id)).then(), 400, field);
        assertThat(Db.count(ds, "select count(*) from consent where patient_id = ?", id)).isZero();
    }

    @Test
    void recipientIdIsAtMost200Characters() {
        UUID id = Api.newPatient();
        String fields = "\"expiresOn\":\"2999-01-01\",\"recipient\":\"Probation\",\"purposes\":[\"TREATMENT\"],\"recipientId\":\"";
        assertProblem(as("clinician").body(part2(fields + "x".repeat(201) + "\"")).when().post(consents(id)).then(), 400, "recipientId");
        as("clinician").body(part2(fields + "x".repeat(200) + "\"")).when().post(consents(id)).then().statusCode(201);
    }

    @Test
    void part2DisclosureStoresRecipientIdAndPurposesAndCarriesTheNotice() {
        UUID id = Api.newPatient();
        as("clinician").body(part2("\"expiresOn\":\"2999-01-01\",\"recipient\":\"Riverside County Probation\","
                        + "\"recipientId\":\"riverside-probation-ehr\",\"purposes\":[\"PAYMENT\",\"TREATMENT\",\"PAYMENT\"]"))
                .when().post(consents(id)).then().statusCode(201)
                .body("recipient", equalTo("Riverside County Probation"))
                .body("recipientId", equalTo("riverside-probation-ehr"))
                .body("purposes", contains("TREATMENT", "PAYMENT"))
                .body("redisclosureNotice", containsString("42 CFR Part 2"));
        // Several Part 2 disclosures (to different recipients) may be active together.
        as("clinician").body(part2("\"expiresOn\":\"2999-01-01\",\"recipient\":\"Dr. Primary\",\"recipientId\":\"primary-care\","
                        + "\"purposes\":[\"HEALTH_CARE_OPERATIONS\"]"))
                .when().post(consents(id)).then().statusCode(201);
        as("admin").when().get(consents(id)).then().statusCode(200)
                .body("recipientId", contains("riverside-probation-ehr", "primary-care"))
                .body("[1].purposes", contains("HEALTH_CARE_OPERATIONS"));
    }

    @Test
    void part2ConsentGrantedBeforePurposesExistedShowsNoneAndMatchesNoCaller() {
        UUID id = Api.newPatient();
        UUID legacy = UUID.randomUUID();
        Db.update(ds, """
                insert into consent (id, patient_id, kind, signed_on, expires_on, recipient, purpose, granted_at, version)
                values (?, ?, 'PART2_DISCLOSURE', date '2026-01-05', date '2999-01-01', 'Probation', 'Compliance reporting', now(), 0)""",
                legacy, id);
        as("admin").when().get(consents(id)).then().statusCode(200)
                .body("[0].id", equalTo(legacy.toString()))
                .body("[0].status", equalTo("ACTIVE"))
                .body("[0].purposes", hasSize(0))
                .body("[0].recipientId", nullValue())
                .body("[0]", not(hasKey("purpose")));
    }

    @Test
    void activePart2DisclosuresAreCappedSoThePatientsEventsStayBounded() {
        UUID id = Api.newPatient();
        List<String> granted = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            granted.add(as("clinician").body(part2("\"expiresOn\":\"2999-01-01\",\"recipient\":\"Recipient " + i + "\",\"recipientId\":\"client-"
                    + i + "-" + "x".repeat(180) + "\",\"purposes\":[\"TREATMENT\",\"PAYMENT\",\"HEALTH_CARE_OPERATIONS\"]"))
                    .when().post(consents(id)).then().statusCode(201).extract().path("id"));
        }
        String oneMore = part2("\"expiresOn\":\"2999-01-01\",\"recipient\":\"One more\",\"recipientId\":\"one-more\",\"purposes\":[\"TREATMENT\"]");
        assertProblem(as("clinician").body(oneMore).when().post(consents(id)).then(), 409, null)
                .body("detail", containsString("already has 20 active PART2_DISCLOSURE consents"))
                .body("detail", containsString("iop.consents.max-active-disclosures"));
        assertThat(Db.count(ds, "select count(*) from consent where patient_id = ?", id)).isEqualTo(20);
        // Other kinds are not counted; a revoked or an expired disclosure frees its place.
        as("clinician").body("{\"kind\":\"TELEHEALTH\",\"signedOn\":\"2026-01-05\"}").when().post(consents(id)).then().statusCode(201);
        as("clinician").when().post(consents(id) + "/" + granted.get(0) + "/revoke").then().statusCode(200);
        as("clinician").body(oneMore).when().post(consents(id)).then().statusCode(201);
        assertProblem(as("clinician").body(oneMore).when().post(consents(id)).then(), 409, null);
        Db.update(ds, "update consent set expires_on = ? where id = ?", LocalDate.now(zone).minusDays(1), UUID.fromString(granted.get(1)));
        as("clinician").body(oneMore).when().post(consents(id)).then().statusCode(201);

        // The largest event this patient can produce: 20 disclosures (recipientId at its 200-character bound, every purpose) + TELEHEALTH.
        TopicReader topic = new TopicReader(bootstrap);
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.readByKey(Topics.PARTICIPANTS, id.toString()).size() >= 25);
        ConsumerRecord<String, String> last = topic.readByKey(Topics.PARTICIPANTS, id.toString()).get(24);
        assertThat(last.value()).contains("\"part2\":true");
        assertThat(last.value().split("\"kind\":\"PART2_DISCLOSURE\"", -1)).hasSize(21);
        assertThat(last.value()).doesNotContain(granted.get(0)).doesNotContain(granted.get(1));
        assertThat(last.value().length()).isLessThan(16_384);
    }

    @Test
    void badConsentsAre400NamingTheField() {
        UUID id = Api.newPatient();
        assertProblem(as("clinician").body("{\"kind\":\"FOREVER\",\"signedOn\":\"2026-01-05\"}").when().post(consents(id)).then(), 400, "kind");
        assertProblem(as("clinician").body("{\"kind\":\"TELEHEALTH\"}").when().post(consents(id)).then(), 400, "signedOn");
        assertProblem(as("clinician").body("{\"kind\":\"TELEHEALTH\",\"signedOn\":\"2999-01-01\"}").when().post(consents(id)).then(), 400, "signedOn");
        assertProblem(as("clinician").body("{\"kind\":\"TELEHEALTH\",\"signedOn\":\"2026-01-05\",\"expiresOn\":\"2026-01-04\"}").when().post(consents(id)).then(), 400, "expiresOn");
        assertProblem(as("clinician").body("{\"kind\":\"TELEHEALTH\",\"signedOn\":\"2020-01-05\",\"expiresOn\":\"2021-01-04\"}").when().post(consents(id)).then(), 400, "expiresOn");
        assertProblem(as("clinician").body("{\"kind\":\"TELEHEALTH\",\"signedOn\":\"2026-01-05\",\"recipient\":\"x\"}").when().post(consents(id)).then(), 400, "recipient");
        assertProblem(as("clinician").body("{\"kind\":\"TELEHEALTH\",\"signedOn\":\"2026-01-05\",\"recipientId\":\"x\"}").when().post(consents(id)).then(), 400, "recipientId");
        assertProblem(as("clinician").body("{\"kind\":\"TELEHEALTH\",\"signedOn\":\"2026-01-05\",\"purposes\":[\"TREATMENT\"]}").when().post(consents(id)).then(), 400, "purposes");
        assertProblem(as("clinician").body("{\"kind\":\"TELEHEALTH\",\"signedOn\":\"-10000-01-01\"}").when().post(consents(id)).then(), 400, "signedOn");
        assertProblem(as("clinician").body("{\"kind\":\"TELEHEALTH\",\"signedOn\":\"2026-01-05\",\"note\":\"x\"}").when().post(consents(id)).then(), 400, "note");
        assertThat(Db.count(ds, "select count(*) from consent where patient_id = ?", id)).isZero();
    }

    @Test
    void secondActiveConsentOfTheSameKindIs409UntilRevoked() {
        UUID id = Api.newPatient();
        String first = as("clinician").body("{\"kind\":\"GROUP_PARTICIPATION\",\"signedOn\":\"2026-01-05\"}")
                .when().post(consents(id)).then().statusCode(201).extract().path("id");
        assertProblem(as("clinician").body("{\"kind\":\"GROUP_PARTICIPATION\",\"signedOn\":\"2026-01-06\"}").when().post(consents(id)).then(), 409, null);
        as("clinician").when().post(consents(id) + "/" + first + "/revoke").then().statusCode(200);
        as("clinician").body("{\"kind\":\"GROUP_PARTICIPATION\",\"signedOn\":\"2026-01-06\"}").when().post(consents(id)).then().statusCode(201);
    }

    @Test
    void consentExpiresByDateAtReadTimeAndLeavesTheNextEventsActiveList() {
        LocalDate today = LocalDate.now(zone);
        UUID id = Api.newPatient();
        String consentId = as("clinician").body("{\"kind\":\"TELEHEALTH\",\"signedOn\":\"2026-01-05\",\"expiresOn\":\"" + today.plusDays(10) + "\"}")
                .when().post(consents(id)).then().statusCode(201).body("status", equalTo("ACTIVE")).extract().path("id");

        QuarkusMock.installMockForType(new FixedDay(today.plusDays(10)), TimeSource.class);
        as("clinician").when().get(consents(id)).then().body("[0].status", equalTo("ACTIVE"));

        QuarkusMock.installMockForType(new FixedDay(today.plusDays(11)), TimeSource.class);
        as("clinician").when().get(consents(id)).then().body("[0].status", equalTo("EXPIRED"));
        assertProblem(as("clinician").when().post(consents(id) + "/" + consentId + "/revoke").then(), 409, null);
        // The next event carries no expired consent.
        as("clinician").body("{\"groupComfort\":\"HESITANT\",\"preferredModality\":\"GROUP\"}")
                .when().put(PATIENTS + "/" + id + "/preferences").then().statusCode(200);

        TopicReader topic = new TopicReader(bootstrap);
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.readByKey(Topics.PARTICIPANTS, id.toString()).size() >= 3);
        List<ConsumerRecord<String, String>> records = topic.readByKey(Topics.PARTICIPANTS, id.toString());
        assertThat(records).extracting(r -> header(r, "ce_type")).containsExactly(EventTypes.PATIENT_REGISTERED,
                EventTypes.PATIENT_CONSENT_GRANTED, EventTypes.PATIENT_PREFERENCES_CHANGED);
        assertThat(records.get(1).value()).contains("\"kind\":\"TELEHEALTH\"").contains("\"expiresOn\":\"" + today.plusDays(10) + "\"");
        assertThat(records.get(2).value()).contains("\"activeConsents\":[]");
    }

    @Test
    void unknownConsentOrConsentOfAnotherPatientIs404() {
        UUID id = Api.newPatient();
        UUID other = Api.newPatient();
        String othersConsent = as("clinician").body("{\"kind\":\"TELEHEALTH\",\"signedOn\":\"2026-01-05\"}")
                .when().post(consents(other)).then().statusCode(201).extract().path("id");
        assertProblem(as("clinician").when().post(consents(id) + "/" + othersConsent + "/revoke").then(), 404, null);
        assertProblem(as("clinician").when().post(consents(id) + "/" + UUID.randomUUID() + "/revoke").then(), 404, null);
        assertProblem(as("clinician").when().get(consents(UUID.randomUUID())).then(), 404, null);
    }

    @Test
    void dischargedPatientGetsNoNewConsent() {
        UUID id = Api.newPatient();
        as("clinician").body("{\"reason\":\"Completed\",\"date\":\"2026-02-20\"}").when().post(PATIENTS + "/" + id + "/discharge").then().statusCode(200);
        assertProblem(as("clinician").body("{\"kind\":\"TELEHEALTH\",\"signedOn\":\"2026-01-05\"}").when().post(consents(id)).then(), 422, null);
    }

    @Test
    void patientReadsOwnConsentsOnly() {
        UUID own = Api.newPatient();
        UUID other = Api.newPatient();
        asPatient(own).when().get(consents(own)).then().statusCode(200);
        assertProblem(asPatient(own).when().get(consents(other)).then(), 404, null);
        assertProblem(asPatient(own).when().get(consents(UUID.randomUUID())).then(), 404, null);
    }
}
