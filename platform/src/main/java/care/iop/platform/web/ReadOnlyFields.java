package care.iop.platform.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.platform.problem.FieldError;
import care.iop.platform.problem.ProblemException;
import care.iop.problems.ProblemType;

/**
 * Read-modify-write (docs/gateway.md): a PUT accepts the representation its GET returned. A request record declares the
 * GET's read-only fields too, each marked {@code @Schema(readOnly = true)} (so the OpenAPI document says which they are).
 * The rule, the same for every PUT:
 * <ul>
 * <li>a read-only field left out, or equal to the current representation's field of the same name, is accepted (and
 * changes nothing);</li>
 * <li>{@value #VERSION} differing from the current version is 412 precondition-failed, as a stale {@code If-Match};</li>
 * <li>any other read-only field differing is 400 validation-error naming every such field ({@link #CHANGED});</li>
 * <li>on create (POST) there is no current representation: a read-only field sent is 400 ({@link #SET_BY_SERVER}).</li>
 * </ul>
 * Unknown fields stay refused (400) by the JSON layer. Values are compared as JSON would show them: enums by name, times
 * by instant, numbers by value.
 */
public final class ReadOnlyFields {
    public static final String VERSION = "version";
    public static final String CHANGED = "read-only: differs from the current value; send what GET returned or leave it out";
    public static final String SET_BY_SERVER = "read-only: set by the server; leave it out";

    private static final ClassValue<List<RecordComponent>> READ_ONLY = new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return List.of();
            }
            return Arrays.stream(type.getRecordComponents()).filter(ReadOnlyFields::isReadOnly).toList();
        }
    };

    private ReadOnlyFields() {
    }

    /** POST: refuses (400) every read-only field the request carries. */
    public static void requireAbsent(Record request) {
        List<FieldError> errors = READ_ONLY.get(request.getClass()).stream()
                .filter(component -> read(component, request) != null)
                .map(component -> new FieldError(component.getName(), SET_BY_SERVER))
                .toList();
        fail(errors);
    }

    /** PUT: compares the request's read-only fields with {@code current}, the representation GET returns now. */
    public static Check check(Record request, Record current) {
        return new Check(request, current);
    }

    /** The names of a request type's read-only fields, in declaration order. */
    public static List<String> of(Class<? extends Record> requestType) {
        return READ_ONLY.get(requestType).stream().map(RecordComponent::getName).toList();
    }

    /** One comparison of a request with the current representation; {@link #verify()} runs it. */
    public static final class Check {
        private final Record request;
        private final Record current;
        private final Map<String, Object> computed = new HashMap<>();
        private final List<FieldError> nested = new ArrayList<>();

        private Check(Record request, Record current) {
            this.request = request;
            this.current = current;
        }

        /** A read-only field the representation gets outside its record (e.g. {@code part2Notice}, added by a filter). */
        public Check computed(String name, Object currentValue) {
            computed.put(name, currentValue);
            return this;
        }

        /** A read-only field inside a list or object ({@code attendees[0].billingCode}): refused when sent and different. */
        public Check nested(String path, Object sent, Object currentValue) {
            if (sent != null && !same(sent, currentValue)) {
                nested.add(new FieldError(path, CHANGED));
            }
            return this;
        }

        /** 412 when {@value #VERSION} differs, else 400 naming every other read-only field that differs. */
        public void verify() {
            List<FieldError> errors = new ArrayList<>();
            for (RecordComponent component : READ_ONLY.get(request.getClass())) {
                Object sent = read(component, request);
                if (sent == null) {
                    continue;
                }
                String name = component.getName();
                Object now = computed.containsKey(name) ? computed.get(name) : currentValue(name);
                if (same(sent, now)) {
                    continue;
                }
                if (VERSION.equals(name)) {
                    throw new ProblemException(ProblemType.PRECONDITION_FAILED, "version: the body names version " + sent
                            + " but the resource is at version " + now + "; read it again and retry");
                }
                errors.add(new FieldError(name, CHANGED));
            }
            errors.addAll(nested);
            fail(errors);
        }

        private Object currentValue(String name) {
            for (RecordComponent component : current.getClass().getRecordComponents()) {
                if (component.getName().equals(name)) {
                    return read(component, current);
                }
            }
            throw new IllegalStateException(request.getClass().getSimpleName() + "." + name + " is read-only but "
                    + current.getClass().getSimpleName() + " has no such field");
        }
    }

    /** True when {@code sent} shows as the same JSON value as {@code current}. */
    static boolean same(Object sent, Object current) {
        return Objects.equals(normalize(sent), normalize(current));
    }

    private static Object normalize(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof ZonedDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return d;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ReadOnlyFields::normalize).toList();
        }
        if (value instanceof Record record) {
            Map<String, Object> fields = new HashMap<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                fields.put(component.getName(), normalize(read(component, record)));
            }
            return fields;
        }
        return value;
    }

    private static void fail(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            List<FieldError> sorted = errors.stream().sorted(java.util.Comparator.comparing(FieldError::field)).toList();
            throw new ProblemException(ProblemType.VALIDATION,
                    sorted.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), sorted);
        }
    }

    private static boolean isReadOnly(RecordComponent component) {
        Schema schema = component.getAccessor().getAnnotation(Schema.class);
        return schema != null && schema.readOnly();
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component, e);
        }
    }
}
