package care.iop.gateway.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import care.iop.gateway.FhirStubs;
import care.iop.gateway.GatewayTestResources;
import care.iop.testing.FhirValidation;

/** {@code Patient/{id}/$everything}: the three services' parts merged into one paged searchset Bundle. */
@QuarkusTest
class EverythingTest {
    private static final String EVERYTHING = "/fhir/R4/Patient/" + FhirStubs.PATIENT + "/$everything";

    @ConfigProperty(name = GatewayTestResources.CONTROL_URL)
    String control;

    @Test
    void onePagedBundleOfEveryServicesPartWithThePatientFirst() {
        String token = FhirCallers.bearer("clinician", "user/*.rs");
        String requestId = "everything-" + java.util.UUID.randomUUID();
        String json = given().header("Authorization", token).header("X-Request-Id", requestId).when().get(EVERYTHING + "?_count=50")
                .then().statusCode(200).contentType(startsWith("application/fhir+json"))
                .extract().asString();
        Bundle first = FhirMetadataTest.FHIR.newJsonParser().parseResource(Bundle.class, json);
        assertThat(first.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(first.getTotal()).isEqualTo(FhirStubs.EVERYTHING_TOTAL);
        assertThat(first.getEntry()).hasSize(50);
        assertThat(first.getEntryFirstRep().getResource().fhirType()).isEqualTo("Patient");
        assertThat(first.getEntryFirstRep().getFullUrl()).matches("http://localhost:\\d+/fhir/R4/Patient/" + FhirStubs.PATIENT);
        assertThat(first.getEntryFirstRep().getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.MATCH);
        assertThat(first.getLink("previous")).isNull();
        assertThat(first.getLink("self").getUrl()).endsWith("$everything?_count=50&_offset=0");
        assertThat(first.getLink("last").getUrl()).endsWith("_count=50&_offset=100");

        // follow next to the end: every resource once, participant's, then plan's, then session's
        List<String> seen = new ArrayList<>();
        first.getEntry().forEach(e -> seen.add(e.getResource().fhirType() + "/" + e.getResource().getIdPart()));
        Bundle page = first;
        int pages = 1;
        while (page.getLink("next") != null) {
            String next = page.getLink("next").getUrl();
            page = FhirMetadataTest.FHIR.newJsonParser().parseResource(Bundle.class,
                    given().header("Authorization", token).urlEncodingEnabled(false).when().get(next.substring(next.indexOf("/fhir/R4")))
                            .then().statusCode(200).extract().asString());
            page.getEntry().forEach(e -> seen.add(e.getResource().fhirType() + "/" + e.getResource().getIdPart()));
            pages++;
            assertThat(page.getLink("previous")).isNotNull();
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(FhirStubs.EVERYTHING_TOTAL).doesNotHaveDuplicates();
        assertThat(seen.subList(0, 2)).containsExactly("Patient/" + FhirStubs.PATIENT, "Consent/consent-" + FhirStubs.PATIENT);
        assertThat(seen.get(2)).startsWith("CarePlan/");
        assertThat(seen.subList(seen.size() - 3, seen.size())).allMatch(id -> id.startsWith("Appointment/") || id.startsWith("Encounter/"));

        // each service was asked for its part with the caller's token and the request id
        for (String service : List.of("participant", "plan", "session")) {
            List<Map<String, Object>> asked = received(service).stream().filter(r -> requestId.equals(r.get("requestId"))).toList();
            assertThat(asked).as(service).hasSize(1);
            assertThat(asked.get(0)).containsEntry("authorization", token)
                    .containsEntry("path", "/fhir/R4/Patient/" + FhirStubs.PATIENT + "/$everything-part");
        }
    }

    @Test
    void aMergedPageIsAValidR4SearchsetBundle() {
        String token = FhirCallers.bearer("clinician", "user/*.rs");
        for (String page : List.of("?_count=5", "?_count=5&_offset=" + (FhirStubs.EVERYTHING_TOTAL - 5))) {
            Bundle bundle = FhirMetadataTest.FHIR.newJsonParser().parseResource(Bundle.class,
                    given().header("Authorization", token).when().get(EVERYTHING + page).then().statusCode(200).extract().asString());
            assertThat(FhirValidation.validate(bundle)).as("R4 validation of the page " + page).isEmpty();
        }
    }

    @Test
    void sinceGoesToTheServicesAndTypeKeepsTheListedTypesAskingOnlyTheirOwnersAndTheParticipants() {
        String requestId = "everything-type-" + java.util.UUID.randomUUID();
        JsonPath bundle = given().header("Authorization", FhirCallers.bearer("clinician", "user/*.rs")).header("X-Request-Id", requestId)
                .urlEncodingEnabled(false)
                .when().get(EVERYTHING + "?_type=Goal,Patient&_since=2026-01-01T00:00:00%2B01:00")
                .then().statusCode(200).body("total", equalTo(3)).extract().jsonPath();
        assertThat(bundle.getList("entry.resource.resourceType", String.class)).containsExactly("Patient", "Goal", "Goal");
        assertThat(bundle.getString("link.find { it.relation == 'self' }.url")).endsWith("_count=100&_offset=0&_since=2026-01-01T00%3A00%3A00%2B01%3A00&_type=Goal%2CPatient");
        assertThat(received("plan").stream().filter(r -> requestId.equals(r.get("requestId"))).map(r -> r.get("query")))
                .containsExactly("_since=2026-01-01T00%3A00%3A00%2B01%3A00");
        assertThat(received("participant").stream().filter(r -> requestId.equals(r.get("requestId")))).hasSize(1);
        assertThat(received("session").stream().filter(r -> requestId.equals(r.get("requestId")))).isEmpty();
    }

    @Test
    void aPatientUnknownToTheCallerIsTheServicesOwn404() {
        given().header("Authorization", FhirCallers.bearer("clinician", "user/*.rs"))
                .when().get("/fhir/R4/Patient/" + FhirStubs.UNKNOWN_PATIENT + "/$everything")
                .then().statusCode(404).contentType(startsWith("application/fhir+json"))
                .body("issue[0].diagnostics", equalTo("Patient/" + FhirStubs.UNKNOWN_PATIENT + " is not known."));
        FhirRoutingTest.outcome(given().header("Authorization", FhirCallers.bearer("clinician", "user/*.rs"))
                .when().get("/fhir/R4/Patient/not_an_id!/$everything"), 404, "not-found");
    }

    @Test
    void aServiceFailingOrDownFailsTheWholeRecordNamingIt() {
        FhirRoutingTest.outcome(given().header("Authorization", FhirCallers.bearer("clinician", "user/*.rs"))
                .when().get("/fhir/R4/Patient/" + FhirStubs.FAILING_PATIENT + "/$everything"), 502, "exception")
                .body("issue[0].diagnostics", equalTo("The session service failed to answer."));
        given().post(control + "/plan/down").then().statusCode(200);
        try {
            FhirRoutingTest.outcome(given().header("Authorization", FhirCallers.bearer("clinician", "user/*.rs")).when().get(EVERYTHING),
                    503, "transient")
                    .body("issue[0].diagnostics", equalTo("The plan service is not reachable right now; try again later."));
        } finally {
            given().post(control + "/plan/up").then().statusCode(200);
        }
    }

    @Test
    void badParametersAre400NamingThem() {
        String token = FhirCallers.bearer("clinician", "user/*.rs");
        // query -> the parameter named and the issue code
        Map<String, List<String>> bad = Map.of(
                "_count=-1", List.of("_count", "invalid"),
                "_count=many", List.of("_count", "invalid"),
                "_count=5&_count=6", List.of("_count", "invalid"),
                "_offset=-1", List.of("_offset", "invalid"),
                "_since=yesterday", List.of("_since", "invalid"),
                "_type=Medication", List.of("_type", "not-supported"),
                "start=2026-01-01", List.of("start", "not-supported"));
        bad.forEach((query, expected) -> FhirRoutingTest.outcome(given().header("Authorization", token).urlEncodingEnabled(false)
                .when().get(EVERYTHING + "?" + query), 400, expected.get(1))
                .body("issue[0].expression[0]", equalTo(expected.get(0))));
        given().header("Authorization", token).when().get(EVERYTHING + "?_format=json&_count=1").then().statusCode(200)
                .body("entry.size()", equalTo(1));
        // more than the most a page holds is the most (FHIR lets a server return fewer); 0 is the total alone
        given().header("Authorization", token).when().get(EVERYTHING + "?_count=100000").then().statusCode(200)
                .body("entry.size()", equalTo(FhirStubs.EVERYTHING_TOTAL))
                .body("link.find { it.relation == 'self' }.url", org.hamcrest.Matchers.containsString("_count=" + EverythingMerge.MAX_COUNT + "&"));
        given().header("Authorization", token).when().get(EVERYTHING + "?_count=0").then().statusCode(200)
                .body("total", equalTo(FhirStubs.EVERYTHING_TOTAL)).body("entry.size()", equalTo(0)).body("link.size()", equalTo(1));
    }

    @Test
    void withoutATokenIs401() {
        FhirRoutingTest.outcome(given().when().get(EVERYTHING), 401, "login");
    }

    private List<Map<String, Object>> received(String service) {
        return given().get(control + "/" + service + "/received").then().statusCode(200).extract().jsonPath().getList("$");
    }
}
