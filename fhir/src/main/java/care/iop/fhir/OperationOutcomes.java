package care.iop.fhir;

import care.iop.platform.problem.FieldError;
import care.iop.platform.problem.Problem;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** Builds the {@code OperationOutcome} bodies of FHIR errors, from our own refusals and from the JSON API's problems. */
public final class OperationOutcomes {
    private OperationOutcomes() {
    }

    public static OperationOutcome of(FhirException e) {
        return error(e.code(), e.getMessage(), e.expression());
    }

    public static OperationOutcome error(IssueType code, String diagnostics, String expression) {
        OperationOutcome outcome = new OperationOutcome();
        var issue = outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(code).setDiagnostics(diagnostics);
        if (expression != null) {
            issue.addExpression(expression);
        }
        return outcome;
    }

    /**
     * The same refusal as a problem of the JSON API: one issue per invalid field (its name as the expression), else one
     * issue with the problem's detail. The issue code follows the status.
     */
    public static OperationOutcome of(Problem problem) {
        OperationOutcome outcome = new OperationOutcome();
        IssueType code = codeFor(problem.status());
        String detail = problem.detail() != null ? problem.detail() : problem.title();
        if (problem.errors() != null && !problem.errors().isEmpty()) {
            for (FieldError error : problem.errors()) {
                outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(code)
                        .setDiagnostics(error.field() + ": " + error.message()).addExpression(error.field());
            }
        } else {
            outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(code).setDiagnostics(detail);
        }
        return outcome;
    }

    /** The issue type FHIR pairs with an HTTP status (R4 3.1.0.1.8 and the OperationOutcome codes). */
    public static IssueType codeFor(int status) {
        return switch (status) {
            case 400 -> IssueType.INVALID;
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404 -> IssueType.NOTFOUND;
            case 405, 406, 415 -> IssueType.NOTSUPPORTED;
            case 409, 412 -> IssueType.CONFLICT;
            case 410 -> IssueType.DELETED;
            case 422 -> IssueType.PROCESSING;
            case 429 -> IssueType.THROTTLED;
            case 504 -> IssueType.TIMEOUT;
            default -> status >= 500 ? IssueType.EXCEPTION : IssueType.PROCESSING;
        };
    }
}
