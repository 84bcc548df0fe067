package care.iop.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed fingerprints of names and identifiers, so that a service holding no names can still tell whether a text names
 * someone (docs/security.md, "Name fingerprints"). A fingerprint is {@code <length>:<hex>}: the length of the
 * {@linkplain #normalize normalized} value and the first 16 bytes of HMAC-SHA256 over it with the program's key
 * ({@code iop.privacy.fingerprint-key}, the same in participant- and session-service). Without the key a fingerprint
 * tells nothing but the length; with it, a guess can be tested, so the key is a secret.
 * <p>
 * {@link #find} slides over a text's normalized letters for each length it is asked about, starting only where a word
 * of the original text starts and ending only where one ends, so spaces and punctuation inside a name are ignored
 * ("D i a z", "DIAZ" and "Díaz" match "Diaz") but a name inside a longer word is not ("Ana" in "banana" or in
 * "an apple"). Thread-safe: every call uses its own {@link Mac}.
 */
public final class NameFingerprints {
    /** Bytes of the HMAC kept (32 hex digits). */
    public static final int BYTES = 16;
    /** Shortest key accepted (UTF-8 bytes). */
    public static final int MIN_KEY_LENGTH = 16;
    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;

    public NameFingerprints(String key) {
        if (key == null || key.getBytes(StandardCharsets.UTF_8).length < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("iop.privacy.fingerprint-key must have at least " + MIN_KEY_LENGTH + " bytes");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** Where a fingerprinted value appears in a text: UTF-16 offset and length in the original text. */
    public record Match(int offset, int length) {
    }

    /**
     * The value as fingerprints see it, code point by code point: Unicode NFKD, combining marks removed, lower case,
     * letters and digits only ("Díaz-Ñúñez" becomes "diaznunez").
     */
    public static String normalize(String value) {
        StringBuilder normalized = new StringBuilder();
        if (value != null) {
            value.codePoints().forEach(cp -> appendNormalized(cp, normalized));
        }
        return normalized.toString();
    }

    private static void appendNormalized(int codePoint, StringBuilder into) {
        if (codePoint < 0x80) {
            // ASCII (most names and every identifier): NFKD leaves it as it is and it has no marks; no String per letter
            if (codePoint >= 'A' && codePoint <= 'Z') {
                into.append((char) (codePoint + ('a' - 'A')));
            } else if (codePoint >= 'a' && codePoint <= 'z' || codePoint >= '0' && codePoint <= '9') {
                into.append((char) codePoint);
            }
            return;
        }
        String decomposed = Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFKD);
        decomposed.codePoints().forEach(cp -> {
            if (isMark(cp)) {
                return;
            }
            int lower = Character.toLowerCase(cp);
            if (Character.isLetterOrDigit(lower)) {
                into.appendCodePoint(lower);
            }
        });
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** The fingerprint of a value, or empty when it has no letter or digit. */
    public Optional<String> fingerprint(String value) {
        return fingerprint(null, value);
    }

    /** The distinct fingerprints of several values (names, identifier values), in their order; values without letters are skipped. */
    public List<String> fingerprints(Collection<String> values) {
        Set<String> all = new LinkedHashSet<>();
        Mac mac = values.isEmpty() ? null : mac();
        for (String value : values) {
            fingerprint(mac, value).ifPresent(all::add);
        }
        return List.copyOf(all);
    }

    /** With {@code mac} (made once for several values) or a new one when null. */
    private Optional<String> fingerprint(Mac mac, String value) {
        String normalized = normalize(value);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(normalized.length() + ":" + hash(mac == null ? mac() : mac, normalized));
    }

    /** The first place (lowest offset) where {@code text} names a value of one of {@code fingerprints}; malformed ones are ignored. */
    public Optional<Match> find(String text, Collection<String> fingerprints) {
        if (text == null || text.isEmpty() || fingerprints == null || fingerprints.isEmpty()) {
            return Optional.empty();
        }
        Map<Integer, Set<String>> byLength = byLength(fingerprints);
        if (byLength.isEmpty()) {
            return Optional.empty();
        }
        Letters letters = Letters.of(text);
        Mac mac = mac();
        for (int start : letters.wordStarts) {
            for (int length : byLength.keySet()) {
                int end = letters.normStart[start] + length;   // exclusive, in normalized letters
                if (end > letters.normalized.length()) {
                    break;   // lengths ascend: the longer ones do not fit either
                }
                Integer last = letters.unitEndingAt.get(end);
                if (last == null || !letters.wordEnd[last]) {
                    continue;
                }
                String window = letters.normalized.substring(letters.normStart[start], end);
                if (byLength.get(length).contains(hash(mac, window))) {
                    int offset = letters.unitOffset[start];
                    return Optional.of(new Match(offset, letters.unitOffset[last] + letters.unitLength[last] - offset));
                }
            }
        }
        return Optional.empty();
    }

    private static Map<Integer, Set<String>> byLength(Collection<String> fingerprints) {
        Map<Integer, Set<String>> byLength = new HashMap<>();
        for (String fingerprint : fingerprints) {
            int colon = fingerprint == null ? -1 : fingerprint.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            try {
                int length = Integer.parseInt(fingerprint.substring(0, colon));
                if (length > 0) {
                    byLength.computeIfAbsent(length, l -> new HashSet<>()).add(fingerprint.substring(colon + 1).toLowerCase(java.util.Locale.ROOT));
                }
            } catch (NumberFormatException e) {
                // not a fingerprint: ignored
            }
        }
        return new TreeMap<>(byLength);
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }

    private static String hash(Mac mac, String normalized) {
        byte[] full = mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(full, 0, BYTES);
    }

    /**
     * A text cut into units (a code point with the combining marks after it), each with its normalized letters, and
     * where words of the original text start and end (a word: units with letters or digits, the others separate words).
     */
    private static final class Letters {
        final String normalized;
        final int[] unitOffset;
        final int[] unitLength;
        /** Where each unit's letters start in {@link #normalized}. */
        final int[] normStart;
        final boolean[] wordEnd;
        final List<Integer> wordStarts;
        /** Normalized end (exclusive) of each unit with letters -> that unit; a window must end exactly there. */
        final Map<Integer, Integer> unitEndingAt;

        private Letters(String normalized, int[] unitOffset, int[] unitLength, int[] normStart, boolean[] wordEnd, List<Integer> wordStarts,
                        Map<Integer, Integer> unitEndingAt) {
            this.normalized = normalized;
            this.unitOffset = unitOffset;
            this.unitLength = unitLength;
            this.normStart = normStart;
            this.wordEnd = wordEnd;
            this.wordStarts = wordStarts;
            this.unitEndingAt = unitEndingAt;
        }

        static Letters of(String text) {
            List<int[]> units = new ArrayList<>();   // {offset, length}
            int i = 0;
            while (i < text.length()) {
                int start = i;
                i += Character.charCount(text.codePointAt(i));
                while (i < text.length() && isMark(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                }
                units.add(new int[] { start, i - start });
            }
            int n = units.size();
            int[] offset = new int[n];
            int[] length = new int[n];
            int[] normStart = new int[n];
            boolean[] word = new boolean[n];
            StringBuilder normalized = new StringBuilder();
            Map<Integer, Integer> endingAt = new HashMap<>();
            for (int u = 0; u < n; u++) {
                offset[u] = units.get(u)[0];
                length[u] = units.get(u)[1];
                normStart[u] = normalized.length();
                normalized.append(normalize(text.substring(offset[u], offset[u] + length[u])));
                word[u] = normalized.length() > normStart[u];
                if (word[u]) {
                    endingAt.put(normalized.length(), u);
                }
            }
            boolean[] wordEnd = new boolean[n];
            List<Integer> wordStarts = new ArrayList<>();
            for (int u = 0; u < n; u++) {
                if (word[u] && (u == 0 || !word[u - 1])) {
                    wordStarts.add(u);
                }
                wordEnd[u] = word[u] && (u == n - 1 || !word[u + 1]);
            }
            return new Letters(normalized.toString(), offset, length, normStart, wordEnd, wordStarts, endingAt);
        }
    }
}
