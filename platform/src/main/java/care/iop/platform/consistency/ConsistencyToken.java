package care.iop.platform.consistency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import care.iop.platform.problem.ProblemException;

/**
 * The {@value #HEADER} header: the aggregates a write produced and their versions, as a comma-separated list of
 * {@code kind:id@version} ({@code patient:5b1f8a4e-3c2d-4e55-9a0b-7d8e6f1a2b3c@3, plan:3f9a1c2e-7b6d-4e5f-8a9b-0c1d2e3f4a5b@1}).
 * Writes of participant-service and plan-service answer with it; a request that sends it to another service waits
 * until that service's read models hold at least these versions (docs/gateway.md, "Read-your-writes").
 */
public final class ConsistencyToken {
    public static final String HEADER = "Consistency-Token";
    /** The most aggregates one header may name. */
    public static final int MAX_ENTRIES = 32;
    private static final Pattern ENTRY = Pattern.compile("\\s*([a-z][a-z-]{0,31}):([0-9a-fA-F-]{36})@([0-9]{1,18})\\s*");

    private ConsistencyToken() {
    }

    /**
     * Reads a header value (several headers joined by commas); an aggregate named twice keeps its highest version.
     *
     * @throws ProblemException 400 naming {@value #HEADER} when the value is malformed or names more than {@value #MAX_ENTRIES} aggregates
     */
    public static List<AggregateVersion> parse(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        String[] entries = header.split(",", MAX_ENTRIES + 2);
        if (entries.length > MAX_ENTRIES) {
            throw invalid("names more than " + MAX_ENTRIES + " aggregates");
        }
        List<AggregateVersion> parsed = new ArrayList<>(entries.length);
        for (String entry : entries) {
            Matcher m = ENTRY.matcher(entry);
            if (!m.matches()) {
                throw invalid("must be a comma-separated list of kind:id@version, as a write answered it");
            }
            try {
                parsed.add(new AggregateVersion(m.group(1), UUID.fromString(m.group(2)), Long.parseLong(m.group(3))));
            } catch (IllegalArgumentException e) {
                throw invalid("must be a comma-separated list of kind:id@version, as a write answered it");
            }
        }
        return merge(parsed);
    }

    /** The header value naming these versions (an aggregate named twice keeps its highest version). */
    public static String format(Collection<AggregateVersion> versions) {
        return String.join(", ", merge(versions).stream().map(AggregateVersion::toString).toList());
    }

    /** One version per aggregate, the highest, in the order first named. */
    static List<AggregateVersion> merge(Collection<AggregateVersion> versions) {
        Map<String, AggregateVersion> byAggregate = new LinkedHashMap<>();
        for (AggregateVersion v : versions) {
            byAggregate.merge(v.kind() + ":" + v.id(), v, (a, b) -> a.version() >= b.version() ? a : b);
        }
        return List.copyOf(byAggregate.values());
    }

    private static ProblemException invalid(String message) {
        return ProblemException.invalidField(HEADER, message);
    }
}
