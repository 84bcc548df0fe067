package care.iop.gateway.fhir;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import care.iop.gateway.problem.Problems;

/**
 * The gateway's errors on {@code /fhir/} paths: a FHIR {@code OperationOutcome} ({@code application/fhir+json}) with the
 * HTTP status, an issue code for it, the diagnostics and, where one element or parameter is at fault, its expression.
 * The same shape the services' FHIR errors have, so an EHR reads one kind of error whoever produced it.
 */
public final class OperationOutcomes {
    public static final String FHIR_JSON = "application/fhir+json";

    private OperationOutcomes() {
    }

    /** Whether errors on this request are OperationOutcomes: every path under {@code /fhir/}. */
    public static boolean applies(RoutingContext ctx) {
        String path = ctx.request().path();
        return path != null && (path.startsWith("/fhir/") || path.equals("/fhir"));
    }

    public static void send(RoutingContext ctx, int status, String diagnostics) {
        send(ctx, status, codeFor(status), diagnostics, null);
    }

    /** Answers {@code status} with one error issue; {@code expression} (a parameter or element) may be null. */
    public static void send(RoutingContext ctx, int status, String code, String diagnostics, String expression) {
        HttpServerResponse response = ctx.response();
        if (!Problems.canAnswer(response)) {
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", FHIR_JSON).end(outcome("error", code, diagnostics, expression).toBuffer());
    }

    public static JsonObject outcome(String severity, String code, String diagnostics, String expression) {
        JsonObject issue = new JsonObject().put("severity", severity).put("code", code).put("diagnostics", diagnostics);
        if (expression != null) {
            issue.put("expression", new JsonArray().add(expression));
        }
        return new JsonObject().put("resourceType", "OperationOutcome").put("issue", new JsonArray().add(issue));
    }

    /** The OperationOutcome issue type (http://hl7.org/fhir/issue-type) that says what an HTTP status says. */
    public static String codeFor(int status) {
        return switch (status) {
            case 401 -> "login";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405, 406, 415 -> "not-supported";
            case 409, 412 -> "conflict";
            case 410 -> "deleted";
            case 413 -> "too-costly";
            case 414, 431 -> "too-long";
            case 422 -> "processing";
            case 429 -> "throttled";
            case 503 -> "transient";
            case 504 -> "timeout";
            default -> status >= 500 ? "exception" : "invalid";
        };
    }
}
