package care.iop.problems;

import java.net.URI;

/**
 * The kinds of problems the API answers with ({@code application/problem+json}, RFC 9457), each with
 * a stable type URI, title and status. Shared by the services (platform) and the gateway.
 */
public enum ProblemType {
    VALIDATION("validation-error", "Invalid request", 400),
    /** The request line or target cannot be read as HTTP/URI (e.g. a bad percent-encoding): nothing to validate field by field. */
    MALFORMED_REQUEST("malformed-request", "Malformed request", 400),
    UNAUTHORIZED("unauthorized", "Authentication required", 401),
    FORBIDDEN("forbidden", "Not allowed for your role", 403),
    NOT_FOUND("not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    CONFLICT("conflict", "Conflict", 409),
    PRECONDITION_FAILED("precondition-failed", "Precondition failed: the resource changed", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
    URI_TOO_LONG("uri-too-long", "Request target too long", 414),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    UNPROCESSABLE("rule-violation", "Request breaks a business rule", 422),
    PRECONDITION_REQUIRED("precondition-required", "If-Match header required", 428),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
    HEADERS_TOO_LARGE("request-header-fields-too-large", "Request header fields too large", 431),
    INTERNAL("internal-error", "Internal error", 500),
    BAD_GATEWAY("bad-gateway", "Upstream error", 502),
    SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", 503),
    /**
     * The request names an entity another service owns (or a version of it, in {@code Consistency-Token}) that this
     * service's read model has not received yet, even after waiting: retry after {@code Retry-After}. Never a broken rule.
     * Declared after {@link #SERVICE_UNAVAILABLE} so that {@link #forStatus(int)} maps a bare 503 to that one.
     */
    READ_MODEL_BEHIND("read-model-behind", "Not known here yet: the data is still on its way from another service", 503),
    GATEWAY_TIMEOUT("gateway-timeout", "Upstream timeout", 504),
    // Idempotency-Key (docs/gateway.md, "Retrying safely"); after the generic types so that forStatus keeps them.
    /** Another request with the same Idempotency-Key is still running: retry after Retry-After seconds. */
    IDEMPOTENCY_KEY_IN_USE("idempotency-key-in-use", "A request with this Idempotency-Key is still running", 409),
    /** The Idempotency-Key was used for another request (method, path or body): use a new key for a new request. */
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency-Key already used for another request", 422);

    public static final String TYPE_BASE = "https://iop.care/problems/";
    public static final String MEDIA_TYPE = "application/problem+json";

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public URI uri() {
        return URI.create(TYPE_BASE + slug);
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    /** The type for a status code; unknown 4xx map to VALIDATION-like generic types, 5xx to INTERNAL. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
