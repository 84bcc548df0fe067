package care.iop.plan.rest;

import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.modality;
import static care.iop.plan.support.PlanFixtures.planBody;
import static care.iop.plan.support.ReadModelProbe.count;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.testing.TestTokens;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Read-your-writes in plan-service: a plan for a patient and clinician whose participant events are still on their way
 * waits for them; a Consistency-Token naming a consent just granted is waited for; a token that is never satisfied
 * answers 503 read-model-behind and writes nothing; plan writes answer the token naming the plan's new version.
 */
@QuarkusTest
class ReadYourWritesTest {
    private static final String TOKEN = "Consistency-Token";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "iop.read-your-writes.max-wait", defaultValue = "2s")
    Duration maxWait;

    PlanFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
    }

    @Test
    void aPlanForAPatientAndClinicianStillOnTheirWayWaitsForBoth() throws Exception {
        UUID patient = UUID.randomUUID();
        UUID clinician = UUID.randomUUID();
        double caughtUp = waits("caught-up");
        long start = System.nanoTime();
        CompletableFuture<Response> answer = postAsync(planBody(patient, clinician, modality(1, 50, 8.5, 0), null), null);

        awaitWaiting();
        fixtures.events().patientRegistered(EventFixtures.patient(patient).build());
        // the plan runs again, knows the patient now, and waits for the clinician
        await().atMost(Duration.ofSeconds(10)).until(() -> waits("caught-up") > caughtUp && waiting() >= 1);
        fixtures.events().clinicianRegistered(EventFixtures.clinician(clinician));

        Response created = answer.get(30, TimeUnit.SECONDS);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(maxWait.plusSeconds(1));
        assertThat(count(ds, "select count(*) from care_plan where patient_id = ?", patient)).isEqualTo(1);
    }

    @Test
    void aConsentJustGrantedIsWaitedForWhenTheTokenNamesItsVersion() throws Exception {
        UUID patient = fixtures.register(EventFixtures.patient(UUID.randomUUID()).withoutConsents().version(1).build()).patientId();
        UUID clinician = fixtures.clinician();
        String withGroupHours = planBody(patient, clinician, modality(1, 50, 8.5, 0), null);
        // without the token the consent is not there yet: the rule refuses
        PlanFixtures.post("clinician", PLANS, withGroupHours).statusCode(422).body("errors[0].field", equalTo("modality.groupHoursPerWeek"));

        CompletableFuture<Response> answer = postAsync(withGroupHours, "patient:" + patient + "@2");
        awaitWaiting();
        fixtures.events().patientEvent(EventTypes.PATIENT_CONSENT_GRANTED, EventFixtures.patient(patient).version(2).build());

        Response created = answer.get(30, TimeUnit.SECONDS);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    }

    @Test
    void aTokenNeverSatisfiedIs503ReadModelBehindAndWritesNothing() {
        UUID[] ids = fixtures.patientAndClinician();
        long start = System.nanoTime();

        given().header("Authorization", TestTokens.bearer("clinician")).header(TOKEN, "patient:" + ids[0] + "@42, clinician:" + ids[1] + "@1")
                .contentType("application/json").body(planBody(ids[0], ids[1], modality(1, 50, 8.5, 0), null)).when().post(PLANS)
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "1")
                .body("type", equalTo("https://iop.care/problems/read-model-behind"))
                .body("errors[0].field", equalTo(TOKEN)).body("detail", containsString("Patient " + ids[0] + " version 42"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(maxWait.minusMillis(50));
        assertThat(count(ds, "select count(*) from care_plan where patient_id = ?", ids[0])).isZero();
        assertThat(count(ds, "select count(*) from outbox where payload like ?", "%" + ids[0] + "%")).isZero();
        assertThat(new TopicReader(bootstrap).read(Topics.PLANS, r -> r.value().contains(ids[0].toString()))).isEmpty();
    }

    @Test
    void planWritesNameThePlanAndTheVersionTheirEventCarries() {
        UUID[] ids = fixtures.patientAndClinician();
        Response created = given().header("Authorization", TestTokens.bearer("clinician")).contentType("application/json")
                .body(planBody(ids[0], ids[1], modality(1, 50, 8.5, 0), null)).when().post(PLANS);
        created.then().statusCode(201);
        String plan = created.path("id");
        assertThat(created.getHeader(TOKEN)).isEqualTo("plan:" + plan + "@0");

        // two signatures: the patient's leaves the plan at version 0, the author's completes version 1 of the content (plan version 1)
        Response patientSigned = PlanFixtures.post("clinician", PLANS + "/" + plan + "/versions/1/signatures",
                "{\"role\":\"patient\",\"method\":\"in-person\",\"signerName\":\"Pat\"}").statusCode(201).extract().response();
        assertThat(patientSigned.getHeader(TOKEN)).isEqualTo("plan:" + plan + "@0");
        Response authorSigned = given().header("Authorization", "Bearer " + TestTokens.clinician(ids[1])).contentType("application/json")
                .body("{\"role\":\"author\",\"method\":\"electronic\"}").when().post(PLANS + "/" + plan + "/versions/1/signatures");
        authorSigned.then().statusCode(201);
        assertThat(authorSigned.getHeader(TOKEN)).isEqualTo("plan:" + plan + "@1");
        Response activated = PlanFixtures.changeStatus(plan, "active").statusCode(200).extract().response();
        assertThat(activated.getHeader(TOKEN)).isEqualTo("plan:" + plan + "@2").isEqualTo("plan:" + plan + "@" + activated.getHeader("ETag").replace("\"", ""));
        await().atMost(Duration.ofSeconds(30)).until(() -> new TopicReader(bootstrap).readByKey(Topics.PLANS, plan).size() == 4);
        assertThat(new TopicReader(bootstrap).readByKey(Topics.PLANS, plan).stream().map(r -> version(r.value())).toList())
                .containsExactly(0L, 0L, 1L, 2L);

        // a read answers none
        assertThat(PlanFixtures.get("clinician", PLANS + "/" + plan).statusCode(200).extract().header(TOKEN)).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApiDocumentDocumentsTheTokenAndTheProblem() {
        JsonPath doc = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertThat(doc.getString("components.parameters.ConsistencyToken.name")).isEqualTo(TOKEN);
        assertThat(doc.getString("components.parameters.ConsistencyToken.in")).isEqualTo("header");
        assertThat(doc.getString("components.responses.ReadModelBehind.headers.Retry-After.schema.type")).isEqualTo("integer");
        assertThat(doc.getString("components.responses.ReadModelBehind.content.'application/problem+json'.example.type"))
                .isEqualTo("https://iop.care/problems/read-model-behind");
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, op) -> {
            Map<String, Object> operation = (Map<String, Object>) op;
            assertThat(((List<Map<String, Object>>) operation.get("parameters")).stream().map(p -> p.get("$ref")))
                    .as(method + " " + path).contains("#/components/parameters/ConsistencyToken");
            assertThat(((Map<String, Map<String, Object>>) operation.get("responses")).get("503")).as(method + " " + path)
                    .containsEntry("$ref", "#/components/responses/ReadModelBehind");
        }));
        assertThat(doc.getMap("paths.'/api/v1/plans'.post.responses.'201'.headers")).containsKey(TOKEN);
        assertThat(doc.getMap("paths.'/api/v1/plans/{id}/status'.put.responses.'200'.headers")).containsKey(TOKEN);
    }

    // ---------------------------------------------------------------- helpers

    private static CompletableFuture<Response> postAsync(String body, String token) {
        return CompletableFuture.supplyAsync(() -> {
            var request = given().header("Authorization", TestTokens.bearer("clinician")).contentType("application/json").body(body);
            if (token != null) {
                request.header(TOKEN, token);
            }
            return request.when().post(PLANS);
        });
    }

    private static void awaitWaiting() {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> waiting() >= 1);
    }

    private static double waiting() {
        return metric("iop_read_model_waiting", "");
    }

    private static double waits(String outcome) {
        return metric("iop_read_model_waits_seconds_count", "outcome=\"" + outcome + "\"");
    }

    private static double metric(String name, String label) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> (l.startsWith(name + " ") || l.startsWith(name + "{")) && l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static long version(String payload) {
        try {
            return JSON.readTree(payload).get("version").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
