package care.iop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import care.iop.testing.RawHttp;
import care.iop.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * What the HTTP server refuses before routing answers problem+json on every service (platform's EdgeGuard). Sent over a
 * raw socket: RestAssured encodes what these requests must carry unencoded.
 */
@QuarkusTest
class EdgeErrorsTest {
    private static final String PROBLEM = "application/problem+json";

    private static RawHttp http() {
        return new RawHttp("127.0.0.1", RestAssured.port);
    }

    @Test
    void anUnencodedPipeIsAcceptedAndDecodedAsFhirClientsMeanIt() throws IOException {
        RawHttp.Answer answer = http().get("/api/v1/test-notes/search?identifier=urn:example:mrn|MRN-0001",
                "Authorization: " + TestTokens.bearer("clinician"));

        assertThat(answer.status()).isEqualTo(200);
        JsonPath body = JsonPath.from(answer.body());
        assertThat(body.getString("identifier")).isEqualTo("urn:example:mrn|MRN-0001");
        assertThat(body.getString("requestUri")).endsWith("/api/v1/test-notes/search?identifier=urn:example:mrn%7CMRN-0001");
    }

    @Test
    void aTargetThatIsNoUriIsA400ProblemWithARequestId() throws IOException {
        RawHttp.Answer answer = http().get("/api/v1/test-notes/search?identifier=urn:example:mrn%zz", "X-Request-Id: svc-edge-1");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("content-type")).isEqualTo(PROBLEM);
        assertThat(answer.header("x-request-id")).isEqualTo("svc-edge-1");
        JsonPath body = JsonPath.from(answer.body());
        assertThat(body.getString("type")).isEqualTo("https://iop.care/problems/malformed-request");
        assertThat(body.getString("title")).isEqualTo("Malformed request");
        assertThat(body.getString("detail")).contains("Malformed escape pair");
        assertThat(body.getString("instance")).isEqualTo("/api/v1/test-notes/search");
        assertThat(body.getString("requestId")).isEqualTo("svc-edge-1");
    }

    @Test
    void aTargetOverTheLimitIs414Problem() throws IOException {
        RawHttp.Answer answer = http().get("/api/v1/test-notes?x=" + "a".repeat(5000));

        assertThat(answer.status()).isEqualTo(414);
        assertThat(answer.header("content-type")).isEqualTo(PROBLEM);
        assertThat(JsonPath.from(answer.body()).getString("type")).isEqualTo("https://iop.care/problems/uri-too-long");
    }

    @Test
    void headerFieldsOverTheLimitAre431Problem() throws IOException {
        RawHttp.Answer answer = http().get("/api/v1/test-notes", "X-Big: " + "a".repeat(25_000));

        assertThat(answer.status()).isEqualTo(431);
        assertThat(answer.header("content-type")).isEqualTo(PROBLEM);
        JsonPath body = JsonPath.from(answer.body());
        assertThat(body.getString("type")).isEqualTo("https://iop.care/problems/request-header-fields-too-large");
        assertThat(body.getString("detail")).contains("X-Big").contains("20480");
    }

    @Test
    void headersUnderTheLimitAndValidTargetsPassUntouched() throws IOException {
        RawHttp.Answer answer = http().get("/api/v1/test-notes/search?identifier=urn:example:mrn%7CMRN-0002",
                "Authorization: " + TestTokens.bearer("clinician"), "X-Padding: " + "a".repeat(15_000));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(JsonPath.from(answer.body()).getString("identifier")).isEqualTo("urn:example:mrn|MRN-0002");
    }
}
