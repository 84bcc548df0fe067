package care.iop.gateway.edge;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import care.iop.gateway.metrics.CacheGauges;
import care.iop.jwt.CachingJwtParser;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies bearer tokens with SmallRye JWT ({@code mp.jwt.verify.*}: RS256 only, public key or JWKS, issuer, audience, expiry)
 * through the {@link CachingJwtParser} the services use too: a verified token is remembered until
 * it expires, so a client's repeated calls cost one signature check.
 */
@ApplicationScoped
public class TokenVerifier {

    @Inject
    CachingJwtParser parser;

    @Inject
    MeterRegistry registry;

    @PostConstruct
    void init() {
        CacheGauges.register(registry, "verified-tokens", parser::size);
    }

    /** The identity of an already verified, unexpired token, if known (never blocks). */
    public Optional<Identity> cached(String token) {
        return parser.remembered(token).map(TokenVerifier::identity);
    }

    /**
     * Verifies signature, algorithm, issuer, audience and expiry. May block (the first call loads the key; a JWKS URL is
     * fetched over the network), so callers run it off the event loop.
     */
    public Identity verify(String token) throws ParseException {
        return identity(parser.parse(token));
    }

    private static Identity identity(JsonWebToken jwt) {
        Set<String> groups = jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups());
        Object client = jwt.getClaim("azp") != null ? jwt.getClaim("azp") : jwt.getClaim("client_id");
        Object clinician = jwt.getClaim("clinician_id");
        return new Identity(jwt.getSubject() != null ? jwt.getSubject() : jwt.getName(), groups, client == null ? null : client.toString(),
                clinician == null ? null : clinician.toString().replace("\"", ""),
                scopes(jwt.getClaim("scope") != null ? jwt.getClaim("scope") : jwt.getClaim("scp")));
    }

    /** The SMART scopes of the {@code scope} claim (else {@code scp}): a space-separated string (RFC 9068), or a list of strings. */
    static Set<String> scopes(Object claim) {
        if (claim == null) {
            return Set.of();
        }
        String text = claim instanceof Collection<?> list
                ? String.join(" ", list.stream().map(o -> o.toString().replace("\"", "")).toList())
                : claim.toString().replace("\"", "");
        return Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
