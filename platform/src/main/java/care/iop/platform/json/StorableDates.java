package care.iop.platform.json;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import care.iop.platform.web.ParamConverters;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every date and date-time in a request body lies in the years 1-9999, as for query parameters ({@link ParamConverters}):
 * ISO 8601 lets {@code +999999999-12-31} and {@code -10000-01-01} through, which PostgreSQL cannot store and date
 * arithmetic overflows on. Out of range is a 400 naming the field ({@link YearOutOfRange}), in every service and for every
 * field, before any rule runs, instead of a 500 from the database.
 */
@Singleton
public class StorableDates implements ObjectMapperCustomizer {
    public static final String MESSAGE = "must be a date in the years " + ParamConverters.MIN_YEAR + "-" + ParamConverters.MAX_YEAR;

    /** Last, after Quarkus registers the Java time module: the module registered last decides a type's deserializer. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("storable-dates");
        module.addDeserializer(LocalDate.class, new Checked<>(LocalDate.class, LocalDateDeserializer.INSTANCE, LocalDate::getYear));
        module.addDeserializer(OffsetDateTime.class, new Checked<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME,
                time -> time.withOffsetSameInstant(ZoneOffset.UTC).getYear()));
        mapper.registerModule(module);
    }

    /** A year outside 1-9999: the problem says {@link #MESSAGE} for the field. */
    public static final class YearOutOfRange extends InvalidFormatException {
        YearOutOfRange(JsonParser parser, Object value, Class<?> type) {
            super(parser, MESSAGE, value, type);
        }
    }

    /** The standard deserializer, then the year check. */
    private static final class Checked<T> extends StdDeserializer<T> {
        private final JsonDeserializer<? extends T> delegate;
        private final Function<T, Integer> year;

        Checked(Class<T> type, JsonDeserializer<? extends T> delegate, Function<T, Integer> year) {
            super(type);
            this.delegate = delegate;
            this.year = year;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getText();
            T value = delegate.deserialize(parser, context);
            if (value != null) {
                int y = year.apply(value);
                if (y < ParamConverters.MIN_YEAR || y > ParamConverters.MAX_YEAR) {
                    throw new YearOutOfRange(parser, text, handledType());
                }
            }
            return value;
        }
    }
}
