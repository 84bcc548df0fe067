package care.iop.fhir;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** What one bulk export part asks a service for: resource types, changed since (null: all), patients (empty: all). */
public record ExportQuery(Set<String> types, Instant since, Set<UUID> patients) {
    public boolean wants(String type) {
        return types.isEmpty() || types.contains(type);
    }
}
