package care.iop.devstack;

import java.security.PrivateKey;
import java.util.List;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Mints signed JWTs of the shape the services verify: issuer, audience, subject, {@code groups} (roles),
 * {@code patient_id}.
 */
public final class Tokens {
    public static final String DEFAULT_ISSUER = "https://iop.care/local";
    /** The audience the services and the gateway expect by default ({@code IOP_JWT_AUDIENCE}). */
    public static final String DEFAULT_AUDIENCE = "iop-care";
    public static final List<String> ROLES = List.of("admin", "clinician", "scheduler", "integration", "patient");

    private final PrivateKey key;
    private final String issuer;
    private final String audience;

    /** Tokens for the default audience, {@value #DEFAULT_AUDIENCE}. */
    public Tokens(PrivateKey key, String issuer) {
        this(key, issuer, DEFAULT_AUDIENCE);
    }

    public Tokens(PrivateKey key, String issuer, String audience) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
    }

    /**
     * @param role one of {@link #ROLES}
     * @param subject the token subject (user name or client id)
     * @param patientId the patient a {@code patient} token belongs to, else null
     * @param ttlMinutes lifetime
     */
    public String mint(String role, String subject, UUID patientId, int ttlMinutes) {
        return mint(role, subject, patientId, ttlMinutes, java.util.Map.of());
    }

    /**
     * As {@link #mint(String, String, UUID, int)}, with further claims (for example {@code azp}, the client
     * identity a Part 2 consent names, or {@code purpose_of_use}); they may not replace the standard ones.
     */
    public String mint(String role, String subject, UUID patientId, int ttlMinutes, java.util.Map<String, Object> extraClaims) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("Unknown role '" + role + "'; one of " + ROLES);
        }
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", role);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(ttlMinutes);
        claims.setGeneratedJwtId();
        if (patientId != null) {
            claims.setClaim("patient_id", patientId.toString());
        }
        extraClaims.forEach((name, value) -> {
            if (claims.hasClaim(name)) {
                throw new IllegalArgumentException("Claim '" + name + "' is set by the token shape itself");
            }
            claims.setClaim(name, value);
        });
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign token", e);
        }
    }
}
