package care.iop.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Calls through the gateway only, as one role. */
final class Gateway {
    private final String baseUrl;
    private final String token;

    Gateway(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    private RequestSpecification request() {
        return given().baseUri(baseUrl).header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    Response get(String path, Object... params) {
        return request().when().get(path, params);
    }

    Response post(String path, Object body, Object... params) {
        return request().body(body).when().post(path, params);
    }

    Response put(String path, Object body, Object... params) {
        return request().body(body).when().put(path, params);
    }

    Response putIfMatch(String path, String etag, Object body, Object... params) {
        return request().header("If-Match", etag).body(body).when().put(path, params);
    }

    Response delete(String path, Object... params) {
        return request().when().delete(path, params);
    }
}
