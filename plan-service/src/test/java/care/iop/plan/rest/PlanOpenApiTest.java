package care.iop.plan.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class PlanOpenApiTest {
    static final List<String> PATHS = List.of("/api/v1/plans", "/api/v1/plans/{id}", "/api/v1/plans/{id}/status",
            "/api/v1/plans/{id}/status-history", "/api/v1/plans/{id}/modality-changes", "/api/v1/plans/{id}/reviews",
            "/api/v1/plans/{id}/dose", "/api/v1/plans/dose-alerts");

    @Test
    @SuppressWarnings("unchecked")
    void everyPlanOperationIsDocumentedWithSummaryErrorsAndExamples() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Object> paths = doc.getMap("paths");
        assertThat(paths).containsKeys(PATHS.toArray(String[]::new));
        for (String path : PATHS) {
            Map<String, Map<String, Object>> operations = (Map<String, Map<String, Object>>) paths.get(path);
            operations.forEach((method, op) -> {
                if (!List.of("get", "post", "put").contains(method)) {
                    return;
                }
                assertThat(op.get("operationId")).as(method + " " + path + " operationId").isNotNull();
                assertThat(op.get("summary")).as(method + " " + path).isNotNull();
                assertThat(op.get("description")).as(method + " " + path).isNotNull();
                assertThat((List<String>) op.get("tags")).as(method + " " + path).isNotEmpty();
                assertThat(((Map<String, Object>) op.get("responses")).keySet()).as(method + " " + path).contains("401");
                if (!method.equals("get")) {
                    Map<String, Object> body = (Map<String, Object>) op.get("requestBody");
                    assertThat(body.toString()).as(method + " " + path).contains("examples");
                }
            });
        }
        assertThat(doc.getMap("paths.'/api/v1/plans'.post.responses")).containsKeys("201", "400", "403", "422");
        assertThat(doc.getMap("paths.'/api/v1/plans/{id}/status'.put.responses")).containsKeys("409", "412");
    }
}
