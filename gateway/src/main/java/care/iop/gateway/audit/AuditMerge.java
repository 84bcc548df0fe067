package care.iop.gateway.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.netty.handler.codec.http.QueryStringEncoder;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import care.iop.gateway.GatewayConfig;
import care.iop.gateway.Routes;
import care.iop.gateway.edge.Authentication;
import care.iop.gateway.edge.ClientResolver;
import care.iop.gateway.edge.RequestIds;
import care.iop.problems.ProblemType;
import care.iop.gateway.problem.Problems;
import care.iop.gateway.proxy.UpstreamFailure;
import care.iop.gateway.proxy.Upstreams;

/**
 * {@code GET /api/v1/audit?patientId=&from=&to=&page=&size=} (admin): reads every service's audit
 * trail with the caller's token, page by page, and answers one page of the entries merged in time order.
 */
@ApplicationScoped
public class AuditMerge {
    public static final String PATH = "/api/v1/audit";
    static final int UPSTREAM_PAGE_SIZE = 100;
    static final int MAX_SIZE = 100;
    private static final List<String> FILTERS = List.of("patientId", "from", "to");

    @Inject
    Upstreams upstreams;

    @Inject
    GatewayConfig config;

    @Inject
    ClientResolver clients;

    public void handle(RoutingContext ctx) {
        if (!Authentication.requireRole(ctx, "admin")) {
            return;
        }
        Integer page = intParam(ctx, "page", 0, 0, Integer.MAX_VALUE, "must be 0 or more");
        Integer size = page == null ? null : intParam(ctx, "size", 20, 1, MAX_SIZE, "must be between 1 and " + MAX_SIZE);
        if (page == null || size == null) {
            return;
        }
        List<Future<List<JsonObject>>> trails = Routes.upstreamNames().stream().map(upstream -> readAll(ctx, upstream)).toList();
        Future.join(trails).onComplete(done -> {
            for (Future<List<JsonObject>> trail : trails) {
                if (trail.failed()) {
                    answerFailure(ctx, trail.cause());
                    return;
                }
            }
            List<JsonObject> merged = new ArrayList<>();
            trails.forEach(trail -> merged.addAll(trail.result()));
            merged.sort(Comparator.comparing(AuditMerge::occurredAt)
                    .thenComparing(entry -> entry.getString("service", ""))
                    .thenComparing(entry -> String.valueOf(entry.getValue("id"))));
            int from = (int) Math.min((long) page * size, merged.size());
            int to = Math.min(from + size, merged.size());
            JsonObject body = new JsonObject()
                    .put("items", new JsonArray(new ArrayList<>(merged.subList(from, to))))
                    .put("page", page)
                    .put("size", size)
                    .put("total", merged.size());
            ctx.response().putHeader("Content-Type", "application/json").end(body.toBuffer());
        });
    }

    private Future<List<JsonObject>> readAll(RoutingContext ctx, String upstream) {
        return readFrom(ctx, upstream, 0, new ArrayList<>()).recover(error -> Future.failedFuture(
                error instanceof UpstreamAnswer || error instanceof TooManyEntries ? error : new UpstreamCallFailed(upstream, error)));
    }

    private Future<List<JsonObject>> readFrom(RoutingContext ctx, String upstream, int page, List<JsonObject> collected) {
        QueryStringEncoder query = new QueryStringEncoder(PATH);
        for (String filter : FILTERS) {
            String value = ctx.request().getParam(filter);
            if (value != null) {
                query.addParam(filter, value);
            }
        }
        query.addParam("page", Integer.toString(page));
        query.addParam("size", Integer.toString(UPSTREAM_PAGE_SIZE));
        return upstreams.client().request(upstreams.request(upstream, HttpMethod.GET, query.toString()))
                .compose(request -> {
                    request.putHeader("Authorization", ctx.request().getHeader("Authorization"));
                    request.putHeader(RequestIds.HEADER, RequestIds.of(ctx));
                    request.putHeader("Accept", "application/json");
                    clients.forwardTo(ctx, request.headers());
                    return request.send();
                })
                .compose(response -> response.body().compose(body -> {
                    if (response.statusCode() != 200) {
                        return Future.failedFuture(new UpstreamAnswer(upstream, response.statusCode(), response.getHeader("Content-Type"), body));
                    }
                    JsonObject json = body.toJsonObject();
                    JsonArray items = json.getJsonArray("items", new JsonArray());
                    for (int i = 0; i < items.size(); i++) {
                        JsonObject item = items.getJsonObject(i);
                        if (!item.containsKey("service")) {
                            item.put("service", upstream);
                        }
                        collected.add(item);
                    }
                    if (collected.size() > config.audit().maxEntriesPerService()) {
                        return Future.failedFuture(new TooManyEntries());
                    }
                    long total = json.getLong("total", 0L);
                    if (items.isEmpty() || (long) (page + 1) * UPSTREAM_PAGE_SIZE >= total) {
                        return Future.succeededFuture(collected);
                    }
                    return readFrom(ctx, upstream, page + 1, collected);
                }));
    }

    private void answerFailure(RoutingContext ctx, Throwable error) {
        if (error instanceof TooManyEntries) {
            Problems.send(ctx, ProblemType.UNPROCESSABLE, "More than " + config.audit().maxEntriesPerService()
                    + " entries in one service match; narrow the window with from and to, or filter by patientId.");
        } else if (error instanceof UpstreamAnswer answer && answer.status < 500
                && answer.contentType != null && answer.contentType.startsWith(ProblemType.MEDIA_TYPE)) {
            // The service's own problem (bad parameter, token refused): safe to pass on as it is.
            ctx.response().setStatusCode(answer.status).putHeader("Content-Type", answer.contentType).end(answer.body);
        } else if (error instanceof UpstreamAnswer answer) {
            Problems.send(ctx, ProblemType.BAD_GATEWAY, UpstreamFailure.detail(ProblemType.BAD_GATEWAY, answer.upstream));
        } else if (error instanceof UpstreamCallFailed failed) {
            ProblemType type = UpstreamFailure.type(failed.getCause());
            Problems.send(ctx, type, UpstreamFailure.detail(type, failed.upstream));
        } else {
            Problems.send(ctx, ProblemType.BAD_GATEWAY, "The audit trails could not be read.");
        }
    }

    private static Integer intParam(RoutingContext ctx, String name, int fallback, int min, int max, String rule) {
        String raw = ctx.request().getParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        Problems.send(ctx, ProblemType.VALIDATION, name + ": " + rule);
        return null;
    }

    private static Instant occurredAt(JsonObject entry) {
        String value = entry.getString("occurredAt", "");
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException unparsable) {
                return Instant.MAX;
            }
        }
    }

    /** A non-200 answer from one service. */
    static final class UpstreamAnswer extends RuntimeException {
        final String upstream;
        final int status;
        final String contentType;
        final transient Buffer body;

        UpstreamAnswer(String upstream, int status, String contentType, Buffer body) {
            super(upstream + " answered " + status, null, false, false);
            this.upstream = upstream;
            this.status = status;
            this.contentType = contentType;
            this.body = body;
        }
    }

    /** A call to one service that got no answer. */
    static final class UpstreamCallFailed extends RuntimeException {
        final String upstream;

        UpstreamCallFailed(String upstream, Throwable cause) {
            super(upstream + " failed", cause, false, false);
            this.upstream = upstream;
        }
    }

    /** More entries than one request may merge. */
    static final class TooManyEntries extends RuntimeException {
        TooManyEntries() {
            super("too many audit entries", null, false, false);
        }
    }
}
