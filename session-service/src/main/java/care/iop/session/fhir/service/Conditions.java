package care.iop.session.fhir.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Query;

import care.iop.session.fhir.domain.TimeWindow;

/**
 * The where clause of a search, built from optional criteria with named parameters: a criterion left null adds nothing,
 * an empty set of allowed values matches nothing.
 */
final class Conditions {
    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    /** A clause that always applies, with its parameters (name, value, name, value...). */
    Conditions and(String clause, Object... nameValues) {
        clauses.add(clause);
        for (int i = 0; i < nameValues.length; i += 2) {
            parameters.put((String) nameValues[i], nameValues[i + 1]);
        }
        return this;
    }

    /** {@code clause} with {@code name} bound to {@code value}, unless {@code value} is null; an empty set matches nothing. */
    Conditions andIf(Object value, String clause, String name) {
        if (value == null) {
            return this;
        }
        if (value instanceof Collection<?> values && values.isEmpty()) {
            clauses.add("1 = 0");
            return this;
        }
        return and(clause, name, value);
    }

    /**
     * The window's ends: {@code fromClause} with {@code :<name>From} (inclusive) and {@code toClause} with {@code :<name>To}
     * (exclusive), each only when that end is given.
     */
    Conditions window(TimeWindow window, String fromClause, String toClause, String name) {
        if (window == null) {
            return this;
        }
        andIf(window.from(), fromClause, name + "From");
        return andIf(window.to(), toClause, name + "To");
    }

    /** An instant parameter. */
    Conditions bind(String name, OffsetDateTime value) {
        parameters.put(name, value);
        return this;
    }

    String where() {
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    <Q extends Query> Q bindTo(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
