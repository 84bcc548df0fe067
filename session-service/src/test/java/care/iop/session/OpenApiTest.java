package care.iop.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class OpenApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsDocumented() {
        JsonPath doc = given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        assertThat(paths).containsKeys("/api/v1/sessions", "/api/v1/sessions/{id}", "/api/v1/sessions/{id}/cancel",
                "/api/v1/sessions/{id}/participants", "/api/v1/sessions/{id}/participants/{patientId}", "/api/v1/sessions/{id}/attendance",
                "/api/v1/session-series", "/api/v1/session-series/{id}", "/api/v1/session-series/{id}/participants",
                "/api/v1/schedules/patients/{id}", "/api/v1/schedules/clinicians/{id}",
                "/api/v1/sessions/{id}/notes", "/api/v1/notes/{noteId}", "/api/v1/notes/{noteId}/signatures", "/api/v1/notes/{noteId}/addenda",
                "/api/v1/notes/{noteId}/addenda/{number}/signatures", "/api/v1/notes/{noteId}/entered-in-error", "/api/v1/notes/overdue",
                "/api/v1/notes/overdue/counts");
        paths.forEach((path, operations) -> operations.forEach((method, value) -> {
            if (!(value instanceof Map)) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) value;
            String where = method + " " + path;
            assertThat(operation.get("operationId")).as(where + " operationId").isNotNull();
            assertThat(operation.get("summary")).as(where).isNotNull();
            assertThat(operation.get("description")).as(where).isNotNull();
            assertThat(operation.get("tags")).as(where).isNotNull();
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            assertThat(responses).as(where).containsKeys("401");
            if (operation.containsKey("requestBody")) {
                Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) operation.get("requestBody")).get("content");
                Map<String, Object> json = (Map<String, Object>) content.get("application/json");
                assertThat(json.get("examples")).as(where + " example").isNotNull();
            }
        }));
    }
}
