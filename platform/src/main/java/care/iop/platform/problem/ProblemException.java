package care.iop.platform.problem;

import care.iop.problems.ProblemType;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;

/**
 * A domain error that becomes an {@code application/problem+json} response. Thrown by services
 * (rules, conflicts, missing resources) and by parameter converters (bad path or query values).
 */
public class ProblemException extends WebApplicationException {
    private final ProblemType type;
    private final List<FieldError> errors;
    private final String conflictsWith;

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        this(type, detail, errors, null);
    }

    private ProblemException(ProblemType type, String detail, List<FieldError> errors, String conflictsWith) {
        super(detail, type.status());
        this.type = type;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.conflictsWith = conflictsWith;
    }

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Path of the resource this 409 collides with, or null. */
    public String conflictsWith() {
        return conflictsWith;
    }

    /** 400 naming one field. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, field + ": " + message, List.of(new FieldError(field, message)));
    }

    /** 404; also used when a caller may not learn that a resource exists. */
    public static ProblemException notFound(String resourceType, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, resourceType + " " + id + " not found");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    /** 409 naming the resource it collides with, by path (the {@code conflictsWith} member), so a client need not parse the detail. */
    public static ProblemException conflictWith(String conflictingPath, String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail, List.of(), conflictingPath);
    }

    /** 422: well-formed but breaks a business rule. */
    public static ProblemException ruleViolation(String detail) {
        return new ProblemException(ProblemType.UNPROCESSABLE, detail);
    }

    /** 422 naming the field whose value breaks the rule. */
    public static ProblemException ruleViolation(String field, String detail) {
        return new ProblemException(ProblemType.UNPROCESSABLE, detail, List.of(new FieldError(field, detail)));
    }

    /** 422 naming the field and where in its text the part that breaks the rule lies ({@code offset}, {@code length}). */
    public static ProblemException ruleViolationAt(String field, String detail, int offset, int length) {
        return new ProblemException(ProblemType.UNPROCESSABLE, detail, List.of(new FieldError(field, detail, offset, length)));
    }
}
