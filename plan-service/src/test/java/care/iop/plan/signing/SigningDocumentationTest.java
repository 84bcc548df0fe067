package care.iop.plan.signing;

import static care.iop.plan.signing.SigningFixtures.author;
import static care.iop.plan.signing.SigningFixtures.sign;
import static care.iop.plan.signing.SigningFixtures.staff;
import static care.iop.plan.support.PlanFixtures.modality;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The signing endpoints are documented, and every documented signature example is accepted as it stands. */
@QuarkusTest
class SigningDocumentationTest {
    static final String VERSIONS = "/api/v1/plans/{id}/versions";
    static final String VERSION = VERSIONS + "/{number}";
    static final String SIGNATURES = VERSION + "/signatures";

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

    @Test
    @SuppressWarnings("unchecked")
    void everySigningOperationIsDocumented() {
        JsonPath doc = openApi();
        for (String[] op : List.of(new String[] { VERSIONS, "get" }, new String[] { VERSION, "get" }, new String[] { SIGNATURES, "post" })) {
            Map<String, Object> operation = doc.getMap("paths.'" + op[0] + "'." + op[1]);
            assertThat(operation).as(op[1] + " " + op[0]).containsKeys("operationId", "summary", "description", "tags", "responses");
            assertThat(((Map<String, Object>) operation.get("responses")).keySet()).as(op[1] + " " + op[0]).contains("401", "403", "404");
        }
        assertThat(doc.getMap("paths.'" + SIGNATURES + "'.post.responses")).containsKeys("201", "400", "409", "422");
        assertThat(doc.getString("paths.'" + SIGNATURES + "'.post.operationId")).isEqualTo("recordPlanSignature");
        assertThat(doc.getString("paths.'" + SIGNATURES + "'.post.description")).contains("clinician_id", "supervised", "activat");
        assertThat(doc.getMap("components.schemas.Plan.properties")).containsKeys("currentVersion", "versionInForce", "pendingSignatures");
        // the snapshot is a plain JSON object in the document, not an introspected Jackson class
        assertThat(doc.getMap("components.schemas")).doesNotContainKey("JsonNode");
        assertThat(doc.getString("components.schemas.PlanVersion.properties.content.type")).isEqualTo("object");
    }

    @Test
    void everyDocumentedSignatureExampleIsAccepted() {
        Map<String, Map<String, Object>> examples = examples();
        assertThat(examples).containsOnlyKeys("patient, own token", "author", "patient, in person", "guardian, verbal", "co-signer");

        // an adult's plan by a supervised author: the patient (own token), the author and a licensed co-signer
        UUID patient = fixtures.register(EventFixtures.patient(UUID.randomUUID()).build()).patientId();
        UUID supervised = fixtures.clinician();
        SigningFixtures.credentials(ds, supervised, "LPC-A");
        UUID licensed = fixtures.clinician();
        SigningFixtures.credentials(ds, licensed, "LCSW");
        String plan = fixtures.createPlan(patient, supervised, modality(1, 50, 8.5, 0));
        sign(TestTokens.patient(patient), plan, 1, json(examples.get("patient, own token"))).statusCode(201);
        sign(author(supervised), plan, 1, json(examples.get("author"))).statusCode(201);
        sign(author(licensed), plan, 1, json(examples.get("co-signer"))).statusCode(201).body("state", equalTo("signed"));

        // another adult's plan: the patient signs on paper, recorded by staff
        String second = fixtures.draftPlan();
        sign(staff(), second, 1, json(examples.get("patient, in person"))).statusCode(201);

        // an adolescent's plan: the guardian agrees by phone
        UUID adolescent = fixtures.register(EventFixtures.patient(UUID.randomUUID()).track("ADOLESCENT").build()).patientId();
        String third = fixtures.createPlan(adolescent, fixtures.clinician(), modality(1, 50, 8.5, 0));
        sign(staff(), third, 1, json(examples.get("guardian, verbal"))).statusCode(201);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> examples() {
        Map<String, Map<String, Object>> raw = openApi().getMap("paths.'" + SIGNATURES + "'.post.requestBody.content.'application/json'.examples");
        Map<String, Map<String, Object>> bodies = new java.util.LinkedHashMap<>();
        raw.forEach((name, example) -> {
            Object value = example.get("value");
            try {
                bodies.put(name, value instanceof String text ? EventFixtures.JSON.readValue(text, Map.class) : (Map<String, Object>) value);
            } catch (Exception e) {
                throw new AssertionError(name + " is not JSON", e);
            }
        });
        return bodies;
    }

    private static String json(Map<String, Object> body) {
        return EventFixtures.toJson(body);
    }
}
