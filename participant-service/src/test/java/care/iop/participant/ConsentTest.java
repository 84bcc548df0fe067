package care.iop.participant;

import static care.iop.participant.Api.PATIENTS;
import static care.iop.participant.Api.as;
import static care.iop.participant.Api.asPatient;
import static care.iop.participant.Api.assertProblem;
import static care.iop.testing.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
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

    @Test
    void part2DisclosureNeedsRecipientPurposeAndExpiryAndCarriesTheNotice() {
        UUID id = Api.newPatient();
        assertProblem(as("clinician").body("{\"kind\":\"PART2_DISCLOSURE\",\"signedOn\":\"2026-01-05\",\"expiresOn\":\"2999-01-01\",\"purpose\":\"care\"}")
                .when().post(consents(id)).then(), 400, "recipient");
        assertProblem(as("clinician").body("{\"kind\":\"PART2_DISCLOSURE\",\"signedOn\":\"2026-01-05\",\"expiresOn\":\"2999-01-01\",\"recipient\":\"Probation\"}")
                .when().post(consents(id)).then(), 400, "purpose");
        assertProblem(as("clinician").body("{\"kind\":\"PART2_DISCLOSURE\",\"signedOn\":\"2026-01-05\",\"recipient\":\"Probation\",\"purpose\":\"care\"}")
                .when().post(consents(id)).then(), 400, "expiresOn");
        assertThat(Db.count(ds, "select count(*) from consent where patient_id = ?", id)).isZero();

        as("clinician").body("{\"kind\":\"PART2_DISCLOSURE\",\"signedOn\":\"2026-01-05\",\"expiresOn\":\"2999-01-01\",\"recipient\":\"Riverside County Probation\",\"purpose\":\"Compliance reporting\"}")
                .when().post(consents(id)).then().statusCode(201)
                .body("recipient", equalTo("Riverside County Probation"))
                .body("purpose", equalTo("Compliance reporting"))
                .body("redisclosureNotice", containsString("42 CFR Part 2"));
        // Several Part 2 disclosures (to different recipients) may be active together.
        as("clinician").body("{\"kind\":\"PART2_DISCLOSURE\",\"signedOn\":\"2026-01-05\",\"expiresOn\":\"2999-01-01\",\"recipient\":\"Dr. Primary\",\"purpose\":\"Treatment\"}")
                .when().post(consents(id)).then().statusCode(201);
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
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
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
