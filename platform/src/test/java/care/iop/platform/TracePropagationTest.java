package care.iop.platform;

import static care.iop.testing.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import care.iop.platform.testapp.NoteEvent;
import care.iop.testing.TestTokens;
import care.iop.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TracePropagationTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void eventCarriesTheTraceOfTheRequestThatCausedIt() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String incoming = "00-" + traceId + "-" + "00f067aa0ba902b7" + "-01";
        String id = given().header("Authorization", TestTokens.bearer("clinician")).header("traceparent", incoming)
                .contentType("application/json")
                .body("{\"patientId\":\"" + UUID.randomUUID() + "\",\"text\":\"traced\"}")
                .when().post("/api/v1/test-notes").then().statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(30)).until(() -> !new TopicReader(bootstrap).readByKey(NoteEvent.TOPIC, id).isEmpty());
        String traceparent = header(new TopicReader(bootstrap).readByKey(NoteEvent.TOPIC, id).get(0), "traceparent");
        assertThat(traceparent).startsWith("00-" + traceId + "-");
        assertThat(traceparent).doesNotContain("00f067aa0ba902b7");
    }
}
