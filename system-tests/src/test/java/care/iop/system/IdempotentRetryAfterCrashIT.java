package care.iop.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import care.iop.devstack.Component;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Idempotency-Key across a crash (issue 19): a service dies (the test hook halts its JVM) right after the change and
 * its stored answer committed, before the answer left. After a restart, the client's retry with the same key gets
 * that answer, marked as a replay, and the change exists once: an assessment and its safety flag in plan-service, a
 * registration in participant-service.
 * <p>
 * The requests go to plan-service directly: the gateway never forwards the {@code X-IOP-Test-*} hook headers.
 */
class IdempotentRetryAfterCrashIT {
    private static final Component PARTICIPANT = Component.SERVICES.get(0);
    private static final Component PLAN = Component.SERVICES.get(1);
    private static final String HALT = "X-IOP-Test-Halt-After-Commit";

    private static SystemStack system;

    @BeforeAll
    static void start() throws Exception {
        system = SystemStack.get();
    }

    private static RequestSpecification clinician() {
        return given().baseUri(system.serviceUrl(PLAN)).header("Authorization", "Bearer " + system.token("clinician"))
                .contentType(ContentType.JSON);
    }

    @Test
    void aRetryAfterTheServiceDiedBetweenCommitAndAnswerGetsTheCommittedAnswerOnce() throws Exception {
        Gateway scheduler = new Gateway(system.gatewayUrl(), system.token("scheduler"));
        String patient = scheduler.post("/api/v1/patients", Map.of("identifiers", List.of(Map.of("system", "urn:example:mrn",
                        "value", "MRN-" + UUID.randomUUID())), "givenName", "Ida", "familyName", "Crash", "birthDate", "1985-06-01",
                "gender", "female", "track", "ADULT_MH", "levelOfCare", "2.1"))
                .then().statusCode(201).extract().path("id");
        String key = UUID.randomUUID().toString();
        // PHQ-9 with item 9 above 0: a score and a safety flag
        Map<String, Object> assessment = Map.of("patientId", patient, "instrument", "PHQ9", "answers", List.of(1, 2, 0, 1, 1, 0, 2, 1, 1),
                "takenAt", OffsetDateTime.now(ZoneId.of("America/New_York")).truncatedTo(ChronoUnit.SECONDS).toString());

        // Until plan-service knows the patient the answer is 422 and the key is released; the first success halts the JVM.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Response refused;
            try {
                refused = clinician().header("Idempotency-Key", key).header(HALT, "true").body(assessment).post("/api/v1/assessments");
            } catch (Exception connectionLost) {
                return true;
            }
            assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(422);
            return false;
        });
        await("plan-service halted by the test hook").atMost(Duration.ofSeconds(20))
                .until(() -> !system.processes().process(PLAN.name()).map(ProcessHandle::isAlive).orElse(false));
        system.processes().kill(PLAN.name());
        system.processes().restart(PLAN);

        Response retry = clinician().header("Idempotency-Key", key).body(assessment).post("/api/v1/assessments");
        retry.then().statusCode(201).header("Idempotent-Replayed", "true").contentType(ContentType.JSON);
        String id = retry.path("id");
        assertThat(retry.header("Location")).endsWith("/api/v1/assessments/" + id);
        assertThat(retry.<Boolean>path("safetyFlag")).isTrue();
        assertThat(retry.<Integer>path("total")).isEqualTo(9);

        clinician().get("/api/v1/assessments/{id}", id).then().statusCode(200);
        Response recorded = clinician().queryParam("patientId", patient).get("/api/v1/assessments");
        recorded.then().statusCode(200);
        assertThat(recorded.jsonPath().getList("items.id")).containsExactly(id);
        Response flags = clinician().queryParam("patientId", patient).get("/api/v1/assessments/safety-flags");
        assertThat(flags.jsonPath().getList("items.id")).containsExactly(retry.<String>path("safetyFlagId"));

        // again after the restart: the same answer, still once
        Response again = clinician().header("Idempotency-Key", key).body(assessment).post("/api/v1/assessments");
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(again.jsonPath().getMap("")).isEqualTo(retry.jsonPath().getMap(""));
    }

    @Test
    void aRegistrationRetriedAfterParticipantServiceDiedBetweenCommitAndAnswerExistsOnce() throws Exception {
        String mrn = "MRN-" + UUID.randomUUID();
        Map<String, Object> patient = Map.of("identifiers", List.of(Map.of("system", "urn:example:mrn", "value", mrn)),
                "givenName", "Ivo", "familyName", "Crash", "birthDate", "1979-02-11", "gender", "male", "track", "ADULT_MH",
                "levelOfCare", "2.1");
        String key = UUID.randomUUID().toString();
        Response lost = null;
        try {
            lost = integration().header("Idempotency-Key", key).header(HALT, "true").body(patient).post("/api/v1/patients");
        } catch (Exception connectionLost) {
            // the JVM halted after the commit: the client saw no answer and will retry
        }
        assertThat(lost).as("participant-service answered instead of halting after the commit").isNull();
        await("participant-service halted by the test hook").atMost(Duration.ofSeconds(20))
                .until(() -> !system.processes().process(PARTICIPANT.name()).map(ProcessHandle::isAlive).orElse(false));
        system.processes().kill(PARTICIPANT.name());
        system.processes().restart(PARTICIPANT);

        Response retry = integration().header("Idempotency-Key", key).body(patient).post("/api/v1/patients");
        retry.then().statusCode(201).header("Idempotent-Replayed", "true").contentType(ContentType.JSON);
        String id = retry.path("id");
        assertThat(retry.header("Location")).endsWith("/api/v1/patients/" + id);
        Response found = integration().queryParam("identifier", "urn:example:mrn|" + mrn).get("/api/v1/patients");
        found.then().statusCode(200);
        assertThat(found.jsonPath().getList("items.id")).containsExactly(id);
    }

    private static RequestSpecification integration() {
        return given().baseUri(system.serviceUrl(PARTICIPANT)).header("Authorization", "Bearer " + system.token("integration"))
                .contentType(ContentType.JSON);
    }
}
