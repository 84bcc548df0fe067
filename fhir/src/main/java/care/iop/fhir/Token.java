package care.iop.fhir;

/** A token search value {@code [system]|[code]}: system null when not given, empty for {@code |code} (no system). */
public record Token(String system, String code) {
    public boolean matches(String otherSystem, String otherCode) {
        return (system == null || system.equals(otherSystem == null ? "" : otherSystem))
                && (code == null || code.isEmpty() || code.equals(otherCode));
    }
}
