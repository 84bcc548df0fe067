package care.iop.platform.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import care.iop.platform.problem.ProblemException;

/**
 * Path and query parameters of type UUID, Integer, LocalDate, OffsetDateTime, Instant or an enum: a bad value is a 400
 * naming the parameter; dates outside the years 1-9999 are bad values (they cannot be stored or compared faithfully).
 */
@Provider
public class ParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, UUID::fromString, "must be a UUID");
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) converter(name, Integer::valueOf, "must be a whole number");
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, value -> storable(LocalDate.parse(value)), "must be a date like 2026-12-01, in years 1-9999");
        }
        if (rawType == OffsetDateTime.class) {
            return (ParamConverter<T>) converter(name, value -> storable(OffsetDateTime.parse(value)),
                    "must be a date-time like 2026-12-01T09:00:00Z, in years 1-9999");
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) converter(name, value -> storable(Instant.parse(value)),
                    "must be an instant like 2026-12-01T09:00:00Z, in years 1-9999");
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> enumType = (Class<? extends Enum>) rawType;
            String allowed = Arrays.stream(enumType.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            return (ParamConverter<T>) converter(name, value -> Enum.valueOf(enumType, value), "must be one of " + allowed);
        }
        return null;
    }

    /** Years PostgreSQL and the JDBC driver store faithfully and people mean: 1 to 9999 (ISO 8601 without expansion). */
    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;

    /** {@code date} when its year is storable; else an IllegalArgumentException (400 for a parameter). */
    public static LocalDate storable(LocalDate date) {
        if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
            throw new IllegalArgumentException("year out of range");
        }
        return date;
    }

    private static OffsetDateTime storable(OffsetDateTime time) {
        storable(time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
        return time;
    }

    private static Instant storable(Instant instant) {
        storable(instant.atOffset(ZoneOffset.UTC));
        return instant;
    }

    private static <T> ParamConverter<T> converter(String name, Function<String, T> parse, String message) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value.trim());
                } catch (RuntimeException e) {
                    throw ProblemException.invalidField(name, message);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static String parameterName(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof PathParam path) {
                    return path.value();
                }
                if (annotation instanceof QueryParam query) {
                    return query.value();
                }
            }
        }
        return "parameter";
    }
}
