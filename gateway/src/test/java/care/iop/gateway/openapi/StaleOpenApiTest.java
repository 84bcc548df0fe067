package care.iop.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import care.iop.gateway.Callers;
import care.iop.gateway.GatewayTestResources;

/** {@code /q/openapi} while a service is down: the last complete document, marked stale (the test profile's cache-ttl is 0). */
@QuarkusTest
class StaleOpenApiTest {

    @ConfigProperty(name = GatewayTestResources.CONTROL_URL)
    String control;

    @Inject
    OpenApiDocument document;

    private static RequestSpecification client() {
        return Callers.from("127.0.0.31");
    }

    @Test
    void whileAServiceIsDownTheLastCompleteDocumentIsServedMarkedStale() {
        document.forget(); // as the gateway starts
        given().post(control + "/participant/down").then().statusCode(200);
        try {
            // nothing complete yet: the others merged, the missing one named
            client().when().get("/q/openapi")
                    .then().statusCode(200)
                    .header(OpenApiDocument.STALE_HEADER, nullValue())
                    .body("x-iop-unavailable", equalTo(List.of("participant")))
                    .body("paths.'/api/v1/plans'", notNullValue())
                    .body("paths.'/api/v1/patients'", nullValue());

            given().post(control + "/participant/up").then().statusCode(200);
            client().when().get("/q/openapi")
                    .then().statusCode(200)
                    .header(OpenApiDocument.STALE_HEADER, nullValue())
                    .body("x-iop-unavailable", nullValue())
                    .body("paths.'/api/v1/patients'", notNullValue());

            given().post(control + "/participant/down").then().statusCode(200);
            client().when().get("/q/openapi")
                    .then().statusCode(200)
                    .contentType("application/json")
                    .header(OpenApiDocument.STALE_HEADER, "true")
                    .header("Age", matchesPattern("\\d+"))
                    .body("x-iop-unavailable", nullValue())
                    .body("paths.'/api/v1/patients'", notNullValue())
                    .body("paths.'/api/v1/plans'", notNullValue())
                    .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
        } finally {
            given().post(control + "/participant/up").then().statusCode(200);
        }
        client().when().get("/q/openapi")
                .then().statusCode(200)
                .header(OpenApiDocument.STALE_HEADER, nullValue())
                .body("paths.'/api/v1/patients'", notNullValue());
    }
}
