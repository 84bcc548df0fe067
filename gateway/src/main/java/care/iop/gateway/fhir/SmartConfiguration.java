package care.iop.gateway.fhir;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /.well-known/smart-configuration} and {@code GET /fhir/R4/.well-known/smart-configuration} (no token; SMART
 * App Launch 2.0 puts it under the FHIR base, many clients look at the root): where to get a token and what it may carry.
 * Tokens come from the identity provider ({@code iop.gateway.fhir.token-endpoint}, and for apps a person signs in to
 * {@code authorization-endpoint}); IOP Care verifies them and enforces the SMART v2 scopes listed here on top of the
 * roles. Built once from the settings.
 */
@ApplicationScoped
public class SmartConfiguration {
    public static final String PATH = "/.well-known/smart-configuration";

    @Inject
    FhirConfig config;

    private Buffer document;

    @PostConstruct
    void init() {
        document = document(config).toBuffer();
    }

    public void handle(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "max-age=3600").end(document);
    }

    static JsonObject document(FhirConfig config) {
        List<String> capabilities = new ArrayList<>(List.of("permission-v1", "permission-v2", "permission-patient", "permission-user"));
        if (config.tokenEndpointAuthMethods().contains("private_key_jwt")) {
            capabilities.add("client-confidential-asymmetric");
        }
        if (config.tokenEndpointAuthMethods().stream().anyMatch(method -> method.startsWith("client_secret"))) {
            capabilities.add("client-confidential-symmetric");
        }
        JsonArray grants = new JsonArray().add("client_credentials");
        JsonObject smart = new JsonObject();
        config.authorizationEndpoint().ifPresent(authorize -> {
            smart.put("authorization_endpoint", authorize);
            grants.add("authorization_code");
            capabilities.addAll(List.of("launch-standalone", "client-public", "context-standalone-patient"));
        });
        return smart
                .put("grant_types_supported", grants)
                .put("token_endpoint", config.tokenEndpoint())
                .put("token_endpoint_auth_methods_supported", new JsonArray(config.tokenEndpointAuthMethods()))
                .put("token_endpoint_auth_signing_alg_values_supported", new JsonArray().add("RS384").add("ES384"))
                .put("scopes_supported", new JsonArray(scopes()))
                .put("response_types_supported", new JsonArray().add("code"))
                .put("capabilities", new JsonArray(capabilities))
                .put("code_challenge_methods_supported", new JsonArray().add("S256"));
    }

    /** The scopes a client may ask for: every type or one type, per context; writes where the API has them. */
    static List<String> scopes() {
        List<String> scopes = new ArrayList<>(List.of("system/*.rs", "system/*.cruds", "user/*.rs", "user/*.cruds", "patient/*.rs",
                "system/*.read", "user/*.read", "patient/*.read"));
        for (String type : FhirTypes.types()) {
            scopes.add("system/" + type + ".rs");
            scopes.add("user/" + type + ".rs");
            scopes.add("patient/" + type + ".rs");
        }
        return scopes;
    }
}
