package care.iop.participant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Every operation of this service is documented: summary, description, tag, example, error responses. */
@QuarkusTest
class OpenApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsFullyDocumented() {
        JsonPath doc = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1/patients") && !path.getKey().startsWith("/api/v1/clinicians")) {
                continue;
            }
            for (var op : path.getValue().entrySet()) {
                if (!List.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
                    continue;
                }
                operations++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> operation = (Map<String, Object>) op.getValue();
                if (isBlank(operation.get("operationId"))) {
                    problems.add(name + ": no operationId");
                }
                if (isBlank(operation.get("summary"))) {
                    problems.add(name + ": no summary");
                }
                if (isBlank(operation.get("description"))) {
                    problems.add(name + ": no description");
                }
                if (operation.get("tags") == null) {
                    problems.add(name + ": no tag");
                }
                Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                for (String status : List.of("400", "401", "403")) {
                    if (responses == null || !responses.containsKey(status)) {
                        problems.add(name + ": no " + status + " response");
                    }
                }
                boolean hasSuccessExample = responses != null && responses.entrySet().stream()
                        .filter(e -> e.getKey().startsWith("2"))
                        .anyMatch(e -> e.getValue().toString().contains("example"));
                if (!hasSuccessExample && !name.endsWith("/revoke") && !name.endsWith("/discharge")) {
                    problems.add(name + ": no response example");
                }
                Object body = operation.get("requestBody");
                if (body != null && !body.toString().contains("example")) {
                    problems.add(name + ": request body without example");
                }
                if ((op.getKey().equals("post") || op.getKey().equals("put")) && body == null) {
                    problems.add(name + ": request body not documented");
                }
            }
        }
        assertThat(operations).isEqualTo(15);
        assertThat(problems).isEmpty();
    }

    private static boolean isBlank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
