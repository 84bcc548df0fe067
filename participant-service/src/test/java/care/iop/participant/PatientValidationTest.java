package care.iop.participant;

import static care.iop.participant.Api.PATIENTS;
import static care.iop.participant.Api.as;
import static care.iop.participant.Api.assertProblem;
import static care.iop.participant.Api.uniqueFamilyName;
import static care.iop.participant.Api.uniqueMrn;
import static care.iop.testing.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import care.iop.events.Topics;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PatientValidationTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A valid body with the fields of {@code override} (a JSON fragment "field":value) replaced. */
    private static String body(String family, String override) {
        String base = """
                {"identifiers":[{"system":"urn:example:mrn","value":"%s"}],"givenName":"Ana","familyName":"%s",
                 "birthDate":"1990-04-02","gender":"female","track":"ADULT_SUD","levelOfCare":"2.1",
                 "phone":"+1-555-0100","email":"ana@example.org"}""".formatted(uniqueMrn(), family);
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(base);
            node.setAll((ObjectNode) JSON.readTree("{" + override + "}"));
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalArgumentException(override, e);
        }
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = ';', value = {
            "\"birthDate\":\"2999-01-01\"; birthDate",
            "\"birthDate\":\"-10000-01-01\"; birthDate",
            "\"birthDate\":\"1899-12-31\"; birthDate",
            "\"birthDate\":\"0000-01-01\"; birthDate",
            "\"birthDate\":\"+999999999-12-31\"; birthDate",
            "\"admissionDate\":\"-10000-01-01\"; admissionDate",
            "\"admissionDate\":\"+10000-01-01\"; admissionDate",
            "\"birthDate\":\"02/04/1990\"; birthDate",
            "\"track\":\"INPATIENT\"; track",
            "\"gender\":\"F\"; gender",
            "\"levelOfCare\":\"3.7\"; levelOfCare",
            "\"givenName\":\"   \"; givenName",
            "\"familyName\":\"\"; familyName",
            "\"email\":\"not-an-email\"; email",
            "\"phone\":\"call me\"; phone",
            "\"identifiers\":[{\"system\":\"not a uri\",\"value\":\"MRN-1\"}]; identifiers[0].system",
            "\"identifiers\":[{\"system\":\"urn:example:mrn\",\"value\":\"A|B\"}]; identifiers[0].value",
            "\"identifiers\":[{\"system\":\"urn:example:mrn\"}]; identifiers[0].value",
            "\"identifiers\":[{\"system\":\"urn:example:mrn\",\"value\":\"X1\"},{\"system\":\"urn:example:mrn\",\"value\":\"X1\"}]; identifiers[1]",
            "\"ssn\":\"123-45-6789\"; ssn"
    })
    void badInputIs400NamingTheFieldAndStoresNothing(String override, String field) {
        String family = uniqueFamilyName();
        assertProblem(as("scheduler").body(body(family, override)).when().post(PATIENTS).then(), 400, field);
        assertThat(Db.count(ds, "select count(*) from patient where family_name = ?", family)).isZero();
    }

    @Test
    void moreThan20IdentifiersIs400NamingIdentifiers() {
        String family = uniqueFamilyName();
        StringBuilder identifiers = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            identifiers.append(i == 0 ? "" : ",").append("{\"system\":\"urn:example:mrn\",\"value\":\"").append(uniqueMrn()).append("\"}");
        }
        assertProblem(as("scheduler").body(body(family, "\"identifiers\":[" + identifiers + "]")).when().post(PATIENTS).then(), 400, "identifiers");
        assertThat(Db.count(ds, "select count(*) from patient where family_name = ?", family)).isZero();
    }

    @Test
    void birthDateFrom1900ToTodayIsAccepted() {
        as("scheduler").body(body(uniqueFamilyName(), "\"birthDate\":\"1900-01-01\"")).when().post(PATIENTS).then().statusCode(201);
    }

    @Test
    void missingRequiredFieldsAreEachNamed() {
        assertProblem(as("scheduler").body("{}").when().post(PATIENTS).then(), 400, "givenName");
        assertProblem(as("scheduler").body("{}").when().post(PATIENTS).then(), 400, "familyName");
        assertProblem(as("scheduler").body("{}").when().post(PATIENTS).then(), 400, "birthDate");
        assertProblem(as("scheduler").body("{}").when().post(PATIENTS).then(), 400, "track");
        assertProblem(as("scheduler").body("{}").when().post(PATIENTS).then(), 400, "levelOfCare");
    }

    @Test
    void badUpdateIs400AndLeavesThePatientUnchanged() {
        UUID id = Api.newPatient();
        assertProblem(as("scheduler").header("If-Match", "\"0\"").body(body("Other", "\"birthDate\":\"2999-01-01\""))
                .when().put(PATIENTS + "/" + id).then(), 400, "birthDate");
        as("scheduler").when().get(PATIENTS + "/" + id).then().statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void rejectedWriteProducesNoEventAndNoRow() {
        String rejectedRequestId = "rejected-" + UUID.randomUUID();
        String family = uniqueFamilyName();
        assertProblem(as("integration").header("X-Request-Id", rejectedRequestId).body(body(family, "\"track\":\"UNKNOWN\""))
                .when().post(PATIENTS).then(), 400, "track");
        String duplicateRequestId = "duplicate-" + UUID.randomUUID();
        String mrn = uniqueMrn();
        as("integration").body(Api.patientBody(mrn, uniqueFamilyName(), null)).when().post(PATIENTS).then().statusCode(201);
        as("integration").header("X-Request-Id", duplicateRequestId).body(Api.patientBody(mrn, family, null))
                .when().post(PATIENTS).then().statusCode(409);

        // A later accepted write: once its event is on the topic, any event of the rejected ones would be too.
        String acceptedRequestId = "accepted-" + UUID.randomUUID();
        String id = as("integration").header("X-Request-Id", acceptedRequestId).body(Api.patientBody(uniqueMrn(), uniqueFamilyName(), null))
                .when().post(PATIENTS).then().statusCode(201).extract().path("id");
        TopicReader topic = new TopicReader(bootstrap);
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.readByKey(Topics.PARTICIPANTS, id).size() == 1);
        assertThat(header(topic.readByKey(Topics.PARTICIPANTS, id).get(0), "ce_requestid")).isEqualTo(acceptedRequestId);

        assertThat(topic.read(Topics.PARTICIPANTS, r -> rejectedRequestId.equals(header(r, "ce_requestid"))
                || duplicateRequestId.equals(header(r, "ce_requestid")))).isEmpty();
        assertThat(Db.count(ds, "select count(*) from patient where family_name = ?", family)).isZero();
        assertThat(Db.count(ds, "select count(*) from outbox where request_id in (?, ?)", rejectedRequestId, duplicateRequestId)).isZero();
        assertThat(Db.count(ds, "select count(*) from audit_event where request_id in (?, ?) and outcome = 'SUCCESS'",
                rejectedRequestId, duplicateRequestId)).isZero();
    }
}
