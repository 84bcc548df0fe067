package care.iop.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which upstream serves which path prefix. */
public final class Routes {
    public static final Map<String, String> PREFIXES;

    static {
        Map<String, String> prefixes = new LinkedHashMap<>();
        prefixes.put("/api/v1/patients", "participant");
        prefixes.put("/api/v1/clinicians", "participant");
        prefixes.put("/api/v1/plans", "plan");
        prefixes.put("/api/v1/assessments", "plan");
        prefixes.put("/api/v1/outcomes", "plan");
        prefixes.put("/api/v1/episodes", "plan");
        prefixes.put("/api/v1/follow-ups", "plan");
        prefixes.put("/api/v1/sessions", "session");
        prefixes.put("/api/v1/session-series", "session");
        prefixes.put("/api/v1/schedules", "session");
        prefixes.put("/api/v1/notes", "session");
        prefixes.put("/api/v1/assessments-due", "plan");
        prefixes.put("/api/v1/discharge-summaries", "plan");
        prefixes.put("/api/v1/risk-screens", "plan");
        prefixes.put("/api/v1/safety-plans", "plan");
        PREFIXES = java.util.Collections.unmodifiableMap(prefixes);
    }

    /**
     * Paths under one service's prefix that another service serves (Vert.x route paths, registered before the prefixes):
     * a patient's assessments due, discharge summary and safety plan are plan-service's, under participant-service's
     * {@code /api/v1/patients}.
     */
    public static final Map<String, String> NESTED = Map.of(
            "/api/v1/patients/:patientId/assessments-due", "plan",
            "/api/v1/patients/:patientId/discharge-summary", "plan",
            "/api/v1/patients/:patientId/discharge-summary/signature", "plan",
            "/api/v1/patients/:patientId/safety-plan", "plan");

    /**
     * The services' worklist faces, {@code /api/v1/worklists/clinicians/{clinicianId}/<segment>}, by their last segment. The
     * rest of {@code /api/v1/worklists} is the gateway's own merge of them (worklist/WorklistMerge).
     */
    public static final Map<String, String> WORKLIST_ITEMS;
    public static final String WORKLISTS = "/api/v1/worklists";

    static {
        Map<String, String> items = new LinkedHashMap<>();
        items.put("plan-items", "plan");
        items.put("session-items", "session");
        WORKLIST_ITEMS = java.util.Collections.unmodifiableMap(items);
    }

    private Routes() {
    }

    /** The upstream services, each once, in a stable order. */
    public static List<String> upstreamNames() {
        return PREFIXES.values().stream().distinct().toList();
    }

    /** The gateway's own paths, named as they are in the metrics: its audit endpoints and those outside {@code /api/}. */
    private static final java.util.Set<String> OWN_PATHS = java.util.Set.of("/api/v1/audit", "/api/v1/audit/verify",
            "/q/openapi", "/q/asyncapi", "/q/swagger-ui", "/q/metrics", "/q/health", "/q/health/live", "/q/health/ready", "/q/health/started", "/q/health/well");

    /**
     * The route a path belongs to, for metrics, from a bounded set: {@code /api/v1/plans}, {@code /api/v1/plans/*},
     * the audit paths, {@code /api/v1/worklists/me}, {@code /api/v1/worklists/clinicians/*}, {@code /api/*}; outside the API the gateway's own paths, {@code /q/swagger-ui/*}, else {@code /*}.
     */
    public static String templateFor(String path) {
        if (OWN_PATHS.contains(path)) {
            return path;
        }
        if (path.startsWith("/fhir/")) {
            return care.iop.gateway.fhir.FhirTypes.templateFor(path);
        }
        if (!path.startsWith("/api/")) {
            return path.startsWith("/q/swagger-ui/") ? "/q/swagger-ui/*" : "/*";
        }
        if (path.startsWith(WORKLISTS + "/")) {
            return path.equals(WORKLISTS + "/me") ? path : WORKLISTS + "/clinicians/*";
        }
        for (String prefix : PREFIXES.keySet()) {
            if (path.equals(prefix)) {
                return prefix;
            }
            if (path.startsWith(prefix + "/")) {
                return prefix + "/*";
            }
        }
        return "/api/*";
    }

    /** The upstream for a request path: the prefix must match a whole path segment. */
    public static Optional<String> upstreamFor(String path) {
        Optional<String> nested = NESTED.entrySet().stream()
                .filter(e -> path.matches(e.getKey().replaceAll(":[A-Za-z]+", "[^/]+")))
                .map(Map.Entry::getValue)
                .findFirst();
        if (nested.isPresent()) {
            return nested;
        }
        return PREFIXES.entrySet().stream()
                .filter(e -> path.equals(e.getKey()) || path.startsWith(e.getKey() + "/"))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
