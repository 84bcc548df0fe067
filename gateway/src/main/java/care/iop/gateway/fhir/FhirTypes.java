package care.iop.gateway.fhir;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which service serves which FHIR resource type: each service serves the types of the data it owns, the gateway routes
 * {@code /fhir/R4/<Type>...} by the first segment after the base (docs/fhir.md, "Design").
 */
public final class FhirTypes {
    /** The FHIR base, as clients and the services see it. */
    public static final String BASE = "/fhir/R4";
    /** The gateway's own path segments under the base: a bulk export's status and its files. */
    public static final String EXPORT_STATUS = "$export-status";
    public static final String EXPORT_FILE = "$export-file";

    /** Resource type to upstream service name, grouped by service. */
    public static final Map<String, String> OWNERS;

    static {
        Map<String, String> owners = new LinkedHashMap<>();
        for (String type : List.of("Patient", "Practitioner", "PractitionerRole", "Consent")) {
            owners.put(type, "participant");
        }
        for (String type : List.of("CarePlan", "Goal", "QuestionnaireResponse", "Observation", "Flag")) {
            owners.put(type, "plan");
        }
        for (String type : List.of("Appointment", "Slot", "Schedule", "Group", "Encounter")) {
            owners.put(type, "session");
        }
        OWNERS = Collections.unmodifiableMap(owners);
    }

    private FhirTypes() {
    }

    public static Optional<String> ownerOf(String type) {
        return Optional.ofNullable(OWNERS.get(type));
    }

    public static Collection<String> types() {
        return OWNERS.keySet();
    }

    /** The types a service serves, in table order. */
    public static List<String> typesOf(String upstream) {
        return OWNERS.entrySet().stream().filter(e -> e.getValue().equals(upstream)).map(Map.Entry::getKey).toList();
    }

    /**
     * The route a FHIR path belongs to, for metrics, from a bounded set: {@code /fhir/R4/<Type>} and
     * {@code /fhir/R4/<Type>/*} for the types served, {@code /fhir/R4/metadata}, the export paths, else {@code /fhir/*}.
     */
    public static String templateFor(String path) {
        if (!path.startsWith(BASE + "/")) {
            return "/fhir/*";
        }
        String rest = path.substring(BASE.length() + 1);
        int slash = rest.indexOf('/');
        String first = slash < 0 ? rest : rest.substring(0, slash);
        if (OWNERS.containsKey(first)) {
            return BASE + "/" + first + (slash < 0 ? "" : "/*");
        }
        if (first.equals("metadata") || first.equals(EXPORT_STATUS) || first.equals(EXPORT_FILE)) {
            return BASE + "/" + first + (slash < 0 ? "" : "/*");
        }
        return "/fhir/*";
    }
}
