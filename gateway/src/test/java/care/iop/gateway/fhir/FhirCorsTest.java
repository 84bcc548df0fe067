package care.iop.gateway.fhir;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * CORS for SMART apps that run in a browser (the test profile allows the origin https://app.example.test): a bulk export
 * kick-off sends {@code Prefer}, and the app must read the status URL ({@code Content-Location}) and, while polling,
 * {@code X-Progress} and {@code Retry-After}.
 */
@QuarkusTest
class FhirCorsTest {
    private static final String APP = "https://app.example.test";
    private static final String EXPORT = "/fhir/R4/Patient/$export";

    @Test
    void aPreflightForAnExportKickOffAllowsPreferAndAuthorization() {
        given().header("Origin", APP)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "Prefer, Authorization")
                .urlEncodingEnabled(false)
                .when().options(EXPORT)
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", APP)
                .header("Access-Control-Allow-Methods", containsString("GET"))
                .header("Access-Control-Allow-Headers", containsString("Prefer"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
    }

    @Test
    void aKickOffExposesItsStatusUrlAndPollingExposesTheProgressHeaders() {
        String token = FhirCallers.backend("system/Patient.rs");
        String statusUrl = given().header("Origin", APP).header("Authorization", token).header("Prefer", "respond-async")
                .urlEncodingEnabled(false)
                .when().get(EXPORT + "?_type=Patient")
                .then().statusCode(202)
                .header("Access-Control-Allow-Origin", APP)
                .header("Access-Control-Expose-Headers", containsString("Content-Location"))
                .header("Content-Location", startsWith("http://localhost:"))
                .extract().header("Content-Location");
        String status = statusUrl.substring(statusUrl.indexOf("/fhir/R4"));
        // whether still running (202, X-Progress) or done (200, Expires), a browser app may read what the poll says
        given().header("Origin", APP).header("Authorization", token).when().get(status)
                .then().header("Access-Control-Allow-Origin", APP)
                .header("Access-Control-Expose-Headers", containsString("X-Progress"))
                .header("Access-Control-Expose-Headers", containsString("Retry-After"))
                .header("Access-Control-Expose-Headers", containsString("Expires"))
                .header("Access-Control-Expose-Headers", containsString("Last-Modified"));
        // the job is this test's own: cancel it (202) and it is gone
        given().header("Origin", APP).header("Authorization", token).when().delete(status)
                .then().statusCode(202).body("issue[0].code", equalTo("informational"));
        FhirRoutingTest.outcome(given().header("Authorization", token).when().get(status), 404, "not-found");
    }
}
