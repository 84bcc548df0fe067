package care.iop.gateway.fhir;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.vertx.core.MultiMap;

/**
 * Reads the query parameters of the gateway's own FHIR operations as the services read theirs: an unknown parameter is
 * a 400 (FHIR allows ignoring it; we are strict, so a typo never widens an answer), except {@code _format} and
 * {@code _pretty}; a bad value is a 400 naming the parameter ({@link BadFhirRequest}).
 */
public final class FhirParameters {
    private static final Set<String> ALWAYS_ALLOWED = Set.of("_format", "_pretty");

    private final MultiMap params;

    public FhirParameters(MultiMap params, Set<String> known) {
        this.params = params;
        for (String name : params.names()) {
            if (!known.contains(name) && !ALWAYS_ALLOWED.contains(name)) {
                throw BadFhirRequest.notSupported(name, "Unknown parameter '" + name + "'; this operation takes " + String.join(", ", known) + ".");
            }
            if (params.getAll(name).size() > 1) {
                throw BadFhirRequest.invalid(name, "Give '" + name + "' once.");
            }
        }
    }

    public String get(String name) {
        String value = params.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * {@code _count}: {@code fallback} when absent, at most {@code max} (FHIR lets a server return fewer than asked), 0 for
     * the total alone; not a whole number, or negative: 400.
     */
    public int count(String name, int fallback, int max) {
        return Math.min(integer(name, fallback, 0, Integer.MAX_VALUE), max);
    }

    /** A whole number from {@code min} to {@code max}, {@code fallback} when absent. */
    public int integer(String name, int fallback, int min, int max) {
        String value = get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw BadFhirRequest.invalid(name, "'" + name + "' must be a whole number from " + min + " to " + max + ".");
    }

    /**
     * A FHIR instant (date, time and offset: {@code 2026-01-01T00:00:00Z}), as given, or null when absent. A {@code +} of
     * the offset that was not percent-encoded arrives as a space and is read as the {@code +} it was.
     */
    public String instant(String name) {
        String given = params.get(name);
        if (given == null || given.isBlank()) {
            return null;
        }
        String value = given.trim().replace(' ', '+');
        try {
            OffsetDateTime.parse(value);
            return value;
        } catch (DateTimeParseException e) {
            throw BadFhirRequest.invalid(name, "'" + name + "' must be an instant with a time zone, e.g. 2026-01-01T00:00:00Z.");
        }
    }

    /** A comma-separated list of resource types, each one the API serves; empty when absent. */
    public Set<String> types(String name) {
        String value = get(name);
        Set<String> types = new LinkedHashSet<>();
        if (value == null) {
            return types;
        }
        for (String type : value.split(",")) {
            String trimmed = type.trim();
            if (!FhirTypes.OWNERS.containsKey(trimmed)) {
                throw BadFhirRequest.notSupported(name, "'" + trimmed + "' is not a resource type this server exports; it serves "
                        + String.join(", ", FhirTypes.types()) + ".");
            }
            types.add(trimmed);
        }
        return types;
    }

    /** Whether the value is one of {@code allowed} (when given). */
    public String oneOf(String name, List<String> allowed) {
        String value = get(name);
        if (value != null && !allowed.contains(value)) {
            throw BadFhirRequest.notSupported(name, "'" + name + "' must be one of " + String.join(", ", allowed) + ".");
        }
        return value;
    }
}
