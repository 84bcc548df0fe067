package care.iop.plan.rest;

import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.activate;
import static care.iop.plan.support.PlanFixtures.get;
import static care.iop.plan.support.PlanFixtures.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;

import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The request examples of the OpenAPI document are sent as they are (only the placeholder patient and clinician ids are
 * replaced by ones known from participant events) and must be accepted: docs and rules cannot drift apart.
 */
@QuarkusTest
class DocumentedExamplesTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
    }

    private static JsonPath openApi() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    /** The examples of one request body, each as a JSON object (the document may hold the value as an object or a string). */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> examples(JsonPath doc, String path, String method) {
        Map<String, Map<String, Object>> raw = doc.getMap("paths.'" + path + "'." + method + ".requestBody.content.'application/json'.examples");
        assertThat(raw).as(method + " " + path + " examples").isNotEmpty();
        Map<String, Map<String, Object>> bodies = new LinkedHashMap<>();
        raw.forEach((name, example) -> {
            Object value = example.get("value");
            try {
                bodies.put(name, value instanceof String text
                        ? EventFixtures.JSON.readValue(text, new TypeReference<Map<String, Object>>() {
                        })
                        : new LinkedHashMap<>((Map<String, Object>) value));
            } catch (Exception e) {
                throw new AssertionError("Example " + name + " of " + method + " " + path + " is not JSON: " + value, e);
            }
        });
        return bodies;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyDocumentedCreateExampleIsAcceptedForAKnownPatientWithGroupConsent() {
        Map<String, Map<String, Object>> examples = examples(openApi(), PLANS, "post");
        assertThat(examples).containsKeys("group-heavy", "individual-heavy", "proposed modality");
        examples.forEach((name, body) -> {
            UUID[] ids = fixtures.patientAndClinician(); // adult, level 2.1, active GROUP_PARTICIPATION consent
            body.put("patientId", ids[0].toString());
            body.put("primaryClinicianId", ids[1].toString());
            JsonPath created = post("clinician", PLANS, EventFixtures.toJson(body)).statusCode(201)
                    .body("status", equalTo("draft"))
                    .body("patientId", equalTo(ids[0].toString()))
                    .body("belowMinimumJustification", nullValue())
                    .extract().jsonPath();
            assertThat(created.getDouble("modality.weeklyHours")).as(name + ": weekly hours meet the 9 h adult minimum")
                    .isGreaterThanOrEqualTo(9.0);
            assertThat(created.getBoolean("modalityProposed")).as(name + ": proposed").isEqualTo(!body.containsKey("modality"));
            if (body.containsKey("modality")) {
                Map<String, Object> documented = (Map<String, Object>) body.get("modality");
                documented.forEach((field, value) -> assertThat(((Number) created.get("modality." + field)).doubleValue())
                        .as(name + ": modality." + field).isEqualTo(((Number) value).doubleValue()));
            }
            if (body.containsKey("reviewIntervalDays")) {
                assertThat(created.getInt("reviewIntervalDays")).as(name).isEqualTo(body.get("reviewIntervalDays"));
            }
        });
    }

    @Test
    void theDocumentedEditExampleIsAccepted() {
        Map<String, Map<String, Object>> examples = examples(openApi(), PLANS + "/{id}", "put");
        assertThat(examples).containsKey("edit");
        String plan = fixtures.draftPlan();
        examples.forEach((name, body) -> {
            String etag = get("clinician", PLANS + "/" + plan).statusCode(200).extract().header("ETag");
            given().header("Authorization", TestTokens.bearer("clinician")).header("If-Match", etag).contentType("application/json")
                    .body(EventFixtures.toJson(body)).when().put(PLANS + "/" + plan).then()
                    .statusCode(200).body("reviewIntervalDays", equalTo(body.get("reviewIntervalDays")));
        });
    }

    @Test
    void theDocumentedSwitchExampleIsAccepted() {
        Map<String, Map<String, Object>> examples = examples(openApi(), PLANS + "/{id}/modality-changes", "post");
        assertThat(examples).containsOnlyKeys("step up");
        UUID[] ids = fixtures.patientAndClinician();
        String plan = fixtures.createPlan(ids[0], ids[1], PlanFixtures.modality(6, 60, 3, 0));
        activate(plan).statusCode(200);
        post("clinician", PLANS + "/" + plan + "/modality-changes", EventFixtures.toJson(examples.get("step up"))).statusCode(201)
                .body("from.individualSessionsPerWeek", equalTo(6))
                .body("to.individualSessionsPerWeek", equalTo(4))
                .body("to.groupHoursPerWeek", equalTo(5.0f))
                .body("to.weeklyHours", equalTo(9.0f));
    }
}
