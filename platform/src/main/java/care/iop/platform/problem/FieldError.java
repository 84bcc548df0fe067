package care.iop.platform.problem;

/** One invalid field of a request: its JSON path ({@code identifiers[0].system}) or parameter name, and why. */
public record FieldError(String field, String message) {
}
