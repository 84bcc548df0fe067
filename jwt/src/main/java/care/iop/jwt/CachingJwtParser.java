package care.iop.jwt;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The {@link JWTParser} every service and the gateway authenticate bearer tokens with: SmallRye's
 * parser ({@code mp.jwt.verify.*}), remembering each verified token until it expires. A client calling
 * again with the same token costs a map lookup instead of an RS256 signature check (about 60 µs of
 * CPU per request with C2, several times that before the JIT warms up).
 * <p>
 * The key is the whole compact token, signature included, so a token differing in any byte is
 * verified afresh; an expired entry is dropped and the token re-verified (and refused). The memory
 * is bounded: at {@value #MAX_CACHED} entries it is cleared. Only {@link #parse(String)}, the call
 * the authentication mechanism makes, is cached; the other methods delegate as they are.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {
    static final int MAX_CACHED = 10_000;

    private final ConcurrentHashMap<String, JsonWebToken> verified = new ConcurrentHashMap<>();
    private final JWTParser delegate;
    private final LongSupplier epochSeconds;

    @Inject
    CachingJwtParser(DefaultJWTParser delegate) {
        this(delegate, () -> System.currentTimeMillis() / 1000);
    }

    CachingJwtParser(JWTParser delegate, LongSupplier epochSeconds) {
        this.delegate = delegate;
        this.epochSeconds = epochSeconds;
    }

    /** The token as verified earlier, if remembered and unexpired. Never verifies, so never blocks (callable on an event loop). */
    public Optional<JsonWebToken> remembered(String token) {
        JsonWebToken known = verified.get(token);
        if (known == null) {
            return Optional.empty();
        }
        if (known.getExpirationTime() > epochSeconds.getAsLong()) {
            return Optional.of(known);
        }
        verified.remove(token);
        return Optional.empty();
    }

    /** How many verified tokens are remembered now (at most {@value #MAX_CACHED}). */
    public int size() {
        return verified.size();
    }

    /**
     * Verifies with the delegate (signature, algorithm, issuer, audience, expiry, as {@code mp.jwt.verify.*}
     * say), unless this exact token was verified before and has not expired. Only a token the delegate
     * accepted is remembered, so no check is skipped for a token that was never accepted.
     */
    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Optional<JsonWebToken> known = remembered(token);
        if (known.isPresent()) {
            return known.get();
        }
        JsonWebToken jwt = delegate.parse(token);
        if (jwt.getExpirationTime() > epochSeconds.getAsLong()) {
            if (verified.size() >= MAX_CACHED) {
                verified.clear();
            }
            verified.put(token, jwt);
        }
        return jwt;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
