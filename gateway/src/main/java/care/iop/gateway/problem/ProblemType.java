package care.iop.gateway.problem;

/**
 * The problem types the gateway answers with. Same slugs, titles and statuses as the services'
 * {@code care.iop.platform.problem.ProblemType} (copied: the gateway stays free of the platform library).
 */
public enum ProblemType {
    VALIDATION("validation-error", "Invalid request", 400),
    UNAUTHORIZED("unauthorized", "Authentication required", 401),
    FORBIDDEN("forbidden", "Not allowed for your role", 403),
    NOT_FOUND("not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
    UNPROCESSABLE("rule-violation", "Request breaks a business rule", 422),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
    INTERNAL("internal-error", "Internal error", 500),
    BAD_GATEWAY("bad-gateway", "Upstream error", 502),
    SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", 503),
    GATEWAY_TIMEOUT("gateway-timeout", "Upstream timeout", 504);

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

    public String uri() {
        return TYPE_BASE + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    /** The type for a status code; unknown 4xx become VALIDATION, unknown 5xx INTERNAL. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
