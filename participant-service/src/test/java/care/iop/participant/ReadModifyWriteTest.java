package care.iop.participant;

import static care.iop.participant.Api.CLINICIANS;
import static care.iop.participant.Api.PATIENTS;
import static care.iop.participant.Api.as;
import static care.iop.participant.Api.assertProblem;
import static care.iop.participant.Api.newClinician;
import static care.iop.participant.Api.newPatient;
import static care.iop.participant.Api.patientBody;
import static care.iop.participant.Api.uniqueFamilyName;
import static care.iop.participant.Api.uniqueMrn;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import care.iop.platform.privacy.PrivacyConfig;

/**
 * Read-modify-write (docs/gateway.md): each PUT accepts the body its GET returned; a read-only field that differs is 400
 * naming it (version: 412, as a stale If-Match) and changes nothing; unknown fields stay 400.
 */
@QuarkusTest
class ReadModifyWriteTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode read(Response response) throws Exception {
        return (ObjectNode) JSON.readTree(response.asString());
    }

    private static Response get(String path) {
        Response response = as("admin").when().get(path);
        response.then().statusCode(200);
        return response;
    }

    @Test
    void aPatientReadCanBePutBackWithAChange() throws Exception {
        String path = PATIENTS + "/" + newPatient();
        Response read = get(path);
        ObjectNode body = read(read).put("givenName", "Anabel");

        as("admin").header("If-Match", read.header("ETag")).body(body.toString()).when().put(path)
                .then().statusCode(200).body("givenName", equalTo("Anabel")).body("version", equalTo(1));
    }

    @Test
    void aPatientReadPutBackUnchangedChangesNothing() throws Exception {
        String path = PATIENTS + "/" + newPatient();
        Response read = get(path);

        as("admin").header("If-Match", read.header("ETag")).body(read.asString()).when().put(path)
                .then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void aChangedReadOnlyFieldOfAPatientIs400NamingEachAndChangesNothing() throws Exception {
        String path = PATIENTS + "/" + newPatient();
        Response read = get(path);
        ObjectNode body = read(read).put("status", "DISCHARGED").put("id", UUID.randomUUID().toString()).put("givenName", "Other");

        assertProblem(as("admin").header("If-Match", read.header("ETag")).body(body.toString()).when().put(path).then(), 400, "status")
                .body("type", equalTo("https://iop.care/problems/validation-error"))
                .body("errors.field", hasItems("id", "status"))
                .body("errors[0].message", equalTo("read-only: differs from the current value; send what GET returned or leave it out"));
        get(path).then().body("givenName", equalTo("Ana")).body("version", equalTo(0));
    }

    @Test
    void aStaleVersionInThePatientBodyIs412AsAStaleIfMatch() throws Exception {
        String path = PATIENTS + "/" + newPatient();
        Response read = get(path);
        ObjectNode body = read(read).put("version", 7);

        assertProblem(as("admin").header("If-Match", read.header("ETag")).body(body.toString()).when().put(path).then(), 412, null)
                .body("type", equalTo("https://iop.care/problems/precondition-failed"));
        get(path).then().body("version", equalTo(0));
    }

    @Test
    void thePart2NoticeOfADisclosureIsAcceptedBackOnlyAsSent() throws Exception {
        String path = PATIENTS + "/" + newPatient();
        Response read = get(path);
        ObjectNode body = read(read).put("part2Notice", PrivacyConfig.NOTICE).put("familyName", "Noticed");

        as("admin").header("If-Match", read.header("ETag")).body(body.toString()).when().put(path)
                .then().statusCode(200).body("familyName", equalTo("Noticed"));
        body.put("part2Notice", "no notice").put("version", 1);
        assertProblem(as("admin").header("If-Match", "\"1\"").body(body.toString()).when().put(path).then(), 400, "part2Notice");
    }

    @Test
    void unknownFieldsStayRefused() throws Exception {
        String path = PATIENTS + "/" + newPatient();
        Response read = get(path);
        ObjectNode body = read(read).put("nickname", "Ana");

        assertProblem(as("admin").header("If-Match", read.header("ETag")).body(body.toString()).when().put(path).then(), 400, "nickname");
    }

    @Test
    void aCreateRefusesReadOnlyFields() {
        String body = patientBody(uniqueMrn(), uniqueFamilyName(), null).replace("{\"identifiers\"", "{\"id\":\"" + UUID.randomUUID() + "\",\"identifiers\"");

        assertProblem(as("admin").body(body).when().post(PATIENTS).then(), 400, "id")
                .body("errors[0].message", equalTo("read-only: set by the server; leave it out"));
    }

    @Test
    void aClinicianReadCanBePutBackAndItsComputedNameIsReadOnly() throws Exception {
        String path = CLINICIANS + "/" + newClinician();
        Response read = get(path);
        ObjectNode body = read(read).put("givenName", "Samantha");

        as("admin").header("If-Match", read.header("ETag")).body(body.toString()).when().put(path)
                .then().statusCode(200).body("givenName", equalTo("Samantha")).body("displayName", equalTo("Samantha " + body.get("familyName").asText() + ", LCSW"));

        Response again = get(path);
        ObjectNode renamed = read(again).put("displayName", "Dr Sam");
        assertProblem(as("admin").header("If-Match", again.header("ETag")).body(renamed.toString()).when().put(path).then(), 400, "displayName");
        ObjectNode stale = read(again).put("version", 0);
        assertProblem(as("admin").header("If-Match", again.header("ETag")).body(stale.toString()).when().put(path).then(), 412, null);
        ObjectNode unknown = read(again).put("title", "Dr");
        assertProblem(as("admin").header("If-Match", again.header("ETag")).body(unknown.toString()).when().put(path).then(), 400, "title");
    }

    @Test
    void preferencesReadCanBePutBack() throws Exception {
        String path = PATIENTS + "/" + newPatient() + "/preferences";
        as("clinician").body("{\"groupComfort\":\"HESITANT\",\"preferredModality\":\"INDIVIDUAL\"}").when().put(path).then().statusCode(200);
        ObjectNode body = read(get(path)).put("groupComfort", "COMFORTABLE");

        as("clinician").body(body.toString()).when().put(path)
                .then().statusCode(200).body("groupComfort", equalTo("COMFORTABLE")).body("preferredModality", equalTo("INDIVIDUAL"));

        ObjectNode current = read(get(path));
        assertProblem(as("clinician").body(current.deepCopy().put("patientId", UUID.randomUUID().toString()).toString()).when().put(path).then(),
                400, "patientId");
        assertProblem(as("clinician").body(current.deepCopy().put("version", 0).toString()).when().put(path).then(), 412, null);
        assertProblem(as("clinician").body(current.deepCopy().put("mood", "ok").toString()).when().put(path).then(), 400, "mood");
        get(path).then().body("groupComfort", equalTo("COMFORTABLE"));
    }
}
