package care.iop.session.fhir.rest;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.iop.fhir.DateRange;
import care.iop.fhir.FhirException;
import care.iop.fhir.FhirSearch;
import care.iop.session.fhir.domain.TimeWindow;
import io.vertx.core.MultiMap;

/**
 * The parameters of one FHIR search, read with the foundation's {@link FhirSearch}: unknown parameters are a 400; a
 * parameter given twice must match both (AND), the comma-separated values of one must match one of them (OR).
 */
final class SearchQuery {
    private final MultiMap parameters;

    SearchQuery(MultiMap parameters, Set<String> known) {
        FhirSearch.rejectUnknown(parameters, known);
        this.parameters = parameters;
    }

    int count() {
        return FhirSearch.count(parameters.get("_count"));
    }

    int offset() {
        return FhirSearch.offset(parameters.get("_offset"));
    }

    /** The ids of {@code type} a reference parameter allows; null when absent. */
    Set<UUID> references(String name, String type) {
        return allowed(name, value -> FhirSearch.reference(name, value, type));
    }

    /** The ids {@code _id} allows; null when absent. An id that is not one of ours (not a UUID) matches nothing. */
    Set<UUID> ids() {
        return allowed("_id", value -> uuidOrNull(FhirSearch.token("_id", value).code()));
    }

    /** The codes of a token parameter whose system is {@code system} (or not given); null when absent. */
    Set<String> tokens(String name, String system) {
        return allowed(name, value -> {
            var token = FhirSearch.token(name, value);
            return token.system() == null || token.system().equals(system) ? token.code() : null;
        });
    }

    static UUID uuidOrNull(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The codes a token parameter allows (its system, when given, must be {@code system}); null when absent; 400 for an unknown code. */
    Set<String> codes(String name, String system, Set<String> known) {
        return allowed(name, value -> {
            var token = FhirSearch.token(name, value);
            if (token.system() != null && !token.system().equals(system)) {
                return null;
            }
            if (!known.contains(token.code())) {
                throw FhirException.badRequest("Search parameter " + name + " takes one of " + known + ", got " + token.code(), name);
            }
            return token.code();
        });
    }

    /** The window a date parameter selects, days taken in {@code zone}. */
    TimeWindow dates(String name, ZoneId zone) {
        return window(FhirSearch.dates(name, parameters.getAll(name), zone));
    }

    TimeWindow lastUpdated() {
        return window(FhirSearch.lastUpdated(parameters.getAll("_lastUpdated")));
    }

    /** The {@code _include} values asked for; 400 (not supported) for one not in {@code supported}. */
    Set<String> includes(Set<String> supported) {
        Set<String> includes = new LinkedHashSet<>();
        for (String value : parameters.getAll("_include")) {
            if (!supported.contains(value)) {
                throw FhirException.notSupported("_include=" + value + " is not supported here; supported: " + supported, "_include");
            }
            includes.add(value);
        }
        return includes;
    }

    private static TimeWindow window(DateRange range) {
        return new TimeWindow(range.from() == null ? null : range.from().atOffset(ZoneOffset.UTC),
                range.to() == null ? null : range.to().atOffset(ZoneOffset.UTC));
    }

    /** Each occurrence of {@code name} is an OR of its comma-separated values (null: matches nothing); the occurrences AND. */
    private <T> Set<T> allowed(String name, java.util.function.Function<String, T> parse) {
        List<String> occurrences = parameters.getAll(name);
        if (occurrences.isEmpty()) {
            return null;
        }
        Set<T> allowed = null;
        for (String occurrence : occurrences) {
            Set<T> values = new HashSet<>();
            for (String value : occurrence.split(",", -1)) {
                T parsed = parse.apply(value.trim());
                if (parsed != null) {
                    values.add(parsed);
                }
            }
            if (allowed == null) {
                allowed = values;
            } else {
                allowed.retainAll(values);
            }
        }
        return allowed;
    }
}
