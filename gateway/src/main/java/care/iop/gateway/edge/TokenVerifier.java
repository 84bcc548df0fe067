package care.iop.gateway.edge;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies bearer tokens with SmallRye JWT ({@code mp.jwt.verify.*}: issuer, public key or JWKS).
 * Verified tokens are remembered until they expire, so a client's repeated calls cost one signature
 * check; the memory is bounded and cleared when full.
 */
@ApplicationScoped
public class TokenVerifier {
    static final int MAX_CACHED = 10_000;

    private final ConcurrentHashMap<String, Identity> verified = new ConcurrentHashMap<>();

    @Inject
    JWTParser parser;

    /** The identity of an already verified, unexpired token, if known (never blocks). */
    public Optional<Identity> cached(String token) {
        Identity identity = verified.get(token);
        if (identity == null) {
            return Optional.empty();
        }
        if (identity.expired(now())) {
            verified.remove(token);
            return Optional.empty();
        }
        return Optional.of(identity);
    }

    /**
     * Verifies signature, issuer and expiry. May block (the first call loads the key; a JWKS URL is
     * fetched over the network), so callers run it off the event loop.
     */
    public Identity verify(String token) throws ParseException {
        Optional<Identity> known = cached(token);
        if (known.isPresent()) {
            return known.get();
        }
        JsonWebToken jwt = parser.parse(token);
        Set<String> groups = jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups());
        Identity identity = new Identity(jwt.getSubject() != null ? jwt.getSubject() : jwt.getName(), groups, jwt.getExpirationTime());
        if (verified.size() >= MAX_CACHED) {
            verified.clear();
        }
        verified.put(token, identity);
        return identity;
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
