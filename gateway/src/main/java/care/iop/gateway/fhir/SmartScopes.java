package care.iop.gateway.fhir;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a token's SMART scopes let the gateway's own FHIR operations do. The services check scopes on every interaction
 * (the {@code fhir} module's {@code FhirAccess}); the gateway needs one question of its own, for bulk export: may this
 * caller read every resource of a type as a backend service ({@code system/<Type>.rs}, {@code system/*.cruds},
 * v1 {@code system/<Type>.read} or {@code .*})? The gateway is a plain Vert.x application without the services' platform
 * library, so it reads the scope grammar here. A scope narrowed by a query ({@code system/Observation.rs?category=...})
 * does not count: an export cannot apply the restriction.
 */
public final class SmartScopes {
    private static final Pattern SCOPE = Pattern.compile("(patient|user|system)/([A-Za-z]+|\\*)\\.(c?r?u?d?s?|read|write|\\*)");

    private SmartScopes() {
    }

    /** Whether any of {@code scopes} lets a backend service read every resource of {@code type}. */
    public static boolean systemMayRead(Collection<String> scopes, String type) {
        for (String scope : scopes) {
            Matcher m = SCOPE.matcher(scope);
            if (m.matches() && m.group(1).equals("system") && (m.group(2).equals("*") || m.group(2).equals(type))) {
                String permissions = m.group(3);
                if (permissions.equals("read") || permissions.equals("*") || (!permissions.equals("write") && permissions.contains("r"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The types among {@code types} a backend service with {@code scopes} may read, in their order. */
    public static List<String> systemReadable(Collection<String> scopes, Collection<String> types) {
        return types.stream().filter(type -> systemMayRead(scopes, type)).toList();
    }

    /** Whether any scope is a {@code system/} one at all (to tell "no backend scope" from "not this type"). */
    public static boolean anySystem(Set<String> scopes) {
        return scopes.stream().anyMatch(scope -> scope.startsWith("system/"));
    }
}
