package care.iop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import care.iop.testing.RawHttp;

/**
 * What the HTTP server refuses before routing answers problem+json (docs/gateway.md, "Errors at the edge"). Sent over a
 * raw socket (RestAssured encodes what these tests must send unencoded), from an address of its own (rate limit).
 */
@QuarkusTest
class EdgeErrorsTest {
    private static final String PROBLEM = "application/problem+json";

    private RawHttp http() {
        return new RawHttp("127.0.0.91", RestAssured.port);
    }

    @Test
    void anUnencodedPipeAsFhirClientsSendItIsForwardedPercentEncoded() throws IOException {
        RawHttp.Answer answer = http().get("/api/v1/patients?identifier=urn:example:mrn|MRN-0001&name=a{b}",
                "Authorization: " + Callers.bearer("clinician"));

        assertThat(answer.status()).isEqualTo(200);
        JsonPath body = JsonPath.from(answer.body());
        assertThat(body.getString("upstream")).isEqualTo("participant");
        assertThat(body.getString("path")).isEqualTo("/api/v1/patients");
        assertThat(body.getString("query")).isEqualTo("identifier=urn:example:mrn%7CMRN-0001&name=a%7Bb%7D");
    }

    @Test
    void aPipeOnAPublicOrUnauthenticatedPathIsRoutedToo() throws IOException {
        assertThat(http().get("/q/openapi?x=a|b").status()).isEqualTo(200);

        RawHttp.Answer unauthenticated = http().get("/api/v1/patients?identifier=urn:example:mrn|MRN-0001");
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.header("content-type")).isEqualTo(PROBLEM);
    }

    @Test
    void aTargetThatIsNoUriIsA400ProblemNamingWhy() throws IOException {
        RawHttp.Answer answer = http().get("/api/v1/patients?identifier=urn:example:mrn%zzMRN", "X-Request-Id: edge-400");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("content-type")).isEqualTo(PROBLEM);
        assertThat(answer.header("x-request-id")).isEqualTo("edge-400");
        JsonPath body = JsonPath.from(answer.body());
        assertThat(body.getString("type")).isEqualTo("https://iop.care/problems/malformed-request");
        assertThat(body.getInt("status")).isEqualTo(400);
        assertThat(body.getString("detail")).contains("Malformed escape pair").doesNotContain("MRN");
        assertThat(body.getString("requestId")).isEqualTo("edge-400");
    }

    @Test
    void aTargetOverTheLimitIs414Problem() throws IOException {
        RawHttp.Answer answer = http().get("/api/v1/patients?name=" + "a".repeat(5000));

        assertThat(answer.status()).isEqualTo(414);
        assertThat(answer.header("content-type")).isEqualTo(PROBLEM);
        JsonPath body = JsonPath.from(answer.body());
        assertThat(body.getString("type")).isEqualTo("https://iop.care/problems/uri-too-long");
        assertThat(body.getString("detail")).contains("at most 4096");
    }

    @Test
    void headerFieldsOverTheLimitAre431ProblemNamingTheLargest() throws IOException {
        RawHttp.Answer answer = http().get("/api/v1/patients", "X-Big: " + "a".repeat(20_000));

        assertThat(answer.status()).isEqualTo(431);
        assertThat(answer.header("content-type")).isEqualTo(PROBLEM);
        JsonPath body = JsonPath.from(answer.body());
        assertThat(body.getString("type")).isEqualTo("https://iop.care/problems/request-header-fields-too-large");
        assertThat(body.getString("detail")).contains("X-Big").contains("16384");
    }

    @Test
    void beyondTheServersCeilingsAndForUnparsableRequestsTheServerAnswersABareStatus() throws IOException {
        assertThat(http().get("/api/v1/patients?name=" + "a".repeat(20_000)).status()).isEqualTo(414);
        assertThat(http().get("/api/v1/patients", "X-Big: " + "a".repeat(70_000)).status()).isEqualTo(431);
        assertThat(http().send("NOT HTTP AT ALL\r\n\r\n").status()).isEqualTo(400);
    }
}
