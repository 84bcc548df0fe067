package care.iop.plan.rest;

import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.get;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import care.iop.plan.support.PlanFixtures;
import care.iop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * Read-modify-write (docs/gateway.md): PUT /plans/{id} accepts the body GET returned; a read-only field that differs is
 * 400 naming it (version: 412) and changes nothing; unknown fields stay 400.
 */
@QuarkusTest
class PlanReadModifyWriteTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
    }

    private static ValidatableResponse put(String id, String etag, ObjectNode body) {
        return given().header("Authorization", TestTokens.bearer("clinician")).header("If-Match", etag).contentType("application/json")
                .body(body.toString()).when().put(PLANS + "/" + id).then();
    }

    private static ObjectNode body(ExtractableResponse<Response> read) throws Exception {
        return (ObjectNode) JSON.readTree(read.asString());
    }

    @Test
    void thePlanReadCanBePutBackWithAChange() throws Exception {
        String id = fixtures.draftPlan();
        ExtractableResponse<Response> read = get("clinician", PLANS + "/" + id).statusCode(200).extract();
        ObjectNode body = body(read).put("rationale", "Edited after the first week").put("durationWeeks", 10);

        put(id, read.header("ETag"), body).statusCode(200)
                .body("rationale", equalTo("Edited after the first week"))
                .body("durationWeeks", equalTo(10))
                .body("version", equalTo(1));
    }

    @Test
    void computedFieldsSentAsReadAreAcceptedWhileTheirInputsChange() throws Exception {
        String id = fixtures.draftPlan();
        ExtractableResponse<Response> read = get("clinician", PLANS + "/" + id).statusCode(200).extract();
        ObjectNode body = body(read).put("startDate", "2026-12-07");

        String expectedEnd = java.time.LocalDate.parse("2026-12-07").plusWeeks(body.get("durationWeeks").asInt()).toString();

        put(id, read.header("ETag"), body).statusCode(200).body("startDate", equalTo("2026-12-07")).body("endDate", equalTo(expectedEnd));
    }

    @Test
    void aChangedReadOnlyFieldIs400NamingItAndChangesNothing() throws Exception {
        String id = fixtures.draftPlan();
        ExtractableResponse<Response> read = get("clinician", PLANS + "/" + id).statusCode(200).extract();
        ObjectNode body = body(read).put("status", "active").put("rationale", "Sneaky");
        ((ObjectNode) body.get("modality")).put("groupHoursPerWeek", 20);

        put(id, read.header("ETag"), body).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://iop.care/problems/validation-error"))
                .body("errors.field", hasItems("modality", "status"));
        get("clinician", PLANS + "/" + id).statusCode(200).body("status", equalTo("draft")).body("version", equalTo(0));
    }

    @Test
    void aStaleVersionInTheBodyIs412AndAnUnknownFieldIs400() throws Exception {
        String id = fixtures.draftPlan();
        ExtractableResponse<Response> read = get("clinician", PLANS + "/" + id).statusCode(200).extract();

        put(id, read.header("ETag"), body(read).put("version", 3)).statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("https://iop.care/problems/precondition-failed"));
        put(id, read.header("ETag"), body(read).put("colour", "blue")).statusCode(400).body("errors.field", hasItem("colour"));
        get("clinician", PLANS + "/" + id).statusCode(200).body("version", equalTo(0));
    }
}
