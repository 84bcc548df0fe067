package care.iop.fhir;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * A refusal of a FHIR interaction, answered as an {@code OperationOutcome} with the HTTP status the FHIR RESTful API
 * gives for it. {@code expression} is the FHIRPath of the offending element ({@code Appointment.participant[1].actor})
 * or the name of the search parameter.
 */
public class FhirException extends RuntimeException {
    private final int status;
    private final IssueType code;
    private final String expression;

    public FhirException(int status, IssueType code, String diagnostics, String expression) {
        super(diagnostics);
        this.status = status;
        this.code = code;
        this.expression = expression;
    }

    public static FhirException notFound(String type, Object id) {
        return new FhirException(404, IssueType.NOTFOUND, type + "/" + id + " is not known", null);
    }

    public static FhirException gone(String type, Object id) {
        return new FhirException(410, IssueType.DELETED, type + "/" + id + " was deleted", null);
    }

    public static FhirException badRequest(String diagnostics, String expression) {
        return new FhirException(400, IssueType.INVALID, diagnostics, expression);
    }

    public static FhirException unprocessable(String diagnostics, String expression) {
        return new FhirException(422, IssueType.PROCESSING, diagnostics, expression);
    }

    public static FhirException forbidden(String diagnostics) {
        return new FhirException(403, IssueType.FORBIDDEN, diagnostics, null);
    }

    public static FhirException conflict(String diagnostics) {
        return new FhirException(409, IssueType.CONFLICT, diagnostics, null);
    }

    public static FhirException preconditionFailed(String diagnostics) {
        return new FhirException(412, IssueType.CONFLICT, diagnostics, null);
    }

    public static FhirException notSupported(String diagnostics, String expression) {
        return new FhirException(400, IssueType.NOTSUPPORTED, diagnostics, expression);
    }

    public int status() {
        return status;
    }

    public IssueType code() {
        return code;
    }

    public String expression() {
        return expression;
    }
}
