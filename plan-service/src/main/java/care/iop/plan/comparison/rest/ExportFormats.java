package care.iop.plan.comparison.rest;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.plan.comparison.domain.ExportRow;

/**
 * Writes export rows as NDJSON (one JSON object per line, absent values left out) or RFC 4180 CSV (one column per field
 * of {@link ExportRow}, in its order, empty cells for absent values). Shares are rounded to 4 decimals, slopes to 3.
 */
@ApplicationScoped
public class ExportFormats {
    static final List<String> COLUMNS = java.util.Arrays.stream(ExportRow.class.getRecordComponents()).map(RecordComponent::getName).toList();

    @Inject
    ObjectMapper json;

    String ndjson(List<ExportRow> rows) {
        StringBuilder out = new StringBuilder();
        for (ExportRow row : rows) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fieldsOf(row).forEach((name, value) -> {
                if (value != null) {
                    fields.put(name, value);
                }
            });
            try {
                out.append(json.writeValueAsString(fields)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write an export row", e);
            }
        }
        return out.toString();
    }

    String csv(List<ExportRow> rows) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (ExportRow row : rows) {
            StringJoiner line = new StringJoiner(",");
            fieldsOf(row).values().forEach(v -> line.add(cell(v)));
            out.append(line).append("\r\n");
        }
        return out.toString();
    }

    /** An RFC 4180 cell: quoted when it holds a comma, a quote or a line break. */
    static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        return text.matches("[^,\"\r\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** The row's fields by name, in declaration order. */
    static Map<String, Object> fieldsOf(ExportRow row) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent component : ExportRow.class.getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(row);
                if (value instanceof Double d) {
                    value = ComparisonViews.round(d, component.getName().startsWith("slope") ? 3 : 4);
                }
                fields.put(component.getName(), value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return fields;
    }
}
