package care.iop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

class CachingJwtParserTest {
    private static final long NOW = 1_800_000_000L;

    private final AtomicLong clock = new AtomicLong(NOW);
    private final AtomicInteger verifications = new AtomicInteger();

    /** Stands in for SmallRye's verification: "good-*" tokens expire at NOW + 60 s, anything else is refused. */
    private final CachingJwtParser parser = new CachingJwtParser(new DefaultJWTParser() {
        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verifications.incrementAndGet();
            if (!token.startsWith("good-")) {
                throw new ParseException("bad signature");
            }
            return token(token, NOW + 60);
        }
    }, clock::get);

    @Test
    void aTokenIsVerifiedOnceWhileItIsValid() throws Exception {
        JsonWebToken first = parser.parse("good-a");
        JsonWebToken second = parser.parse("good-a");

        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void anotherTokenIsVerifiedAfresh() throws Exception {
        parser.parse("good-a");
        parser.parse("good-b");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void anExpiredTokenIsVerifiedAgainNotServedFromMemory() throws Exception {
        parser.parse("good-a");
        clock.set(NOW + 60);
        parser.parse("good-a");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        assertThatThrownBy(() -> parser.parse("forged")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> parser.parse("forged")).isInstanceOf(ParseException.class);

        assertThat(verifications).hasValue(2);
    }

    @Test
    void rememberedAnswersOnlyForVerifiedUnexpiredTokensAndNeverVerifies() throws Exception {
        assertThat(parser.remembered("good-a")).isEmpty();
        JsonWebToken verified = parser.parse("good-a");

        assertThat(parser.remembered("good-a")).containsSame(verified);
        clock.set(NOW + 60);
        assertThat(parser.remembered("good-a")).isEmpty();
        assertThat(verifications).hasValue(1);
    }

    @Test
    void theMemoryIsBounded() throws Exception {
        for (int i = 0; i <= CachingJwtParser.MAX_CACHED; i++) {
            parser.parse("good-" + i);
        }
        parser.parse("good-0");

        assertThat(verifications).hasValue(CachingJwtParser.MAX_CACHED + 2);
    }

    private static JsonWebToken token(String raw, long expiresAt) {
        Map<String, Object> claims = Map.of(Claims.raw_token.name(), raw, Claims.sub.name(), raw, Claims.exp.name(), expiresAt);
        return new JsonWebToken() {
            @Override
            public String getName() {
                return raw;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }
}
