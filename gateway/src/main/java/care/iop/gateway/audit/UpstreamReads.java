package care.iop.gateway.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import care.iop.gateway.Routes;
import care.iop.gateway.edge.ClientResolver;
import care.iop.gateway.edge.RequestIds;
import care.iop.gateway.problem.Problems;
import care.iop.gateway.proxy.UpstreamFailure;
import care.iop.gateway.proxy.Upstreams;
import care.iop.problems.ProblemType;

/**
 * The gateway's own endpoints that ask the services ({@link AuditMerge}, {@link AuditVerifyMerge}, the worklist): a JSON
 * {@code GET} on the caller's behalf (their token, the request id, the client's forwarding headers), all
 * services at once, and the problem a failed call becomes.
 */
@ApplicationScoped
public class UpstreamReads {

    @Inject
    Upstreams upstreams;

    @Inject
    ClientResolver clients;

    /**
     * {@code GET pathAndQuery} of {@code upstream} with the caller's credentials: its JSON object when it
     * answers 200, else a failure, {@link UpstreamAnswer} (another status) or {@link UpstreamCallFailed}.
     */
    public Future<JsonObject> getJson(RoutingContext ctx, String upstream, String pathAndQuery) {
        return getJson(ctx, upstream, pathAndQuery, "application/json", true);
    }

    /**
     * As {@link #getJson(RoutingContext, String, String)}, asking for {@code accept} (the FHIR reads ask for
     * {@code application/fhir+json}), and without the caller's token for a public read ({@code withToken} false).
     */
    public Future<JsonObject> getJson(RoutingContext ctx, String upstream, String pathAndQuery, String accept, boolean withToken) {
        return upstreams.client().request(upstreams.request(upstream, HttpMethod.GET, pathAndQuery))
                .compose(request -> {
                    String authorization = ctx.request().getHeader("Authorization");
                    if (withToken && authorization != null) {
                        request.putHeader("Authorization", authorization);
                    }
                    request.putHeader(RequestIds.HEADER, RequestIds.of(ctx));
                    request.putHeader("Accept", accept);
                    clients.forwardTo(ctx, request.headers());
                    return request.send();
                })
                .compose(response -> response.body().compose(body -> response.statusCode() == 200
                        ? Future.succeededFuture(body.toJsonObject())
                        : Future.failedFuture(new UpstreamAnswer(upstream, response.statusCode(), response.getHeader("Content-Type"), body))))
                .recover(error -> Future.failedFuture(naming(upstream, error)));
    }

    /** {@code error} as a failure of a call to {@code upstream}, unless it is one already. */
    public static Throwable naming(String upstream, Throwable error) {
        return error instanceof UpstreamAnswer || error instanceof UpstreamCallFailed ? error : new UpstreamCallFailed(upstream, error);
    }

    /**
     * {@code call} for every service at once: their results by service (in {@link Routes#upstreamNames()}
     * order) when all succeed, else the failure of the first service in that order that failed.
     */
    public static <T> Future<Map<String, T>> fromEach(Function<String, Future<T>> call) {
        Map<String, Future<T>> calls = new LinkedHashMap<>();
        Routes.upstreamNames().forEach(upstream -> calls.put(upstream, call.apply(upstream)));
        return Future.join(new ArrayList<>(calls.values())).transform(done -> {
            Map<String, T> results = new LinkedHashMap<>();
            for (Map.Entry<String, Future<T>> entry : calls.entrySet()) {
                if (entry.getValue().failed()) {
                    return Future.failedFuture(entry.getValue().cause());
                }
                results.put(entry.getKey(), entry.getValue().result());
            }
            return Future.succeededFuture(results);
        });
    }

    /** A service's own 4xx problem: the request was refused (bad parameter, token or role), not the service broken. */
    public static boolean refusedByService(Throwable error) {
        return error instanceof UpstreamAnswer answer && answer.status < 500
                && answer.contentType != null && answer.contentType.startsWith(ProblemType.MEDIA_TYPE);
    }

    /**
     * Answers a failed call: a service's own 4xx problem (bad parameter, token refused) as it is; any other
     * answer 502, no answer 503/504 (by {@link UpstreamFailure}), naming the service; anything else 502
     * with {@code otherwise}.
     */
    public static void answerFailure(RoutingContext ctx, Throwable error, String otherwise) {
        if (refusedByService(error) && error instanceof UpstreamAnswer answer) {
            ctx.response().setStatusCode(answer.status).putHeader("Content-Type", answer.contentType).end(answer.body);
        } else if (error instanceof UpstreamAnswer answer) {
            Problems.send(ctx, ProblemType.BAD_GATEWAY, UpstreamFailure.detail(ProblemType.BAD_GATEWAY, answer.upstream));
        } else if (error instanceof UpstreamCallFailed failed) {
            ProblemType type = UpstreamFailure.type(failed.getCause());
            Problems.send(ctx, type, UpstreamFailure.detail(type, failed.upstream));
        } else {
            Problems.send(ctx, ProblemType.BAD_GATEWAY, otherwise);
        }
    }

    /** A non-200 answer from one service. */
    public static final class UpstreamAnswer extends RuntimeException {
        public final String upstream;
        public final int status;
        public final String contentType;
        public final transient Buffer body;

        UpstreamAnswer(String upstream, int status, String contentType, Buffer body) {
            super(upstream + " answered " + status, null, false, false);
            this.upstream = upstream;
            this.status = status;
            this.contentType = contentType;
            this.body = body;
        }
    }

    /** A call to one service that got no usable answer (none, or not a JSON object). */
    public static final class UpstreamCallFailed extends RuntimeException {
        public final String upstream;

        UpstreamCallFailed(String upstream, Throwable cause) {
            super(upstream + " failed", cause, false, false);
            this.upstream = upstream;
        }
    }
}
