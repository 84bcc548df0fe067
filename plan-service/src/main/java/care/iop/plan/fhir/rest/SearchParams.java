package care.iop.plan.fhir.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.vertx.core.MultiMap;

import care.iop.fhir.DateRange;
import care.iop.fhir.FhirException;
import care.iop.fhir.FhirSearch;
import care.iop.fhir.Token;

/**
 * One search's parameters, read with {@link FhirSearch}: only the parameters the type supports, no modifiers
 * ({@code status:not}: ignoring one would widen the search), tokens where commas are alternatives and a repeated
 * parameter narrows, references, dates, {@code _lastUpdated}, {@code _include}, {@code _count} and {@code _offset}.
 */
final class SearchParams {
    private final MultiMap parameters;

    SearchParams(MultiMap parameters, Set<String> supported) {
        this.parameters = parameters;
        FhirSearch.rejectUnknown(parameters, supported);
        for (String name : parameters.names()) {
            if (name.contains(":")) {
                throw FhirException.notSupported("Modifiers are not supported: " + name, name);
            }
        }
    }

    int count() {
        return FhirSearch.count(parameters.get("_count"));
    }

    int offset() {
        return FhirSearch.offset(parameters.get("_offset"));
    }

    /** The id a reference parameter names (the last value when repeated), or null when absent. */
    UUID reference(String name, String type) {
        List<String> values = parameters.getAll(name);
        return values.isEmpty() ? null : FhirSearch.reference(name, values.get(values.size() - 1), type);
    }

    /** The ids {@code _id} selects (null when absent; an id that is not ours selects nothing). */
    Set<UUID> ids() {
        return tokens("_id", null, SearchParams::uuid);
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The values a parameter selects: for each occurrence, the union of its comma-separated values that {@code byValue}
     * knows; occurrences intersect. Null when the parameter is absent (no restriction); empty when nothing can match.
     */
    <T> Set<T> values(String name, Function<String, Optional<T>> byValue) {
        List<String> occurrences = parameters.getAll(name);
        if (occurrences.isEmpty()) {
            return null;
        }
        Set<T> result = null;
        for (String occurrence : occurrences) {
            Set<T> alternatives = new LinkedHashSet<>();
            for (String value : occurrence.split(",")) {
                byValue.apply(value).ifPresent(alternatives::add);
            }
            if (result == null) {
                result = alternatives;
            } else {
                result.retainAll(alternatives);
            }
        }
        return result;
    }

    /** Like {@link #values} for a token parameter: a token counts when its system is absent or {@code system}. */
    <T> Set<T> tokens(String name, String system, Function<String, Optional<T>> byCode) {
        return values(name, value -> {
            Token token = FhirSearch.token(name, value);
            return token.system() == null || token.system().equals(system) ? byCode.apply(token.code()) : Optional.empty();
        });
    }

    /** True unless the parameter is given and none of its tokens is {@code system|code}. */
    boolean tokenAllows(String name, String system, String code) {
        Set<Boolean> match = tokens(name, system, c -> c.equals(code) ? Optional.of(true) : Optional.empty());
        return match == null || !match.isEmpty();
    }

    /** The instants a date parameter selects ({@link FhirSearch#dates}): {@code from} inclusive, {@code before} exclusive, either open. */
    record Window(OffsetDateTime from, OffsetDateTime before) {
        static Window of(DateRange range) {
            return new Window(utc(range.from()), utc(range.to()));
        }

        private static OffsetDateTime utc(Instant instant) {
            return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
        }
    }

    /** A date parameter, partial dates read in {@code zone}. */
    Window dates(String name, ZoneId zone) {
        return Window.of(FhirSearch.dates(name, parameters.getAll(name), zone));
    }

    Window lastUpdated() {
        return Window.of(FhirSearch.lastUpdated(parameters.getAll("_lastUpdated")));
    }

    /** The {@code _include} values asked for; 400 (not supported) for one not in {@code supported}. */
    Set<String> includes(Set<String> supported) {
        Set<String> asked = new HashSet<>(parameters.getAll("_include"));
        for (String include : asked) {
            if (!supported.contains(include)) {
                throw FhirException.notSupported("_include " + include + " is not supported here; supported: " + supported, "_include");
            }
        }
        return asked;
    }
}
