package care.iop.plan.risk.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Stores the sections of a safety plan as one JSON document, with a mapper of its own: the stored shape must not follow
 * whatever the REST layer's JSON settings become.
 */
@Converter
public class SafetyPlanSectionsConverter implements AttributeConverter<SafetyPlanSections, String> {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(SafetyPlanSections sections) {
        try {
            return sections == null ? null : JSON.writeValueAsString(sections);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the safety plan's sections", e);
        }
    }

    @Override
    public SafetyPlanSections convertToEntityAttribute(String json) {
        try {
            return json == null ? null : JSON.readValue(json, SafetyPlanSections.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the safety plan's sections", e);
        }
    }
}
