package care.iop.gateway.edge;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

import io.vertx.ext.web.RoutingContext;

/**
 * {@code X-Request-Id}: a well-formed incoming id is kept, otherwise one is generated; it is forwarded
 * upstream, returned on every response and put in the log context (same rules as the services' RequestIds).
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    /** Log context key, as in the services' log lines. */
    public static final String MDC_KEY = "requestId";
    private static final String KEY = "iop.requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** First handler of every request. */
    public static void assign(RoutingContext ctx) {
        String given = ctx.request().getHeader(HEADER);
        String id = given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.put(KEY, id);
        // the request's log context: every line logged while handling it (its Vert.x context) names it
        MDC.put(MDC_KEY, id);
        ctx.request().headers().set(HEADER, id);
        ctx.response().putHeader(HEADER, id);
        ctx.next();
    }

    public static String of(RoutingContext ctx) {
        return ctx.get(KEY);
    }
}
