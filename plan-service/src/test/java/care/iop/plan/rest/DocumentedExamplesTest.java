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
import java.util.List;
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
        assertThat(examples).containsOnlyKeys("structured", "individual-heavy", "modality only", "proposed");
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
            assertThat(created.getInt("modality.individualSessionsPerWeek")).as(name + ": at most one individual session a day")
                    .isLessThanOrEqualTo(5);
            assertThat(created.getBoolean("modalityProposed")).as(name + ": proposed")
                    .isEqualTo(!body.containsKey("modality") && !body.containsKey("interventions"));
            assertThat(created.getList("interventions")).as(name + ": interventions").isNotEmpty();
            if (body.containsKey("modality")) {
                Map<String, Object> documented = (Map<String, Object>) body.get("modality");
                documented.forEach((field, value) -> assertThat(((Number) created.get("modality." + field)).doubleValue())
                        .as(name + ": modality." + field).isEqualTo(((Number) value).doubleValue()));
            }
            if (body.containsKey("interventions")) {
                List<Map<String, Object>> documented = (List<Map<String, Object>>) body.get("interventions");
                assertThat(created.getList("interventions.sessionsPerWeek")).as(name + ": interventions")
                        .isEqualTo(documented.stream().map(i -> i.get("sessionsPerWeek")).toList());
                assertThat(created.getList("interventions.objectiveIds")).as(name + ": objectives served")
                        .isEqualTo(documented.stream().map(i -> i.get("objectiveIds")).toList());
            }
            if (body.containsKey("reviewIntervalDays")) {
                assertThat(created.getInt("reviewIntervalDays")).as(name).isEqualTo(body.get("reviewIntervalDays"));
            }
        });
    }

    @Test
    void theDocumentedEditExamplesAreAccepted() {
        Map<String, Map<String, Object>> examples = examples(openApi(), PLANS + "/{id}", "put");
        assertThat(examples).containsOnlyKeys("edit", "objective status");
        examples.forEach((name, body) -> {
            String plan = fixtures.draftPlan();
            String etag = get("clinician", PLANS + "/" + plan).statusCode(200).extract().header("ETag");
            JsonPath edited = given().header("Authorization", TestTokens.bearer("clinician")).header("If-Match", etag)
                    .contentType("application/json").body(EventFixtures.toJson(body)).when().put(PLANS + "/" + plan).then()
                    .statusCode(200).body("reviewIntervalDays", equalTo(body.get("reviewIntervalDays"))).extract().jsonPath();
            assertThat(edited.getString("rationale")).as(name).isEqualTo(body.get("rationale"));
            if ("objective status".equals(name)) {
                assertThat(edited.getString("problems[0].goals[0].objectives[0].status")).isEqualTo("met");
            }
        });
    }

    @Test
    void theDocumentedSwitchExamplesAreAccepted() {
        Map<String, Map<String, Object>> examples = examples(openApi(), PLANS + "/{id}/modality-changes", "post");
        assertThat(examples).containsOnlyKeys("step up", "step up with interventions");
        examples.forEach((name, body) -> {
            UUID[] ids = fixtures.patientAndClinician();
            String plan = fixtures.createPlan(ids[0], ids[1], PlanFixtures.modality(6, 60, 3, 0));
            activate(plan).statusCode(200);
            post("clinician", PLANS + "/" + plan + "/modality-changes", EventFixtures.toJson(body)).statusCode(201)
                    .body("from.individualSessionsPerWeek", equalTo(6))
                    .body("to.individualSessionsPerWeek", equalTo(4));
            JsonPath after = get("clinician", PLANS + "/" + plan).statusCode(200).extract().jsonPath();
            assertThat(after.getDouble("modality.weeklyHours")).as(name).isGreaterThanOrEqualTo(9.0);
            assertThat(after.getList("interventions.modality")).as(name).containsExactly("individual", "group");
        });
    }
}
