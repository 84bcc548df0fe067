package care.iop.plan.comparison;

import static care.iop.plan.support.ReadModelProbe.count;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.comparison.service.ChartLinks;
import care.iop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** A signed chart link opens the chart without a token, until it expires, and only with the parameters it was made for. */
@QuarkusTest
class ChartLinkTest {
    private static final String LINKS = "/api/v1/outcomes/modality-comparison/chart-links";

    @Inject
    AgroalDataSource ds;

    @Inject
    ChartLinks links;

    private static ExtractableResponse<Response> createLink(String bearer, String body) {
        return given().header("Authorization", bearer).contentType("application/json").body(body)
                .when().post(LINKS).then().extract();
    }

    @Test
    void linkShowsTheChartWithoutTokenAndIsAuditedUnderItsMaker() {
        String maker = "dr-" + UUID.randomUUID();
        ExtractableResponse<Response> created = createLink("Bearer " + TestTokens.mint("clinician", maker, null),
                "{\"instrument\":\"GAD7\",\"from\":\"2026-01-01\",\"to\":\"2026-12-31\",\"track\":\"ADULT_SUD\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String url = created.path("url");
        assertThat(url).startsWith("/api/v1/outcomes/modality-comparison/chart?instrument=GAD7&from=2026-01-01&to=2026-12-31&track=ADULT_SUD&expires=")
                .contains("&by=" + maker + "&signature=");
        assertThat(created.header("Location")).endsWith(url);
        Instant expiresAt = Instant.parse(created.path("expiresAt"));
        assertThat(Duration.between(Instant.now(), expiresAt)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(16));

        String svg = given().urlEncodingEnabled(false).when().get(url).then().statusCode(200).contentType("image/svg+xml")
                .extract().asString();
        assertThat(svg).contains("<svg", "Change in GAD-7");
        assertThat(count(ds, "select count(*) from audit_event where subject = ? and roles = 'signed-link' and action = 'SEARCH'"
                + " and resource_id = 'GAD7' and outcome = 'SUCCESS'", maker)).isEqualTo(1);
    }

    @Test
    void changedParameterOrForgedSignatureIsRefused() {
        String maker = "dr-" + UUID.randomUUID();
        String url = createLink("Bearer " + TestTokens.mint("clinician", maker, null), "{\"track\":\"ADULT_SUD\"}").path("url");

        given().urlEncodingEnabled(false).when().get(url.replace("track=ADULT_SUD", "track=ADOLESCENT"))
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("signature"));
        given().urlEncodingEnabled(false).when().get(url.replace("by=" + maker, "by=someone-else"))
                .then().statusCode(403);
        given().urlEncodingEnabled(false).when().get(url.substring(0, url.indexOf("&signature=")) + "&signature=AAAA")
                .then().statusCode(403);
        assertThat(count(ds, "select count(*) from audit_event where subject in (?, 'someone-else') and roles = 'signed-link'", maker))
                .isZero();
    }

    @Test
    void expiredLinkIsRefused() {
        ChartLinks.Link old = links.create(new ChartLinks.Chart(Instrument.PHQ9, null, null, null), "dr-past",
                Instant.now().minus(Duration.ofHours(1)));

        given().urlEncodingEnabled(false).when().get(old.url())
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("expired"));
    }

    @Test
    void withoutLinkTheChartStillNeedsAStaffToken() {
        given().when().get("/api/v1/outcomes/modality-comparison/chart")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("scheduler")).when().get("/api/v1/outcomes/modality-comparison/chart")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("admin")).when().get("/api/v1/outcomes/modality-comparison/chart")
                .then().statusCode(200).contentType("image/svg+xml");
    }

    @Test
    void onlyStaffMakeLinksAndBadParametersAreNamed() {
        assertThat(createLink(TestTokens.bearer("patient"), "{}").statusCode()).isEqualTo(403);
        assertThat(createLink(TestTokens.bearer("scheduler"), "{}").statusCode()).isEqualTo(403);
        given().contentType("application/json").body("{}").when().post(LINKS).then().statusCode(401);

        given().header("Authorization", TestTokens.bearer("clinician")).contentType("application/json")
                .body("{\"from\":\"2026-02-01\",\"to\":\"2026-01-01\"}").when().post(LINKS)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("to"));
        given().header("Authorization", TestTokens.bearer("clinician")).contentType("application/json")
                .body("{\"instrument\":\"BDI\"}").when().post(LINKS)
                .then().statusCode(400).body("errors.field", hasItem("instrument"));
        given().header("Authorization", TestTokens.bearer("clinician")).contentType("application/json")
                .body("{\"track\":\"adult; drop\"}").when().post(LINKS)
                .then().statusCode(400).body("errors.field", hasItem("track"));
    }

    @Test
    void bothOperationsAreDocumented() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        String links = "paths.'/api/v1/outcomes/modality-comparison/chart-links'.post";
        assertThat(doc.getString(links + ".summary")).isNotBlank();
        assertThat(doc.getMap(links + ".responses")).containsKeys("201", "400", "401", "403");
        assertThat(doc.getString(links + ".requestBody")).contains("examples");
        String chart = "paths.'/api/v1/outcomes/modality-comparison/chart'.get";
        assertThat(doc.getList(chart + ".security")).isNotEmpty();
        assertThat(doc.getList(chart + ".parameters.name", String.class)).contains("expires", "by", "signature");
        assertThat(doc.getMap(chart + ".responses")).containsKeys("200", "401", "403");
    }
}
