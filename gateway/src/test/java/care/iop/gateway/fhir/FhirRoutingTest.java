package care.iop.gateway.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

import care.iop.gateway.Callers;
import care.iop.gateway.GatewayTestResources;
import care.iop.gateway.Routes;
import care.iop.gateway.StubUpstreams;
import care.iop.testing.FhirValidation;

/** {@code /fhir/R4/<Type>...} reaches the service that owns the type; the edge holds; the gateway's own errors are OperationOutcomes. */
@QuarkusTest
class FhirRoutingTest {

    @ConfigProperty(name = GatewayTestResources.CONTROL_URL)
    String control;

    static java.util.stream.Stream<Map.Entry<String, String>> types() {
        return FhirTypes.OWNERS.entrySet().stream();
    }

    /** The gateway's own OperationOutcome with this status and issue code. */
    static ValidatableResponse outcome(Response response, int status, String code) {
        return response.then().statusCode(status)
                .contentType(startsWith("application/fhir+json"))
                .header("X-Request-Id", org.hamcrest.Matchers.notNullValue())
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].severity", equalTo("error"))
                .body("issue[0].code", equalTo(code));
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyTypeReachesTheServiceThatOwnsIt(Map.Entry<String, String> route) {
        String token = FhirCallers.bearer("clinician", "user/*.rs");
        String path = "/fhir/R4/" + route.getKey() + "/abc";
        given().header("Authorization", token).header("Accept", "application/fhir+json")
                .when().get(path + "?_elements=id")
                .then().statusCode(200)
                .body("upstream", equalTo(route.getValue()))
                .body("path", equalTo(path))
                .body("query", equalTo("_elements=id"))
                .body("authorization", equalTo(token))
                .body("accept", equalTo("application/fhir+json"));
        // searches, the type itself, history: the whole path below the type goes to its owner
        given().header("Authorization", token).urlEncodingEnabled(false)
                .when().get("/fhir/R4/" + route.getKey() + "?identifier=urn:example:mrn%7CMRN-1&_count=5")
                .then().statusCode(200)
                .body("upstream", equalTo(route.getValue()))
                .body("query", equalTo("identifier=urn:example:mrn%7CMRN-1&_count=5"));
        assertThat(Routes.upstreamNames()).contains(route.getValue());
    }

    @Test
    void writesGoThroughWithTheirBodyMethodAndConditionalHeaders() {
        String token = FhirCallers.bearer("scheduler", "user/Appointment.cruds");
        String body = "{\"resourceType\":\"Appointment\",\"status\":\"booked\"}";
        given().header("Authorization", token).header("If-Match", "W/\"3\"").contentType("application/fhir+json").body(body)
                .when().put("/fhir/R4/Appointment/a1")
                .then().statusCode(200)
                .body("upstream", equalTo("session")).body("method", equalTo("PUT"))
                .body("contentType", startsWith("application/fhir+json")).body("body", equalTo(body));
        given().header("Authorization", token).contentType("application/fhir+json").body("{\"resourceType\":\"Patient\"}")
                .when().post("/fhir/R4/Patient")
                .then().statusCode(200).body("upstream", equalTo("participant")).body("method", equalTo("POST"));
    }

    @Test
    void theGatewaysOperationOutcomesAreValidR4() {
        String json = given().when().get("/fhir/R4/Patient/abc").then().statusCode(401).extract().asString();
        org.hl7.fhir.r4.model.OperationOutcome outcome = FhirMetadataTest.FHIR.newJsonParser()
                .parseResource(org.hl7.fhir.r4.model.OperationOutcome.class, json);
        assertThat(FhirValidation.validate(outcome)).isEmpty();
        assertThat(outcome.getIssueFirstRep().getCode().toCode()).isEqualTo("login");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/fhir/R4/Medication/1", "/fhir/R4/EpisodeOfCare", "/fhir/R4/patient/1", "/fhir/R4/", "/fhir/R4/_history" })
    void anUnknownTypeIs404OperationOutcome(String path) {
        outcome(given().header("Authorization", FhirCallers.bearer("clinician", "user/*.rs")).when().get(path), 404, "not-supported")
                .body("issue[0].diagnostics", containsString("not served here"));
    }

    @Test
    void pathsOutsideTheBaseAndTheServicesInternalPartsAre404() {
        String token = FhirCallers.bearer("clinician", "user/*.rs");
        outcome(given().header("Authorization", token).when().get("/fhir/R5/Patient/1"), 404, "not-found");
        outcome(given().header("Authorization", token).when().get("/fhir/R4/Patient/p1/$everything-part"), 404, "not-supported");
        outcome(given().header("Authorization", token).when().get("/fhir/R4/$export-part?_type=Patient"), 404, "not-supported");
    }

    @Test
    void withoutAValidTokenIs401OperationOutcome() {
        outcome(given().when().get("/fhir/R4/Patient/abc"), 401, "login")
                .header("WWW-Authenticate", "Bearer")
                .body("issue[0].diagnostics", equalTo("A bearer token is required."));
        outcome(given().header("Authorization", "Bearer not.a.token").when().get("/fhir/R4/Observation?patient=1"), 401, "login")
                .body("issue[0].diagnostics", equalTo("The bearer token is invalid or expired."));
        outcome(given().when().get("/fhir/R4/Patient/$export"), 401, "login");
    }

    @Test
    void thePublicBaseReachesTheServicesFromATrustedIngressOnly() {
        Callers.from(Callers.TRUSTED_PROXY).header("Authorization", FhirCallers.bearer("clinician", "user/*.rs"))
                .header("X-Forwarded-For", "203.0.113.9").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "ehr-api.iop.example").header("X-Forwarded-Prefix", "/iop")
                .when().get("/fhir/R4/CarePlan/cp1")
                .then().statusCode(200)
                .body("forwardedProto", equalTo("https"))
                .body("forwardedHost", equalTo("ehr-api.iop.example"))
                .body("forwardedPrefix", equalTo("/iop"));
        // a malformed prefix is not believed even from the ingress
        Callers.from(Callers.TRUSTED_PROXY).header("Authorization", FhirCallers.bearer("clinician", "user/*.rs"))
                .header("X-Forwarded-Prefix", "/iop/../admin")
                .when().get("/fhir/R4/CarePlan/cp1")
                .then().statusCode(200).body("forwardedPrefix", nullValue());
        // a client's own prefix never reaches a service
        given().header("Authorization", FhirCallers.bearer("clinician", "user/*.rs")).header("X-Forwarded-Prefix", "/evil")
                .when().get("/fhir/R4/CarePlan/cp1")
                .then().statusCode(200)
                .body("forwardedPrefix", nullValue())
                .body("forwardedProto", equalTo("http"));
    }

    @Test
    void aServiceFailingIs502OperationOutcomeWithoutItsInternals() {
        outcome(given().header("Authorization", FhirCallers.bearer("clinician", "user/*.rs")).when().get("/fhir/R4/Observation/boom"),
                502, "exception")
                .body("issue[0].diagnostics", equalTo("The plan service failed to answer."))
                .body(not(containsString("5432")));
    }

    @Test
    void aSilentServiceIs504OperationOutcome() {
        outcome(given().header("Authorization", FhirCallers.bearer("clinician", "user/*.rs")).when().get("/fhir/R4/Encounter/slow"),
                504, "timeout")
                .body("issue[0].diagnostics", equalTo("The session service did not answer in time."));
    }

    @Test
    void aServiceDownIs503OperationOutcome() {
        given().post(control + "/session/down").then().statusCode(200);
        try {
            outcome(given().header("Authorization", FhirCallers.bearer("clinician", "user/*.rs")).when().get("/fhir/R4/Slot?schedule=1"),
                    503, "transient")
                    .body("issue[0].diagnostics", equalTo("The session service is not reachable right now; try again later."));
        } finally {
            given().post(control + "/session/up").then().statusCode(200);
        }
    }

    @Test
    void aBodyOverTheLimitIs413OperationOutcome() {
        byte[] big = new byte[64 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        outcome(given().header("Authorization", FhirCallers.bearer("clinician", "user/*.cruds")).contentType("application/fhir+json").body(big)
                .when().post("/fhir/R4/QuestionnaireResponse"), 413, "too-costly");
    }

    @Test
    void aClientOverItsRateGets429OperationOutcomeWithRetryAfter() {
        String token = FhirCallers.bearer("clinician", "user/*.rs");
        Response limited = null;
        for (int i = 0; i < 200 && limited == null; i++) {
            Response response = given().header("Authorization", token).when().get("/fhir/R4/Goal?patient=p1");
            if (response.statusCode() == 429) {
                limited = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
            }
        }
        assertThat(limited).as("a 429 within 200 rapid requests").isNotNull();
        outcome(limited, 429, "throttled");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
    }

    @Test
    void theGatewaysOwnOperationsRefuseOtherMethods() {
        outcome(given().header("Authorization", FhirCallers.bearer("clinician", "user/*.rs")).when().post("/fhir/R4/metadata"),
                405, "not-supported");
        outcome(given().header("Authorization", FhirCallers.backend("system/*.rs")).header("Prefer", "respond-async")
                .when().post("/fhir/R4/Patient/$export"), 405, "not-supported");
    }

    @Test
    void theJsonApiKeepsProblemDocuments() {
        given().when().get("/api/v1/patients/abc").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", Callers.bearer("clinician")).when().get("/api/v1/plans/boom")
                .then().statusCode(502).contentType("application/problem+json");
        assertThat(StubUpstreams.NAMES).hasSize(3);
    }
}
