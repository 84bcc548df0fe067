package care.iop.participant;

import static care.iop.participant.Api.CLINICIANS;
import static care.iop.participant.Api.as;
import static care.iop.participant.Api.assertProblem;
import static care.iop.participant.Api.clinicianBody;
import static care.iop.participant.Api.uniqueNpi;
import static care.iop.testing.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.participant.service.Npi;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ClinicianTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static String family() {
        return "Lee" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @Test
    void npiCheckDigitRule() {
        assertThat(Npi.Validator.isValidNpi("1234567893")).isTrue();
        assertThat(Npi.Validator.isValidNpi("1234567890")).isFalse();
        assertThat(Npi.Validator.isValidNpi("123456789")).isFalse();
        assertThat(Npi.Validator.isValidNpi("12345678931")).isFalse();
        assertThat(Npi.Validator.isValidNpi("12345678a3")).isFalse();
    }

    @Test
    void registerReadAndFindAClinician() {
        String npi = uniqueNpi();
        String family = family();
        String id = as("scheduler").body(clinicianBody(npi, family)).when().post(CLINICIANS)
                .then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("npi", equalTo(npi))
                .body("displayName", equalTo("Sam " + family + ", LCSW"))
                .body("canLeadGroups", equalTo(true))
                .body("maxCaseload", equalTo(25))
                .body("active", equalTo(true))
                .extract().path("id");
        as("clinician").when().get(CLINICIANS + "/" + id).then().statusCode(200).header("ETag", "\"0\"").body("credentials", contains("LCSW"));
        as("admin").queryParam("npi", npi).when().get(CLINICIANS).then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        as("admin").queryParam("name", family.toLowerCase()).when().get(CLINICIANS).then().body("items.id", contains(id));
        as("admin").queryParam("name", "sam " + family).queryParam("active", "true").when().get(CLINICIANS).then().body("items.id", contains(id));
        as("admin").queryParam("name", family).queryParam("active", "false").when().get(CLINICIANS).then().body("total", equalTo(0));
        assertThat(Db.count(ds, "select count(*) from clinician where npi = ?", npi)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "1234567890", "12345", "123456789X", "12345678931" })
    void invalidNpiIs400AndStoresNothing(String npi) {
        String family = family();
        assertProblem(as("scheduler").body(clinicianBody(npi, family)).when().post(CLINICIANS).then(), 400, "npi");
        assertThat(Db.count(ds, "select count(*) from clinician where family_name = ?", family)).isZero();
    }

    @Test
    void otherBadInputIs400NamingTheField() {
        String npi = uniqueNpi();
        assertProblem(as("scheduler").body("{\"npi\":\"" + npi + "\",\"givenName\":\" \",\"familyName\":\"Lee\",\"canLeadGroups\":true}").when().post(CLINICIANS).then(), 400, "givenName");
        assertProblem(as("scheduler").body("{\"npi\":\"" + npi + "\",\"givenName\":\"Sam\",\"familyName\":\"Lee\"}").when().post(CLINICIANS).then(), 400, "canLeadGroups");
        assertProblem(as("scheduler").body("{\"npi\":\"" + npi + "\",\"givenName\":\"Sam\",\"familyName\":\"Lee\",\"canLeadGroups\":true,\"credentials\":[\"L C\"]}").when().post(CLINICIANS).then(), 400, "credentials[0]");
        assertProblem(as("scheduler").body("{\"npi\":\"" + npi + "\",\"givenName\":\"Sam\",\"familyName\":\"Lee\",\"canLeadGroups\":true,\"maxCaseload\":0}").when().post(CLINICIANS).then(), 400, "maxCaseload");
        assertProblem(as("scheduler").body("{\"npi\":\"" + npi + "\",\"givenName\":\"Sam\",\"familyName\":\"Lee\",\"canLeadGroups\":true,\"ssn\":\"1\"}").when().post(CLINICIANS).then(), 400, "ssn");
        assertThat(Db.count(ds, "select count(*) from clinician where npi = ?", npi)).isZero();
        assertProblem(as("admin").queryParam("active", "maybe").when().get(CLINICIANS).then(), 400, "active");
        assertProblem(as("admin").queryParam("npi", "12").when().get(CLINICIANS).then(), 400, "npi");
    }

    @Test
    void duplicateNpiIs409OnCreateAndUpdate() {
        String npi = uniqueNpi();
        as("scheduler").body(clinicianBody(npi, family())).when().post(CLINICIANS).then().statusCode(201);
        String family = family();
        assertProblem(as("clinician").body(clinicianBody(npi, family)).when().post(CLINICIANS).then(), 409, null);
        assertThat(Db.count(ds, "select count(*) from clinician where family_name = ?", family)).isZero();

        String otherNpi = uniqueNpi();
        String id = as("scheduler").body(clinicianBody(otherNpi, family)).when().post(CLINICIANS).then().statusCode(201).extract().path("id");
        assertProblem(as("scheduler").header("If-Match", "\"0\"").body(clinicianBody(npi, family)).when().put(CLINICIANS + "/" + id).then(), 409, null);
    }

    @Test
    void updateNeedsIfMatchAndPublishesEvents() {
        String npi = uniqueNpi();
        String family = family();
        String id = as("scheduler").header("X-Request-Id", "req-clin-" + npi).body(clinicianBody(npi, family)).when().post(CLINICIANS)
                .then().statusCode(201).extract().path("id");
        String deactivate = "{\"npi\":\"" + npi + "\",\"givenName\":\"Sam\",\"familyName\":\"" + family
                + "\",\"credentials\":[\"LCSW\",\"LAC\"],\"canLeadGroups\":false,\"active\":false}";
        assertProblem(as("scheduler").body(deactivate).when().put(CLINICIANS + "/" + id).then(), 428, null);
        assertProblem(as("scheduler").header("If-Match", "\"5\"").body(deactivate).when().put(CLINICIANS + "/" + id).then(), 412, null);
        as("scheduler").header("If-Match", "\"0\"").body(deactivate).when().put(CLINICIANS + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("active", equalTo(false)).body("displayName", equalTo("Sam " + family + ", LCSW, LAC"));
        assertProblem(as("admin").when().get(CLINICIANS + "/" + UUID.randomUUID()).then(), 404, null);

        TopicReader topic = new TopicReader(bootstrap);
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.readByKey(Topics.PARTICIPANTS, id).size() >= 2);
        List<ConsumerRecord<String, String>> records = topic.readByKey(Topics.PARTICIPANTS, id);
        assertThat(records).extracting(r -> header(r, "ce_type")).containsExactly(EventTypes.CLINICIAN_REGISTERED, EventTypes.CLINICIAN_UPDATED);
        assertThat(records).allSatisfy(r -> assertThat(header(r, "ce_subject")).isEqualTo(id));
        assertThat(header(records.get(0), "ce_requestid")).isEqualTo("req-clin-" + npi);
        assertThat(records.get(0).value()).contains("\"displayName\":\"Sam " + family + ", LCSW\"").contains("\"canLeadGroups\":true")
                .contains("\"active\":true").contains("\"npi\":\"" + npi + "\"").contains("\"version\":0")
                .contains("\"credentials\":[\"LCSW\"]");
        assertThat(records.get(1).value()).contains("\"canLeadGroups\":false").contains("\"active\":false").contains("\"version\":1")
                .contains("\"credentials\":[\"LCSW\",\"LAC\"]");
    }
}
