package care.iop.plan.episode;

import static care.iop.plan.episode.EpisodeFixtures.EPISODES;
import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.changeStatus;
import static care.iop.plan.support.PlanFixtures.modality;
import static care.iop.plan.support.PlanFixtures.planBody;
import static care.iop.plan.support.PlanFixtures.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
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
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Every episode operation is documented (summary, description, tag, roles' errors, examples) and its examples are accepted. */
@QuarkusTest
class EpisodeDocumentationTest {
    static final List<String> PATHS = List.of(EPISODES, EPISODES + "/{id}", EPISODES + "/{id}/level-changes", EPISODES + "/overdue-plans");

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
    void everyEpisodeOperationIsDocumented() {
        JsonPath doc = openApi();
        Map<String, Object> paths = doc.getMap("paths");
        assertThat(paths).containsKeys(PATHS.toArray(String[]::new));
        for (String path : PATHS) {
            ((Map<String, Map<String, Object>>) paths.get(path)).forEach((method, op) -> {
                assertThat(op.get("operationId")).as(method + " " + path).isNotNull();
                assertThat(op.get("summary")).as(method + " " + path).isNotNull();
                assertThat(op.get("description")).as(method + " " + path).isNotNull();
                assertThat((List<String>) op.get("tags")).as(method + " " + path).containsExactly("Episodes of care");
                assertThat(((Map<String, Object>) op.get("responses")).keySet()).as(method + " " + path)
                        .contains(method.equals("post") ? "201" : "200", "401");
                if (method.equals("post")) {
                    assertThat(op.get("requestBody").toString()).as(method + " " + path).contains("examples");
                }
            });
        }
        assertThat(doc.getMap("paths.'" + EPISODES + "/{id}/level-changes'.post.responses"))
                .containsKeys("201", "400", "401", "403", "404", "409", "412", "422");
        assertThat(doc.getMap("paths.'" + EPISODES + "/overdue-plans'.get.responses")).containsKeys("200", "401", "403");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentedLevelChangeExamplesAreAccepted() throws Exception {
        Map<String, Object> examples = openApi().getMap("paths.'" + EPISODES + "/{id}/level-changes'.post.requestBody.content.'application/json'.examples");
        assertThat(examples).containsKeys("step down", "step down tapering");
        for (Map.Entry<String, Object> example : examples.entrySet()) {
            Object value = ((Map<?, ?>) example.getValue()).get("value");
            Map<String, Object> body = value instanceof String text
                    ? EventFixtures.JSON.readValue(text, new TypeReference<Map<String, Object>>() { })
                    : (Map<String, Object>) value;
            // an adult at 2.5 admitted on 2026-11-30, with group consent and an active 20 h plan from that day
            UUID patient = fixtures.register(EventFixtures.patient(UUID.randomUUID()).levelOfCare("2.5")
                    .admittedOn(LocalDate.parse(PlanFixtures.START)).build()).patientId();
            UUID episode = EpisodeFixtures.awaitEpisodes(ds, patient, 1);
            String plan = post("clinician", PLANS, planBody(patient, fixtures.clinician(), modality(2, 60, 18, 0), null)
                    .replace("\"levelOfCare\":\"2.1\"", "\"levelOfCare\":\"2.5\"")).statusCode(201).extract().path("id");
            PlanFixtures.activate(plan).statusCode(200);
            post("clinician", EPISODES + "/" + episode + "/level-changes", EventFixtures.toJson(body)).statusCode(201)
                    .body("levelOfCare", equalTo(body.get("toLevel")));
        }
    }
}
