package care.iop.gateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import care.iop.gateway.Callers;

/** The SMART configuration, at the root and under the FHIR base, without a token. */
@QuarkusTest
class SmartConfigurationTest {

    @ParameterizedTest
    @ValueSource(strings = { "/.well-known/smart-configuration", "/fhir/R4/.well-known/smart-configuration" })
    void advertisesTheTokenEndpointScopesAndCapabilities(String path) {
        JsonPath smart = Callers.from("127.0.0.64").when().get(path)
                .then().statusCode(200).contentType(startsWith("application/json"))
                .body("token_endpoint", equalTo("https://id.example.test/token"))
                .extract().jsonPath();
        assertThat(smart.getString("authorization_endpoint")).endsWith("/protocol/openid-connect/auth");
        assertThat(smart.getList("grant_types_supported", String.class)).containsExactly("client_credentials", "authorization_code");
        assertThat(smart.getList("token_endpoint_auth_methods_supported", String.class)).containsExactly("private_key_jwt", "client_secret_basic");
        assertThat(smart.getList("capabilities", String.class)).contains("permission-v2", "permission-v1", "permission-patient",
                "permission-user", "client-confidential-asymmetric", "launch-standalone");
        assertThat(smart.getList("code_challenge_methods_supported", String.class)).containsExactly("S256");
        List<String> scopes = smart.getList("scopes_supported", String.class);
        assertThat(scopes).contains("system/*.rs", "system/*.cruds", "user/*.rs", "patient/*.rs", "system/Patient.rs", "patient/Observation.rs");
        FhirTypes.types().forEach(type -> assertThat(scopes).contains("system/" + type + ".rs", "user/" + type + ".rs"));
    }

    @Test
    void withoutAnAuthorizationEndpointOnlyBackendServicesAreAdvertised() {
        FhirConfig backendOnly = new FhirConfig() {
            public String tokenEndpoint() {
                return "https://id.example/token";
            }

            public java.util.Optional<String> authorizationEndpoint() {
                return java.util.Optional.empty();
            }

            public List<String> tokenEndpointAuthMethods() {
                return List.of("private_key_jwt");
            }

            public java.time.Duration metadataCacheTtl() {
                return java.time.Duration.ZERO;
            }

            public java.util.Optional<java.nio.file.Path> exportDir() {
                return java.util.Optional.empty();
            }

            public java.time.Duration exportFileTtl() {
                return java.time.Duration.ZERO;
            }

            public int exportThreads() {
                return 1;
            }

            public int exportMaxJobs() {
                return 1;
            }
        };
        var document = SmartConfiguration.document(backendOnly);
        assertThat(document.containsKey("authorization_endpoint")).isFalse();
        assertThat(document.getJsonArray("grant_types_supported").getList()).containsExactly("client_credentials");
        assertThat(document.getJsonArray("capabilities").getList()).doesNotContain("launch-standalone", "client-confidential-symmetric")
                .contains("client-confidential-asymmetric");
    }
}
