package care.iop.platform.problem;

import care.iop.problems.ProblemType;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.MDC;

import care.iop.platform.web.RequestIds;

/** Builds problem+json responses. */
public final class ProblemResponses {
    private ProblemResponses() {
    }

    public static Response of(ProblemType type, String detail, String instance, List<FieldError> errors) {
        return of(type, detail, instance, errors, null);
    }

    /** @param conflictsWith path of the resource a 409 collides with, or null */
    public static Response of(ProblemType type, String detail, String instance, List<FieldError> errors, String conflictsWith) {
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, instance,
                errors == null || errors.isEmpty() ? null : errors, requestId == null ? null : requestId.toString(), conflictsWith);
        Response.ResponseBuilder builder = Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (type == ProblemType.UNAUTHORIZED) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }
}
