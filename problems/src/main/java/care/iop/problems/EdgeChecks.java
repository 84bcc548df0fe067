package care.iop.problems;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * The checks the services and the gateway make on every request before routing it, so that what the HTTP server
 * would refuse with a bare status answers {@code application/problem+json} instead (docs/gateway.md, "Errors at the
 * edge"). Plain Java: each side wires it into its own Vert.x router.
 *
 * <ul>
 * <li>a request target longer than the limit: 414 {@link ProblemType#URI_TOO_LONG};</li>
 * <li>header fields larger than the limit: 431 {@link ProblemType#HEADERS_TOO_LARGE};</li>
 * <li>a target that is not a URI only because it holds characters RFC 3986 leaves out but that have a single meaning
 * ({@value #REPAIRED}, such as the {@code |} of a FHIR token search, {@code identifier=system|value}): accepted, with
 * those characters percent-encoded before routing, so every layer after this one sees a valid URI;</li>
 * <li>any other target that is not a URI (a bad percent-encoding such as {@code %zz}, a control character): 400
 * {@link ProblemType#MALFORMED_REQUEST}.</li>
 * </ul>
 */
public final class EdgeChecks {
    /** Characters outside RFC 3986 that clients send unencoded and that mean the same encoded: percent-encoded. */
    public static final String REPAIRED = "|{}[]^`\"<>\\";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private EdgeChecks() {
    }

    /**
     * The outcome of a check: either a target to route ({@code problem} null; {@code target} differs from the one
     * received when characters were percent-encoded), or a problem to answer with.
     */
    public record Outcome(String target, ProblemType problem, String detail) {
        static Outcome route(String target) {
            return new Outcome(target, null, null);
        }

        static Outcome refuse(ProblemType problem, String detail) {
            return new Outcome(null, problem, detail);
        }

        public boolean refused() {
            return problem != null;
        }
    }

    /** Checks the request target (path and query as received) against {@code maxLength} characters and URI syntax. */
    public static Outcome target(String target, int maxLength) {
        if (target == null || target.isEmpty()) {
            return Outcome.refuse(ProblemType.MALFORMED_REQUEST, "The request has no target.");
        }
        if (target.length() > maxLength) {
            return Outcome.refuse(ProblemType.URI_TOO_LONG, "The request target is " + target.length()
                    + " characters long; at most " + maxLength + " are accepted. Send long searches as several requests.");
        }
        if (isUri(target)) {
            return Outcome.route(target);
        }
        String repaired = percentEncode(target);
        try {
            new URI(repaired);
            return Outcome.route(repaired);
        } catch (URISyntaxException e) {
            // the reason and position only: the target itself may hold identifiers and is not echoed
            return Outcome.refuse(ProblemType.MALFORMED_REQUEST, "The request target is not a valid URI: " + e.getReason()
                    + " at character " + e.getIndex() + ". Percent-encode reserved characters (RFC 3986).");
        }
    }

    /** Checks the total size of the header fields (name, value and the 4 bytes of ": " and CRLF each) against {@code maxBytes}. */
    public static Outcome headers(Iterable<Map.Entry<String, String>> headers, int maxBytes) {
        long total = 0;
        String largest = null;
        long largestSize = -1;
        for (Map.Entry<String, String> header : headers) {
            long size = header.getKey().length() + (header.getValue() == null ? 0 : header.getValue().length()) + 4L;
            total += size;
            if (size > largestSize) {
                largestSize = size;
                largest = header.getKey();
            }
        }
        if (total > maxBytes) {
            return Outcome.refuse(ProblemType.HEADERS_TOO_LARGE, "The request's header fields take " + total + " bytes; at most "
                    + maxBytes + " are accepted (the largest is " + safeName(largest) + ", " + largestSize + " bytes).");
        }
        return Outcome.route(null);
    }

    private static boolean isUri(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static String percentEncode(String target) {
        StringBuilder out = new StringBuilder(target.length() + 16);
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (REPAIRED.indexOf(c) >= 0) {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A header name as a token (RFC 9110), or a neutral word when it is not one: never echo arbitrary bytes. */
    private static String safeName(String name) {
        return name != null && name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}") ? name : "a header field";
    }
}
