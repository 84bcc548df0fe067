package care.iop.plan.measurement.domain;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Stores a plan's own instrument schedules as a JSON text column ({@code [{"instrument":"PHQ9","rule":"EVERY_DAYS","everyDays":7}]}). */
@Converter
public class ScheduleEntriesConverter implements AttributeConverter<List<InstrumentSchedule>, String> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<InstrumentSchedule>> TYPE = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<InstrumentSchedule> entries) {
        try {
            return entries == null ? null : JSON.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an assessment schedule", e);
        }
    }

    @Override
    public List<InstrumentSchedule> convertToEntityAttribute(String column) {
        try {
            return column == null || column.isBlank() ? List.of() : JSON.readValue(column, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read an assessment schedule", e);
        }
    }
}
