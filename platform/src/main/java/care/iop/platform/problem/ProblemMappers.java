package care.iop.platform.problem;

import care.iop.problems.ProblemType;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import care.iop.platform.audit.AuditLog;
import care.iop.platform.consistency.ReadModelBehindException;
import care.iop.platform.consistency.ReadYourWritesConfig;
import care.iop.platform.json.StorableDates;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;

/**
 * Maps every exception to {@code application/problem+json}: validation and JSON errors name the
 * field; nothing leaks a stack trace or a Java class name.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    AuditLog audit;

    @Inject
    ReadYourWritesConfig readYourWrites;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = ProblemResponses.of(e.type(), e.getMessage(), path(uri), e.errors(), e.conflictsWith());
        if (e instanceof ReadModelBehindException) {
            return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, Math.max(1, readYourWrites.retryAfter().toSeconds())).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .toList();
        return validation(errors, uri);
    }

    @ServerExceptionMapper
    public Response unrecognizedField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return validation(List.of(new FieldError(field, "unknown field")), uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        String message = e instanceof StorableDates.YearOutOfRange ? StorableDates.MESSAGE
                : e.getTargetType() != null && e.getTargetType().isEnum()
                ? "must be one of " + java.util.Arrays.stream(e.getTargetType().getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "))
                : "invalid value '" + e.getValue() + "'";
        return validation(List.of(new FieldError(jsonPath(e), message)), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return jsonMapping(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        return validation(List.of(new FieldError(field.isEmpty() ? "body" : field, "wrong type or malformed value")), uri);
    }

    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e, UriInfo uri) {
        return validation(List.of(new FieldError("body", "malformed JSON at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr())), uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return validation(List.of(new FieldError("body", "malformed JSON")), uri);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return ProblemResponses.of(ProblemType.UNAUTHORIZED, "A valid bearer token is required", path(uri), null);
    }

    @ServerExceptionMapper
    public Uni<Response> forbidden(ForbiddenException e, UriInfo uri) {
        Response response = ProblemResponses.of(ProblemType.FORBIDDEN, "Your role does not allow this operation", path(uri), null);
        return audit.denied(path(uri)).replaceWith(response);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return ProblemResponses.of(ProblemType.INTERNAL, "The request could not be completed", path(uri), null);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return jsonCause(json, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        if (type == ProblemType.VALIDATION) {
            return validation(List.of(new FieldError("body", "unreadable request")), uri);
        }
        String detail = switch (type) {
            case NOT_FOUND -> "No resource at " + path(uri);
            case METHOD_NOT_ALLOWED -> "Method not allowed on " + path(uri);
            case UNSUPPORTED_MEDIA_TYPE -> "Send application/json";
            case NOT_ACCEPTABLE -> "The requested media type is not available";
            case PAYLOAD_TOO_LARGE -> "Request body too large";
            default -> "Invalid request";
        };
        return ProblemResponses.of(type, detail, path(uri), null);
    }

    private Response jsonCause(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException u) {
            return unrecognizedField(u, uri);
        }
        if (e instanceof InvalidFormatException i) {
            return invalidFormat(i, uri);
        }
        if (e instanceof JsonMappingException m) {
            return jsonMapping(m, uri);
        }
        if (e instanceof JsonParseException p) {
            return jsonParse(p, uri);
        }
        return json(e, uri);
    }

    /**
     * A concurrent change committed first (the row's version moved under this request): 412 when the request named
     * the version it read (If-Match), else 409; either way the client reads again and retries.
     */
    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response optimisticLock(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        boolean conditional = headers != null && headers.getHeaderString(HttpHeaders.IF_MATCH) != null;
        return ProblemResponses.of(conditional ? ProblemType.PRECONDITION_FAILED : ProblemType.CONFLICT,
                "The resource was changed by another request at the same time; read it again and retry", path(uri), null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.error("Unexpected error", e);
        return ProblemResponses.of(ProblemType.INTERNAL, "The request could not be completed", path(uri), null);
    }

    private static Response validation(List<FieldError> errors, UriInfo uri) {
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return ProblemResponses.of(ProblemType.VALIDATION, detail, path(uri), errors);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    /** {@code identifiers[0].system}, from Jackson's reference chain. */
    static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The bean path without the method and parameter nodes, or the parameter name for a plain parameter. */
    static String fieldName(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null && !names.isEmpty()) {
                int last = names.size() - 1;
                names.set(last, names.get(last) + "[" + node.getIndex() + "]");
            }
            if (name != null && !name.startsWith("<")) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return String.join(".", names);
    }
}
