package care.iop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The cache in front of SmallRye's real verification, configured as the services and the gateway are
 * (RS256, issuer, audience): every check still applies, and a refused token is never remembered.
 */
class CachingJwtParserVerificationTest {
    private static final String ISSUER = "https://iop.care/local";
    private static final String AUDIENCE = "iop-care";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys = rsa();
    private final CachingJwtParser parser = new CachingJwtParser(new DefaultJWTParser(context(new JWTAuthContextInfo(keys.getPublic(), ISSUER))),
            () -> System.currentTimeMillis() / 1000);

    @Test
    void aGoodTokenIsVerifiedOnceAndRemembered() throws Exception {
        String token = token("{\"alg\":\"RS256\"}", claims("\"" + AUDIENCE + "\""), keys.getPrivate());

        JsonWebToken first = parser.parse(token);

        assertThat(first.getAudience()).containsExactly(AUDIENCE);
        assertThat(parser.remembered(token)).containsSame(first);
        assertThat(parser.parse(token)).isSameAs(first);
    }

    @Test
    void aWrongOrMissingAudienceIsRefusedEveryTimeAndNeverRemembered() {
        String wrong = token("{\"alg\":\"RS256\"}", claims("\"another-app\""), keys.getPrivate());
        String missing = token("{\"alg\":\"RS256\"}", claims(null), keys.getPrivate());

        for (String token : new String[] {wrong, missing, wrong, missing}) {
            assertThatThrownBy(() -> parser.parse(token)).isInstanceOf(ParseException.class);
            assertThat(parser.remembered(token)).isEmpty();
        }
        assertThat(parser.size()).isZero();
    }

    @Test
    void noneAndHmacWithThePublicKeyAreRefused() throws Exception {
        String claims = claims("\"" + AUDIENCE + "\"");
        String none = B64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
        String hmac = hs256(claims, keys.getPublic().getEncoded());

        assertThatThrownBy(() -> parser.parse(none)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> parser.parse(hmac)).isInstanceOf(ParseException.class);
        assertThat(parser.size()).isZero();
    }

    @Test
    void withAKeySetAnUnknownKidOrAnotherKeyIsRefused(@TempDir Path dir) throws Exception {
        RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) keys.getPublic());
        jwk.setKeyId("key-1");
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, new JsonWebKeySet(jwk).toJson());
        CachingJwtParser withKeySet = new CachingJwtParser(
                new DefaultJWTParser(context(new JWTAuthContextInfo(jwks.toUri().toString(), ISSUER))), () -> System.currentTimeMillis() / 1000);
        String claims = claims("\"" + AUDIENCE + "\"");

        assertThat(withKeySet.parse(token("{\"alg\":\"RS256\",\"kid\":\"key-1\"}", claims, keys.getPrivate())).getIssuer()).isEqualTo(ISSUER);
        assertThatThrownBy(() -> withKeySet.parse(token("{\"alg\":\"RS256\",\"kid\":\"key-2\"}", claims, keys.getPrivate())))
                .isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> withKeySet.parse(token("{\"alg\":\"RS256\",\"kid\":\"key-1\"}", claims, rsa().getPrivate())))
                .isInstanceOf(ParseException.class);
        assertThat(withKeySet.size()).isEqualTo(1);
    }

    private static JWTAuthContextInfo context(JWTAuthContextInfo context) {
        context.setExpectedAudience(Set.of(AUDIENCE));
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        return context;
    }

    /** @param audience the JSON value of {@code aud}, or null for none */
    private static String claims(String audience) {
        long now = System.currentTimeMillis() / 1000;
        return "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + UUID.randomUUID() + "\",\"groups\":[\"clinician\"],\"iat\":" + now
                + ",\"exp\":" + (now + 600) + (audience == null ? "" : ",\"aud\":" + audience) + "}";
    }

    private static String token(String header, String claims, PrivateKey key) {
        String input = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hs256(String claims, byte[] secret) throws GeneralSecurityException {
        String input = B64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
