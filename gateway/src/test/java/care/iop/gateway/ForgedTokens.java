package care.iop.gateway;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import care.iop.devstack.LocalKeys;
import care.iop.devstack.Tokens;
import care.iop.testing.IopTestInfrastructure;

/**
 * Tokens made by hand, byte by byte, to attack the verification: the header and claims are written here
 * and signed with the test key, another key, an HMAC secret, or not at all. {@link #claims()} and
 * {@link #header()} are what a good token has; {@link #rs256} with the test key makes a token the gateway
 * accepts, so each attack differs from a good token in one thing only.
 */
final class ForgedTokens {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private ForgedTokens() {
    }

    /** The claims of a valid clinician token: issuer, audience, a fresh subject, roles, ten minutes to live. */
    static JsonObject claims() {
        long now = System.currentTimeMillis() / 1000;
        String subject = "forged-" + UUID.randomUUID();
        return new JsonObject()
                .put("iss", Tokens.DEFAULT_ISSUER)
                .put("aud", Tokens.DEFAULT_AUDIENCE)
                .put("sub", subject)
                .put("upn", subject)
                .put("groups", new JsonArray().add("clinician"))
                .put("iat", now)
                .put("exp", now + 600)
                .put("jti", UUID.randomUUID().toString());
    }

    static JsonObject header() {
        return new JsonObject().put("alg", "RS256").put("typ", "JWT");
    }

    /** Signed with RS256 by {@code key}. */
    static String rs256(JsonObject header, JsonObject claims, PrivateKey key) {
        String signingInput = signingInput(header, claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed with HS256, using {@code secret} as the HMAC key. */
    static String hs256(JsonObject claims, byte[] secret) {
        String signingInput = signingInput(new JsonObject().put("alg", "HS256").put("typ", "JWT"), claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsecured JWT: {@code alg: none}, empty signature. */
    static String unsigned(JsonObject claims) {
        return signingInput(new JsonObject().put("alg", "none").put("typ", "JWT"), claims) + ".";
    }

    /** The private key the gateway's test public key belongs to. */
    static PrivateKey testKey() {
        return LocalKeys.ensure(IopTestInfrastructure.KEYS_DIR).privateKey();
    }

    /** The test public key as the gateway reads it (PEM text). */
    static byte[] publicKeyPem() {
        try {
            return Files.readAllBytes(LocalKeys.ensure(IopTestInfrastructure.KEYS_DIR).publicKeyFile());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The test public key's DER bytes (the base64 inside the PEM, decoded). */
    static byte[] publicKeyDer() {
        String pem = new String(publicKeyPem(), StandardCharsets.US_ASCII);
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    /** A fresh RSA key the gateway has never heard of. */
    static PrivateKey otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signingInput(JsonObject header, JsonObject claims) {
        return B64.encodeToString(header.encode().getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
    }
}
