package care.iop.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class OpenApiDocumentTest {

    private JsonObject merged() {
        return new JsonObject(given().when().get("/q/openapi")
                .then().statusCode(200).contentType("application/json")
                .extract().asString());
    }

    @Test
    void theMergedDocumentHoldsEveryPathOfEveryService() {
        JsonObject document = merged();
        for (String service : StubUpstreams.NAMES) {
            for (String path : StubUpstreams.documentedPaths(service)) {
                assertThat(document.getJsonObject("paths").containsKey(path)).as(service + " " + path).isTrue();
            }
        }
    }

    @Test
    void theMergedDocumentIsStructurallyValidOpenApi() {
        JsonObject document = merged();
        assertThat(document.getString("openapi")).startsWith("3.");
        assertThat(document.getJsonObject("info").getString("title")).isNotBlank();
        assertThat(document.getJsonObject("info").getString("version")).isNotBlank();
        assertThat(document.getJsonObject("paths")).isNotNull();
        assertThat(document.getJsonObject("components").getJsonObject("schemas")).isNotNull();
        assertThat(document.getJsonArray("servers").getJsonObject(0).getString("url")).isEqualTo("/");
        for (String path : document.getJsonObject("paths").fieldNames()) {
            assertThat(path).startsWith("/");
            JsonObject operations = document.getJsonObject("paths").getJsonObject(path);
            for (String method : operations.fieldNames()) {
                assertThat(method).isIn("get", "put", "post", "delete", "options", "head", "patch", "trace", "parameters", "summary", "description", "servers");
                JsonObject operation = operations.getJsonObject(method);
                if (operation.containsKey("responses")) {
                    assertThat(operation.getJsonObject("responses").isEmpty()).isFalse();
                }
            }
        }
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(resolve(document, ref)).as("$ref " + ref + " resolves").isNotNull();
        }
    }

    @Test
    void theMergedDocumentValidatesWithoutAnyParserMessageWithUniqueOperationIdsContactAndLicence() {
        String json = given().when().get("/q/openapi").then().statusCode(200).extract().asString();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json, null, options);
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getInfo().getContact().getName()).isEqualTo("IOP Care");
        assertThat(parsed.getOpenAPI().getInfo().getLicense().getName()).isEqualTo("Proprietary");
        List<String> ids = new ArrayList<>();
        parsed.getOpenAPI().getPaths().values().forEach(path -> path.readOperations().forEach(op -> ids.add(op.getOperationId())));
        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates().contains("searchAuditEntries", "verifyAuditChains");
    }

    @Test
    void oneBearerSchemeIsRequiredEverywhere() {
        JsonObject document = merged();
        JsonObject schemes = document.getJsonObject("components").getJsonObject("securitySchemes");
        assertThat(schemes.fieldNames()).containsExactly("bearer");
        assertThat(schemes.getJsonObject("bearer").getString("scheme")).isEqualTo("bearer");
        assertThat(schemes.getJsonObject("bearer").getString("bearerFormat")).isEqualTo("JWT");
        assertThat(document.getJsonArray("security").getJsonObject(0).containsKey("bearer")).isTrue();
        JsonArray operationSecurity = document.getJsonObject("paths").getJsonObject("/api/v1/plans").getJsonObject("get").getJsonArray("security");
        assertThat(operationSecurity.getJsonObject(0).fieldNames()).containsExactly("bearer");
    }

    @Test
    void clashingComponentNamesAreRenamedAndSharedOnesKept() {
        JsonObject schemas = merged().getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.fieldNames()).contains("Problem", "Item", "Page", "Plan_Item", "Plan_Page", "Session_Item", "Session_Page");
        assertThat(schemas.fieldNames()).doesNotContain("Plan_Problem", "Session_Problem");
        assertThat(schemas.getJsonObject("Plan_Item").getJsonObject("properties").containsKey("planField")).isTrue();
        assertThat(schemas.getJsonObject("Plan_Page").getJsonObject("properties").getJsonObject("items")
                .getJsonObject("items").getString("$ref")).isEqualTo("#/components/schemas/Plan_Item");
        JsonObject plans = merged().getJsonObject("paths").getJsonObject("/api/v1/plans").getJsonObject("get");
        assertThat(plans.getJsonObject("responses").getJsonObject("200").getJsonObject("content").getJsonObject("application/json")
                .getJsonObject("schema").getString("$ref")).isEqualTo("#/components/schemas/Plan_Page");
    }

    @Test
    void swaggerUiShowsTheMergedDocument() {
        given().redirects().follow(false).when().get("/q/swagger-ui")
                .then().statusCode(301).header("Location", "/q/swagger-ui/");
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("url: \"../openapi\""))
                .body(containsString("swagger-ui-bundle.js"));
        given().when().get("/q/swagger-ui/swagger-ui-bundle.js")
                .then().statusCode(200).contentType(containsString("javascript"));
        given().when().get("/q/swagger-ui/swagger-ui.css")
                .then().statusCode(200).contentType(containsString("text/css"));
    }

    @Test
    void randomMissingSwaggerUiPathsAreProblemsAndCostNoMemory() {
        double before = cacheEntries("swagger-ui");
        assertThat(before).isPositive();
        String marker = "missing-" + java.util.UUID.randomUUID();
        for (int i = 0; i < 200; i++) {
            // each from a client of its own behind the trusted proxy, so none is rate-limited: all reach Swagger UI
            Callers.from(Callers.TRUSTED_PROXY).header("X-Forwarded-For", "198.18." + (i / 250) + "." + (i % 250 + 1))
                    .when().get("/q/swagger-ui/" + marker + "-" + i + (i % 3 == 0 ? ".js" : i % 3 == 1 ? "/x.css" : ""))
                    .then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", org.hamcrest.Matchers.equalTo("https://iop.care/problems/not-found"));
        }
        for (int i = 0; i < 20; i++) {
            Callers.from(Callers.TRUSTED_PROXY).header("X-Forwarded-For", "198.18.9." + (i + 1))
                    .when().get("/" + marker + "-" + i).then().statusCode(404);
        }
        assertThat(cacheEntries("swagger-ui")).as("Swagger UI's files in memory").isEqualTo(before);
        // and the request metrics name no path a client made up
        Callers.from("127.0.0.20").when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString(marker)))
                .body(containsString("uri=\"/*\""));
    }

    /** The value of {@code iop_gateway_cache_entries{cache="..."}} in the gateway's metrics. */
    static double cacheEntries(String cache) {
        String metrics = Callers.from("127.0.0.20").when().get("/q/metrics").then().statusCode(200).extract().asString();
        java.util.regex.Matcher value = java.util.regex.Pattern
                .compile("(?m)^iop_gateway_cache_entries\\{cache=\"" + cache + "\"[^}]*} (\\S+)$").matcher(metrics);
        assertThat(value.find()).as("gauge for cache " + cache).isTrue();
        return Double.parseDouble(value.group(1));
    }

    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof JsonObject object) {
            object.forEach(field -> {
                if ("$ref".equals(field.getKey())) {
                    refs.add((String) field.getValue());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node instanceof JsonArray array) {
            array.forEach(item -> collectRefs(item, refs));
        } else if (node instanceof java.util.Map<?, ?> map) {
            collectRefs(JsonObject.mapFrom(map), refs);
        } else if (node instanceof java.util.List<?> list) {
            collectRefs(new JsonArray(new ArrayList<>(list)), refs);
        }
    }

    private static Object resolve(JsonObject document, String ref) {
        assertThat(ref).startsWith("#/");
        Object current = document;
        for (String token : ref.substring(2).split("/")) {
            if (!(current instanceof JsonObject object)) {
                return null;
            }
            current = object.getValue(token.replace("~1", "/").replace("~0", "~"));
        }
        return current;
    }
}
