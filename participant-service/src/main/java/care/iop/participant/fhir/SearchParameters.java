package care.iop.participant.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import care.iop.fhir.DateRange;
import care.iop.fhir.FhirException;
import care.iop.fhir.FhirSearch;
import care.iop.participant.service.NameMatch;
import io.vertx.core.MultiMap;

/**
 * The query of one FHIR search of this service, read strictly on top of {@link FhirSearch}: unknown parameters, a
 * modifier other than {@code :exact} / {@code :contains} on a string parameter (none on the others), a parameter given
 * twice (except dates, whose values intersect) and several values where one is supported are each a 400 naming the
 * parameter; {@code _include} names only what the search supports.
 */
final class SearchParameters {
    private static final Set<String> STRING_MODIFIERS = Set.of("exact", "contains");
    private final MultiMap params;

    private SearchParameters(MultiMap params) {
        this.params = params;
    }

    /**
     * @param known   the search's own parameters (besides {@link FhirSearch#COMMON})
     * @param strings those of {@code known} that are string parameters (they take the modifiers)
     */
    static SearchParameters of(MultiMap params, Set<String> known, Set<String> strings) {
        FhirSearch.rejectUnknown(params, known);
        for (String name : params.names()) {
            int colon = name.indexOf(':');
            if (colon >= 0 && !(strings.contains(name.substring(0, colon)) && STRING_MODIFIERS.contains(name.substring(colon + 1)))) {
                throw FhirException.notSupported("Modifier " + name.substring(colon) + " is not supported on " + name.substring(0, colon), name);
            }
        }
        return new SearchParameters(params);
    }

    int count() {
        return FhirSearch.count(only("_count").orElse(null));
    }

    int offset() {
        return FhirSearch.offset(only("_offset").orElse(null));
    }

    /** The one value of a parameter (a comma is an OR of several values: 400, one is supported here). */
    Optional<String> single(String name) {
        Optional<String> value = only(name);
        value.filter(v -> v.replace("\\,", "").contains(",")).ifPresent(v -> {
            throw FhirException.notSupported("Search parameter " + name + " takes one value here (no comma-separated list)", name);
        });
        return value.map(v -> v.replace("\\,", ","));
    }

    /** The comma-separated values of a parameter given once; empty when absent. */
    List<String> list(String name) {
        return only(name).map(v -> List.of(v.split(","))).orElse(List.of()).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    /** The ids {@code _id} lists (a value that is no UUID names no resource here); empty when absent. */
    Optional<Set<UUID>> ids() {
        if (!params.contains("_id")) {
            return Optional.empty();
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (String value : list("_id")) {
            uuidOrNull(value).ifPresent(ids::add);
        }
        return Optional.of(ids);
    }

    /** A string parameter with its modifier: word start (FHIR's default), {@code :exact} or {@code :contains}. */
    Optional<NameMatch> string(String name) {
        Optional<NameMatch> found = Optional.empty();
        for (String modifier : new String[] { "", ":exact", ":contains" }) {
            Optional<String> value = single(name + modifier);
            if (value.isPresent()) {
                if (found.isPresent()) {
                    throw FhirException.notSupported("Search parameter " + name + " may be given once, with one modifier", name);
                }
                if (value.get().isBlank()) {
                    throw FhirException.badRequest("Search parameter " + name + modifier + " has no value", name + modifier);
                }
                found = Optional.of(switch (modifier) {
                    case ":exact" -> NameMatch.exact(value.get());
                    case ":contains" -> NameMatch.contains(value.get());
                    default -> NameMatch.starts(value.get());
                });
            }
        }
        return found;
    }

    /** {@code _lastUpdated} (its values intersect). */
    DateRange lastUpdated() {
        return FhirSearch.lastUpdated(params.getAll("_lastUpdated"));
    }

    /** Days from (inclusive) and before (exclusive), either open (null). */
    record Days(LocalDate from, LocalDate before) {
    }

    /** A date parameter (its values intersect) as the days it covers. */
    Days days(String name) {
        DateRange range = FhirSearch.dates(name, params.getAll(name), ZoneOffset.UTC);
        return new Days(range.from() == null ? null : LocalDate.ofInstant(range.from(), ZoneOffset.UTC),
                range.to() == null ? null : ceilingDay(range.to()));
    }

    /** The {@code _include} values asked for, each one of {@code supported} (else 400 naming {@code _include}). */
    Set<String> includes(Set<String> supported) {
        Set<String> asked = new LinkedHashSet<>();
        for (String value : params.getAll("_include")) {
            if (!supported.contains(value)) {
                throw FhirException.notSupported("_include=" + value + " is not supported here; supported: " + supported, "_include");
            }
            asked.add(value);
        }
        return asked;
    }

    boolean has(String name) {
        return params.contains(name);
    }

    private Optional<String> only(String name) {
        List<String> values = params.getAll(name);
        if (values.size() > 1) {
            throw FhirException.notSupported("Search parameter " + name + " may be given once here", name);
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    static Optional<UUID> uuidOrNull(String value) {
        try {
            return Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static LocalDate ceilingDay(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().equals(instant) ? day : day.plusDays(1);
    }
}
