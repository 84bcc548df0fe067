package care.iop.participant.service;

import java.util.Locale;

import io.quarkus.panache.common.Parameters;

/**
 * How a name filter matches a person's given and family name, case-insensitively: {@link Mode#CONTAINS} (the JSON API's
 * {@code name}: part of either name or of "given family"), {@link Mode#STARTS} (FHIR's string search: the start of any
 * word of either name, or of "given family") or {@link Mode#EXACT} (FHIR's {@code :exact}: one of the names, or "given
 * family", exactly, case included).
 */
public record NameMatch(String text, Mode mode) {

    /** The ways a name filter can match. */
    public enum Mode {
        CONTAINS, STARTS, EXACT
    }

    public NameMatch {
        text = text.strip();
    }

    public static NameMatch contains(String text) {
        return new NameMatch(text, Mode.CONTAINS);
    }

    public static NameMatch starts(String text) {
        return new NameMatch(text, Mode.STARTS);
    }

    public static NameMatch exact(String text) {
        return new NameMatch(text, Mode.EXACT);
    }

    /**
     * The JPQL condition over the entity's {@code given} and {@code family} fields (either may be null: one name only),
     * binding {@code :<parameter>} in {@code params}.
     */
    public String condition(String given, String family, String parameter, Parameters params) {
        String p = ":" + parameter;
        if (mode == Mode.EXACT) {
            params.and(parameter, text);
            return given == null || family == null ? "%s = %s".formatted(given == null ? family : given, p)
                    : "(%s = %s or %s = %s or concat(%s, ' ', %s) = %s)".formatted(given, p, family, p, given, family, p);
        }
        String lower = escapeLike(text.toLowerCase(Locale.ROOT));
        if (mode == Mode.CONTAINS) {
            params.and(parameter, "%" + lower + "%");
            return given == null || family == null ? "lower(%s) like %s escape '\\'".formatted(given == null ? family : given, p)
                    : ("(lower(%s) like %s escape '\\' or lower(%s) like %s escape '\\'"
                            + " or lower(concat(%s, ' ', %s)) like %s escape '\\')").formatted(given, p, family, p, given, family, p);
        }
        params.and(parameter, "% " + lower + "%");
        String words = given == null || family == null ? "concat(' ', %s)".formatted(given == null ? family : given)
                : "concat(' ', %s, ' ', %s)".formatted(given, family);
        return "lower(%s) like %s escape '\\'".formatted(words, p);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
