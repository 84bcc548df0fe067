package care.iop.fhir;

import io.vertx.core.MultiMap;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses FHIR search parameter values (R4 3.1.1.4 and 3.1.1.5); a value that does not parse is a 400 naming the
 * parameter. We are strict about unknown parameters (FHIR lets a server ignore them, but then a typo silently widens a
 * search, which for patient data is the wrong way to fail).
 */
public final class FhirSearch {
    public static final int DEFAULT_COUNT = 20;
    public static final int MAX_COUNT = 100;
    /** Parameters every search accepts besides its own. */
    public static final Set<String> COMMON = Set.of("_count", "_offset", "_format", "_pretty", "_summary", "_lastUpdated",
            "_include", "_total", "_elements");
    private static final Pattern DATE = Pattern.compile("^(eq|ne|gt|lt|ge|le|sa|eb|ap)?(\\d{4}(-\\d{2}(-\\d{2}(T.*)?)?)?)$");

    private FhirSearch() {
    }

    public static int count(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_COUNT;
        }
        int count = integer("_count", value);
        return Math.min(Math.max(count, 0), MAX_COUNT);
    }

    public static int offset(String value) {
        return value == null || value.isBlank() ? 0 : Math.max(integer("_offset", value), 0);
    }

    public static Token token(String name, String value) {
        if (value == null || value.isBlank()) {
            throw FhirException.badRequest("Search parameter " + name + " has no value", name);
        }
        int bar = value.indexOf('|');
        return bar < 0 ? new Token(null, value) : new Token(value.substring(0, bar), value.substring(bar + 1));
    }

    /** A reference parameter: {@code Type/id}, {@code id} or an absolute URL ending in {@code Type/id}. */
    public static UUID reference(String name, String value, String type) {
        if (value == null || value.isBlank()) {
            throw FhirException.badRequest("Search parameter " + name + " has no value", name);
        }
        String id = value;
        int slash = value.lastIndexOf('/');
        if (slash >= 0) {
            String before = value.substring(0, slash);
            if (!before.equals(type) && !before.endsWith("/" + type)) {
                throw FhirException.badRequest("Search parameter " + name + " must reference a " + type + ", got " + value, name);
            }
            id = value.substring(slash + 1);
        }
        return uuid(name, id);
    }

    public static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw FhirException.badRequest("Search parameter " + name + " must be a resource id (a UUID), got " + value, name);
        }
    }

    /**
     * The range a date parameter's values select, intersected (prefixes eq, gt, ge, lt, le, sa, eb; a partial date covers
     * its whole year, month or day in {@code zone}). {@code ne} and {@code ap} are refused as not supported.
     */
    public static DateRange dates(String name, List<String> values, ZoneId zone) {
        DateRange range = DateRange.ALL;
        if (values == null) {
            return range;
        }
        for (String value : values) {
            range = range.intersect(date(name, value, zone));
        }
        return range;
    }

    static DateRange date(String name, String value, ZoneId zone) {
        Matcher m = DATE.matcher(value == null ? "" : value);
        if (!m.matches()) {
            throw FhirException.badRequest("Search parameter " + name + " must be a FHIR date with an optional prefix, got " + value, name);
        }
        String prefix = m.group(1) == null ? "eq" : m.group(1);
        DateRange span = span(name, m.group(2), zone);
        return switch (prefix) {
            case "eq" -> span;
            case "ge" -> new DateRange(span.from(), null);
            case "gt", "sa" -> new DateRange(span.to(), null);
            case "le" -> new DateRange(null, span.to());
            case "lt", "eb" -> new DateRange(null, span.from());
            default -> throw FhirException.notSupported("Prefix " + prefix + " is not supported on " + name, name);
        };
    }

    private static DateRange span(String name, String text, ZoneId zone) {
        try {
            if (text.length() == 4) {
                LocalDate start = LocalDate.of(Integer.parseInt(text), 1, 1);
                return new DateRange(start.atStartOfDay(zone).toInstant(), start.plusYears(1).atStartOfDay(zone).toInstant());
            }
            if (text.length() == 7) {
                YearMonth month = YearMonth.parse(text);
                return new DateRange(month.atDay(1).atStartOfDay(zone).toInstant(),
                        month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
            }
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return new DateRange(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
            }
            Instant instant = text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$")
                    ? OffsetDateTime.parse(text).toInstant()
                    : java.time.LocalDateTime.parse(text).atZone(zone).toInstant();
            return new DateRange(instant, instant.plusSeconds(1));
        } catch (java.time.DateTimeException e) {
            throw FhirException.badRequest("Search parameter " + name + " is not a valid date: " + text, name);
        }
    }

    /** {@code _lastUpdated}, compared in UTC. */
    public static DateRange lastUpdated(List<String> values) {
        return dates("_lastUpdated", values, ZoneOffset.UTC);
    }

    /** 400 naming the first parameter that is neither one of {@code known} nor {@link #COMMON}. */
    public static void rejectUnknown(MultiMap parameters, Set<String> known) {
        for (String name : parameters.names()) {
            String base = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
            if (!known.contains(base) && !COMMON.contains(base)) {
                throw FhirException.badRequest("Search parameter " + name + " is not supported here; supported: "
                        + new java.util.TreeSet<>(known), name);
            }
        }
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw FhirException.badRequest("Search parameter " + name + " must be an integer, got " + value, name);
        }
    }
}
