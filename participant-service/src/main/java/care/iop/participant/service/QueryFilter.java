package care.iop.participant.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.quarkus.panache.common.Parameters;

/**
 * The where clause of a search being built: conditions joined by {@code and}, with their named parameters. A filter
 * whose value is null is no condition; an empty list of allowed values is a condition no row meets.
 */
final class QueryFilter {
    private final List<String> conditions = new ArrayList<>();
    final Parameters params = new Parameters();

    QueryFilter add(String condition) {
        conditions.add(condition);
        return this;
    }

    QueryFilter equal(String field, Object value) {
        if (value != null) {
            conditions.add(field + " = :" + field);
            params.and(field, value);
        }
        return this;
    }

    QueryFilter in(String field, Collection<?> values) {
        if (values != null) {
            if (values.isEmpty()) {
                conditions.add("1 = 0");
            } else {
                conditions.add(field + " in :" + field + "List");
                params.and(field + "List", values);
            }
        }
        return this;
    }

    /** {@code field} at or after {@code from} and before {@code before}, either open (null). */
    QueryFilter range(String field, Object from, Object before) {
        if (from != null) {
            conditions.add(field + " >= :" + field + "From");
            params.and(field + "From", from);
        }
        if (before != null) {
            conditions.add(field + " < :" + field + "Before");
            params.and(field + "Before", before);
        }
        return this;
    }

    /**
     * The comma-separated list in {@code field} holds one of {@code values} (upper case, without dots and spaces: the list
     * is compared so); an empty set of values is a condition no row meets. The values become LIKE patterns, so they must
     * not contain {@code %} or {@code _}.
     */
    QueryFilter listHoldsAny(String field, Collection<String> values) {
        if (values != null) {
            if (values.isEmpty()) {
                conditions.add("1 = 0");
                return this;
            }
            String list = "concat(',', replace(replace(upper(%s), '.', ''), ' ', ''), ',')".formatted(field);
            List<String> any = new ArrayList<>();
            int i = 0;
            for (String value : values) {
                if (value.contains("%") || value.contains("_")) {
                    throw new IllegalArgumentException("not a list item: " + value);
                }
                String parameter = field + "Item" + i++;
                any.add(list + " like :" + parameter);
                params.and(parameter, "%," + value + ",%");
            }
            conditions.add("(" + String.join(" or ", any) + ")");
        }
        return this;
    }

    QueryFilter name(NameMatch match, String given, String family, String parameter) {
        if (match != null) {
            conditions.add(match.condition(given, family, parameter, params));
        }
        return this;
    }

    String where() {
        return String.join(" and ", conditions);
    }
}
