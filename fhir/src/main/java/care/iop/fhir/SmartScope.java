package care.iop.fhir;

import java.util.Optional;

/**
 * One SMART App Launch scope for clinical data: {@code context/Type.permissions}, where context is {@code patient},
 * {@code user} or {@code system}, Type a resource type or {@code *}, and permissions the v2 letters ({@code cruds}, in
 * that order) or the v1 words ({@code read} = rs, {@code write} = cud, {@code *} = cruds). A scope with v2 query
 * parameters ({@code ?category=...}) is not understood here and grants nothing (we never widen what a token says).
 */
public record SmartScope(String context, String type, String permissions) {
    public static final String PATIENT = "patient";
    public static final String USER = "user";
    public static final String SYSTEM = "system";

    public static Optional<SmartScope> parse(String scope) {
        int slash = scope.indexOf('/');
        int dot = scope.lastIndexOf('.');
        if (slash <= 0 || dot <= slash + 1 || dot == scope.length() - 1 || scope.indexOf('?') >= 0) {
            return Optional.empty();
        }
        String context = scope.substring(0, slash);
        if (!context.equals(PATIENT) && !context.equals(USER) && !context.equals(SYSTEM)) {
            return Optional.empty();
        }
        String type = scope.substring(slash + 1, dot);
        String permissions = switch (scope.substring(dot + 1)) {
            case "read" -> "rs";
            case "write" -> "cud";
            case "*" -> "cruds";
            default -> v2Permissions(scope.substring(dot + 1));
        };
        return permissions == null ? Optional.empty() : Optional.of(new SmartScope(context, type, permissions));
    }

    /** Letters of {@code cruds}, each at most once and in that order, as SMART v2 requires; else null. */
    private static String v2Permissions(String letters) {
        int at = 0;
        for (char c : letters.toCharArray()) {
            int position = "cruds".indexOf(c, at);
            if (position < 0) {
                return null;
            }
            at = position + 1;
        }
        return letters;
    }

    public boolean grants(String resourceType, Interaction interaction) {
        return (type.equals("*") || type.equals(resourceType)) && permissions.indexOf(interaction.letter()) >= 0;
    }

    @Override
    public String toString() {
        return context + "/" + type + "." + permissions;
    }
}
