package care.iop.gateway.problem;

import care.iop.problems.ProblemType;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import care.iop.gateway.edge.RequestIds;
import care.iop.gateway.fhir.OperationOutcomes;

/**
 * Writes RFC 9457 {@code application/problem+json} answers, the error shape of the gateway; under {@code /fhir/} the same
 * errors are FHIR OperationOutcomes ({@link OperationOutcomes}), the shape FHIR clients read.
 */
public final class Problems {

    private Problems() {
    }

    public static void send(RoutingContext ctx, ProblemType type, String detail) {
        if (OperationOutcomes.applies(ctx)) {
            OperationOutcomes.send(ctx, type.status(), detail);
            return;
        }
        HttpServerResponse response = ctx.response();
        if (!canAnswer(response)) {
            return;
        }
        JsonObject body = new JsonObject()
                .put("type", type.uri().toString())
                .put("title", type.title())
                .put("status", type.status())
                .put("detail", detail)
                .put("instance", ctx.request().path());
        String requestId = RequestIds.of(ctx);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        response.setStatusCode(type.status())
                .putHeader("Content-Type", ProblemType.MEDIA_TYPE)
                .end(body.toBuffer());
    }

    /**
     * Whether an error can still be answered: not when the response is finished or its connection gone; when the head was
     * written already (a relayed answer broke off), the stream is reset instead and the answer is false.
     */
    public static boolean canAnswer(HttpServerResponse response) {
        if (response.ended() || response.closed()) {
            return false;
        }
        if (response.headWritten()) {
            response.reset();
            return false;
        }
        return true;
    }

    /** Failure handler: turns a failed routing context (e.g. a body over the limit) into a problem. */
    public static void onFailure(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (status == 413) {
            send(ctx, ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than the gateway accepts.");
        } else if (status >= 400 && status < 500) {
            send(ctx, ProblemType.forStatus(status), "The request cannot be handled.");
        } else {
            send(ctx, ProblemType.INTERNAL, "The gateway failed to handle the request.");
        }
    }
}
