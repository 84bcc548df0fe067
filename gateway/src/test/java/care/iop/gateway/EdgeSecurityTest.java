package care.iop.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import care.iop.testing.TestTokens;

@QuarkusTest
class EdgeSecurityTest {

    @Test
    void noTokenIs401Problem() {
        given().when().get("/api/v1/patients")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://iop.care/problems/unauthorized"))
                .body("title", equalTo("Authentication required"))
                .body("status", equalTo(401))
                .body("instance", equalTo("/api/v1/patients"))
                .body("requestId", notNullValue());
    }

    @Test
    void invalidTokensAre401Problems() {
        given().header("Authorization", "Bearer not.a.token").when().get("/api/v1/sessions")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("detail", equalTo("The bearer token is invalid or expired."));
        String token = TestTokens.forRole("clinician");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().header("Authorization", "Bearer " + tampered).when().get("/api/v1/sessions")
                .then().statusCode(401)
                .body("type", equalTo("https://iop.care/problems/unauthorized"));
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=").when().get("/api/v1/sessions")
                .then().statusCode(401)
                .body("detail", equalTo("The Authorization header must carry a bearer token."));
    }

    @Test
    void theAdminOnlyAuditIs403ForOtherRoles() {
        for (String role : new String[] {"clinician", "scheduler", "integration", "patient"}) {
            given().header("Authorization", Callers.bearer(role)).when().get("/api/v1/audit")
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://iop.care/problems/forbidden"))
                    .body("status", equalTo(403));
        }
    }

    @Test
    void servicePathsAreLeftToTheServicesRoleRules() {
        given().header("Authorization", Callers.bearer("patient")).when().get("/api/v1/clinicians")
                .then().statusCode(200)
                .body("upstream", equalTo("participant"));
    }

    @Test
    void aSignedChartLinkPassesTheEdgeWithoutTokenForThePlanServiceToCheck() {
        String chart = "/api/v1/outcomes/modality-comparison/chart";
        given().urlEncodingEnabled(false).when().get(chart + "?instrument=PHQ9&expires=1796216400&by=dr-lee&signature=abc")
                .then().statusCode(200)
                .body("upstream", equalTo("plan"))
                .body("query", equalTo("instrument=PHQ9&expires=1796216400&by=dr-lee&signature=abc"));
        // only a GET of that path with a signature: anything else still needs a token at the edge
        given().when().get(chart + "?instrument=PHQ9").then().statusCode(401);
        given().when().post(chart + "?signature=abc").then().statusCode(401);
        given().when().get("/api/v1/outcomes/modality-comparison?signature=abc").then().statusCode(401);
        given().when().get("/api/v1/patients?signature=abc").then().statusCode(401);
    }

    @Test
    void publicPathsNeedNoToken() {
        given().when().get("/q/health").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
        given().redirects().follow(true).when().get("/q/swagger-ui").then().statusCode(200);
    }
}
