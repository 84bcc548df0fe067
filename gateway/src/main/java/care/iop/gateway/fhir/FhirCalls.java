package care.iop.gateway.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import care.iop.gateway.edge.ClientResolver;
import care.iop.gateway.edge.RequestIds;
import care.iop.gateway.proxy.UpstreamFailure;
import care.iop.gateway.proxy.Upstreams;
import care.iop.problems.ProblemType;

/**
 * The gateway's own FHIR reads of the services (metadata, {@code $everything} parts, a Group before its export): a
 * {@code GET} asking for FHIR JSON, with the request id, the client's forwarding headers (so the services write public
 * URLs) and, unless it is a public read, the caller's token; and the OperationOutcome a failed call becomes.
 */
@ApplicationScoped
public class FhirCalls {

    @Inject
    Upstreams upstreams;

    @Inject
    ClientResolver clients;

    /**
     * {@code GET pathAndQuery} of {@code upstream}: its JSON object when it answers 200, else a failed future with a
     * {@link ServiceAnswer} (another status) or a {@link ServiceUnreachable}.
     */
    public Future<JsonObject> get(RoutingContext ctx, String upstream, String pathAndQuery, boolean withToken) {
        return upstreams.client().request(upstreams.request(upstream, HttpMethod.GET, pathAndQuery))
                .compose(request -> {
                    String authorization = ctx.request().getHeader("Authorization");
                    if (withToken && authorization != null) {
                        request.putHeader("Authorization", authorization);
                    }
                    request.putHeader(RequestIds.HEADER, RequestIds.of(ctx));
                    request.putHeader("Accept", OperationOutcomes.FHIR_JSON);
                    clients.forwardTo(ctx, request.headers());
                    return request.send();
                })
                .compose(response -> response.body().compose(body -> {
                    if (response.statusCode() != 200) {
                        return Future.failedFuture(new ServiceAnswer(upstream, response.statusCode(), response.getHeader("Content-Type"), body));
                    }
                    try {
                        return Future.succeededFuture(body.toJsonObject());
                    } catch (RuntimeException notJson) {
                        return Future.failedFuture(new ServiceAnswer(upstream, 502, null, Buffer.buffer()));
                    }
                }))
                .recover(error -> Future.failedFuture(error instanceof ServiceAnswer ? error : new ServiceUnreachable(upstream, error)));
    }

    /**
     * Answers a failed call as an OperationOutcome: a service's own 4xx FHIR answer (unknown patient, scope refused) as it
     * is; any other answer 502, no answer 503/504, naming the service by role and nothing of its internals.
     */
    public static void answerFailure(RoutingContext ctx, Throwable error) {
        if (error instanceof ServiceAnswer answer && answer.refusal() && answer.contentType.startsWith(OperationOutcomes.FHIR_JSON)) {
            ctx.response().setStatusCode(answer.status).putHeader("Content-Type", answer.contentType).end(answer.body);
        } else if (error instanceof ServiceAnswer answer && answer.refusal()) {
            OperationOutcomes.send(ctx, answer.status, answer.detail());
        } else if (error instanceof ServiceAnswer answer) {
            OperationOutcomes.send(ctx, 502, UpstreamFailure.detail(ProblemType.BAD_GATEWAY, answer.upstream));
        } else if (error instanceof ServiceUnreachable unreachable) {
            ProblemType type = UpstreamFailure.type(unreachable.getCause());
            OperationOutcomes.send(ctx, type.status(), UpstreamFailure.detail(type, unreachable.upstream));
        } else {
            OperationOutcomes.send(ctx, 502, "The gateway could not compose the answer.");
        }
    }

    /** A non-200 answer of one service. */
    public static final class ServiceAnswer extends RuntimeException {
        public final String upstream;
        public final int status;
        public final String contentType;
        final transient Buffer body;

        ServiceAnswer(String upstream, int status, String contentType, Buffer body) {
            super(upstream + " answered " + status, null, false, false);
            this.upstream = upstream;
            this.status = status;
            this.contentType = contentType;
            this.body = body;
        }

        /** The problem's {@code detail} (a service's JSON API refusal), else a sentence for the status. */
        String detail() {
            try {
                String detail = body.toJsonObject().getString("detail");
                if (detail != null) {
                    return detail;
                }
            } catch (RuntimeException notJson) {
                // fall through
            }
            return "The " + upstream + " service refused the request (" + status + ").";
        }

        /** The service refused the request with a FHIR (or problem) document: the caller's answer, not a fault. */
        public boolean refusal() {
            return status >= 400 && status < 500 && contentType != null
                    && (contentType.startsWith(OperationOutcomes.FHIR_JSON) || contentType.startsWith(ProblemType.MEDIA_TYPE)
                            || contentType.startsWith("application/json"));
        }
    }

    /** A call to one service that got no answer at all. */
    public static final class ServiceUnreachable extends RuntimeException {
        public final String upstream;

        ServiceUnreachable(String upstream, Throwable cause) {
            super(upstream + " unreachable", cause, false, false);
            this.upstream = upstream;
        }
    }
}
