package care.iop.plan.comparison.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jboss.logging.Logger;

/**
 * An HMAC-SHA256 key from configuration (a Secret shared by every replica), or a random one for this process when none
 * is configured (fine for one process; logged). Signs chart links and derives the export's date shifts.
 */
public final class HmacKey {
    private static final Logger LOG = Logger.getLogger(HmacKey.class);
    static final int MIN_LENGTH = 32;

    private final SecretKeySpec key;

    private HmacKey(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The configured key of {@code property}, or a random one; a configured key shorter than 32 characters fails the start. */
    public static HmacKey of(Optional<String> configured, String property) {
        byte[] secret = configured.map(k -> k.getBytes(StandardCharsets.UTF_8)).orElse(null);
        if (secret == null) {
            secret = new byte[MIN_LENGTH];
            new SecureRandom().nextBytes(secret);
            LOG.infof("%s is not set: using a random key that holds for this process only", property);
        } else if (secret.length < MIN_LENGTH) {
            throw new IllegalStateException(property + " must have at least " + MIN_LENGTH + " characters");
        }
        return new HmacKey(secret);
    }

    public byte[] mac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** The MAC of {@code message}, base64url without padding. */
    public String sign(String message) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(message));
    }
}
