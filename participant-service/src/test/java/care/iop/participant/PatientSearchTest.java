package care.iop.participant;

import static care.iop.participant.Api.PATIENTS;
import static care.iop.participant.Api.as;
import static care.iop.participant.Api.assertProblem;
import static care.iop.participant.Api.uniqueMrn;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PatientSearchTest {

    private static String create(String mrn, String given, String family, String track, String admission) {
        String body = """
                {"identifiers":[{"system":"urn:example:mrn","value":"%s"}],"givenName":"%s","familyName":"%s",
                 "birthDate":"1990-04-02","track":"%s","levelOfCare":"2.1"%s}"""
                .formatted(mrn, given, family, track, admission == null ? "" : ",\"admissionDate\":\"" + admission + "\"");
        return as("scheduler").body(body).when().post(PATIENTS).then().statusCode(201).extract().path("id");
    }

    @Test
    void findsByIdentifierExactly() {
        String mrn = uniqueMrn();
        String id = create(mrn, "Ana", "Diaz", "ADULT_MH", null);
        create(mrn + "0", "Ana", "Diaz", "ADULT_MH", null);
        as("integration").queryParam("identifier", "urn:example:mrn|" + mrn).when().get(PATIENTS)
                .then().statusCode(200).body("total", equalTo(1)).body("items.id", contains(id));
        as("integration").queryParam("identifier", "urn:other:mrn|" + mrn).when().get(PATIENTS)
                .then().statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));
    }

    /** As FHIR clients send it: the | unencoded in the request line (RestAssured would encode it, so a raw socket). */
    @Test
    void findsByIdentifierWithAnUnencodedPipe() throws java.io.IOException {
        String mrn = uniqueMrn();
        String id = create(mrn, "Ana", "Diaz", "ADULT_MH", null);

        care.iop.testing.RawHttp.Answer answer = new care.iop.testing.RawHttp("127.0.0.1", io.restassured.RestAssured.port)
                .get(PATIENTS + "?identifier=urn:example:mrn|" + mrn, "Authorization: " + care.iop.testing.TestTokens.bearer("integration"));

        org.assertj.core.api.Assertions.assertThat(answer.status()).isEqualTo(200);
        io.restassured.path.json.JsonPath body = io.restassured.path.json.JsonPath.from(answer.body());
        org.assertj.core.api.Assertions.assertThat(body.getInt("total")).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(body.getList("items.id")).containsExactly(id);
    }

    @Test
    void filtersByNameStatusAndTrackAndPaginates() {
        String family = "Zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String a = create(uniqueMrn(), "Alba", family + "a", "ADULT_MH", "2026-01-05");
        String b = create(uniqueMrn(), "Bo", family + "b", "ADULT_MH", null);
        String c = create(uniqueMrn(), "Cy", family + "c", "ADOLESCENT", "2026-01-05");

        as("clinician").queryParam("name", family.toUpperCase()).queryParam("size", 2).when().get(PATIENTS)
                .then().statusCode(200).body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(2))
                .body("items.id", contains(a, b));
        as("clinician").queryParam("name", family).queryParam("size", 2).queryParam("page", 1).when().get(PATIENTS)
                .then().statusCode(200).body("total", equalTo(3)).body("items.id", contains(c));
        as("clinician").queryParam("name", family).queryParam("status", "ACTIVE").when().get(PATIENTS)
                .then().body("items.id", contains(a, c));
        as("clinician").queryParam("name", family).queryParam("status", "REFERRED").when().get(PATIENTS)
                .then().body("items.id", contains(b));
        as("clinician").queryParam("name", family).queryParam("track", "ADOLESCENT").when().get(PATIENTS)
                .then().body("items.id", contains(c));
        as("clinician").queryParam("name", "alba " + family).when().get(PATIENTS)
                .then().body("items.id", contains(a));
    }

    @Test
    void badSearchParametersAre400NamingThem() {
        assertProblem(as("admin").queryParam("identifier", "MRN-0001").when().get(PATIENTS).then(), 400, "identifier");
        assertProblem(as("admin").queryParam("identifier", "urn:example:mrn|").when().get(PATIENTS).then(), 400, "identifier");
        assertProblem(as("admin").queryParam("status", "SLEEPING").when().get(PATIENTS).then(), 400, "status");
        assertProblem(as("admin").queryParam("track", "KIDS").when().get(PATIENTS).then(), 400, "track");
        assertProblem(as("admin").queryParam("size", 101).when().get(PATIENTS).then(), 400, "size");
        assertProblem(as("admin").queryParam("page", -1).when().get(PATIENTS).then(), 400, "page");
    }
}
