package care.iop.gateway;

import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Forged and flawed tokens are refused at the edge with a 401 problem, each differing from a token the
 * gateway accepts ({@link #theGoodTokenTheForgeriesStartFromIsAccepted}) in one respect only.
 */
@QuarkusTest
class TokenVerificationTest {

    static java.util.stream.Stream<Map.Entry<String, String>> forgeries() {
        long now = System.currentTimeMillis() / 1000;
        JsonObject expired = ForgedTokens.claims().put("iat", now - 7200).put("exp", now - 3600);
        JsonObject noAudience = ForgedTokens.claims();
        noAudience.remove("aud");
        return Map.of(
                "alg none", ForgedTokens.unsigned(ForgedTokens.claims()),
                "wrong issuer", ForgedTokens.rs256(ForgedTokens.header(), ForgedTokens.claims().put("iss", "https://evil.example/realms/iop"),
                        ForgedTokens.testKey()),
                "expired", ForgedTokens.rs256(ForgedTokens.header(), expired, ForgedTokens.testKey()),
                "wrong audience", ForgedTokens.rs256(ForgedTokens.header(), ForgedTokens.claims().put("aud", "another-app"), ForgedTokens.testKey()),
                "no audience", ForgedTokens.rs256(ForgedTokens.header(), noAudience, ForgedTokens.testKey()),
                "signed by another RSA key", ForgedTokens.rs256(ForgedTokens.header(), ForgedTokens.claims(), ForgedTokens.otherKey()),
                "another RSA key with an unknown kid",
                ForgedTokens.rs256(ForgedTokens.header().put("kid", "attacker-key-1"), ForgedTokens.claims(), ForgedTokens.otherKey()),
                "HS256 with the public key PEM as secret", ForgedTokens.hs256(ForgedTokens.claims(), ForgedTokens.publicKeyPem()),
                "HS256 with the public key DER as secret", ForgedTokens.hs256(ForgedTokens.claims(), ForgedTokens.publicKeyDer()))
                .entrySet().stream();
    }

    /** From an address of its own: refused tokens count against the client address's rate limit. */
    private static RequestSpecification client() {
        return Callers.from("127.0.0.40");
    }

    @Test
    void theGoodTokenTheForgeriesStartFromIsAccepted() {
        String good = ForgedTokens.rs256(ForgedTokens.header(), ForgedTokens.claims(), ForgedTokens.testKey());
        client().header("Authorization", "Bearer " + good).when().get("/api/v1/sessions")
                .then().statusCode(200)
                .body("upstream", equalTo("session"));
        // several audiences, ours among them (identity providers often add their own)
        String several = ForgedTokens.rs256(ForgedTokens.header(),
                ForgedTokens.claims().put("aud", new JsonArray().add("account").add("iop-care")), ForgedTokens.testKey());
        client().header("Authorization", "Bearer " + several).when().get("/api/v1/sessions").then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void aFlawedTokenIs401Problem(Map.Entry<String, String> forgery) {
        for (int attempt = 0; attempt < 2; attempt++) { // the second time too: a refused token is never remembered
            client().header("Authorization", "Bearer " + forgery.getValue()).when().get("/api/v1/sessions")
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer")
                    .body("type", equalTo("https://iop.care/problems/unauthorized"))
                    .body("status", equalTo(401))
                    .body("detail", equalTo("The bearer token is invalid or expired."));
        }
    }
}
