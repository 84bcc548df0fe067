package care.iop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import care.iop.events.EventCatalog;

/** The events' AsyncAPI document next to the OpenAPI document: public, YAML by default, JSON on request. */
@QuarkusTest
class AsyncApiTest {
    private static final String CLIENT = "127.0.0.93";

    @Test
    void servedWithoutATokenAsYamlByDefault() {
        String yaml = Callers.from(CLIENT).when().get("/q/asyncapi")
                .then().statusCode(200).contentType(startsWith("application/yaml")).extract().asString();

        assertThat(yaml).contains("\nasyncapi: 3.0.0\n").contains("address: iop.participants");
    }

    @Test
    void servedAsJsonWithFormatOrAccept() {
        Callers.from(CLIENT).queryParam("format", "json").when().get("/q/asyncapi")
                .then().statusCode(200).contentType(startsWith("application/json")).body("asyncapi", equalTo("3.0.0"));
        Callers.from(CLIENT).header("Accept", "application/json").when().get("/q/asyncapi")
                .then().statusCode(200).contentType(startsWith("application/json")).body("asyncapi", equalTo("3.0.0"));
    }

    @Test
    void describesEveryTopicAndEventTypeOfTheEventsModule() {
        JsonPath document = Callers.from(CLIENT).queryParam("format", "json").when().get("/q/asyncapi")
                .then().statusCode(200).extract().jsonPath();

        Map<String, Map<String, Object>> channels = document.getMap("channels");
        assertThat(channels.values().stream().map(c -> c.get("address")).toList())
                .contains("iop.participants", "iop.plans", "iop.sessions", "iop.participants.dlq", "iop.plans.dlq", "iop.sessions.dlq");
        List<String> names = document.getList("components.messages.collect { it.value.name }");
        assertThat(names).containsAll(EventCatalog.ENTRIES.stream().map(EventCatalog.Entry::type).toList());
        assertThat(document.getString("components.schemas.PatientState.properties.part2.type[0]")).isEqualTo("boolean");
    }
}
