package care.iop.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * The AsyncAPI 3.0.0 document of the events (topics, event types, CloudEvents headers, payload schemas) at
 * {@value #PATH}, public like {@code /q/openapi}. It ships in the {@code events} module
 * ({@code META-INF/asyncapi/}), generated from its catalogue and payload records and validated by its build, so the
 * gateway serves the contract of the very event classes the services are built with. YAML by default; JSON with
 * {@code ?format=json} or {@code Accept: application/json}. Both are read once at startup (two fixed files, ~85 KB).
 */
@ApplicationScoped
public class AsyncApiDocument {
    public static final String PATH = "/q/asyncapi";
    static final String YAML_TYPE = "application/yaml; charset=utf-8";
    static final String JSON_TYPE = "application/json";

    private final Buffer yaml = load("META-INF/asyncapi/asyncapi.yaml");
    private final Buffer json = load("META-INF/asyncapi/asyncapi.json");

    public void handle(RoutingContext ctx) {
        boolean asJson = "json".equalsIgnoreCase(ctx.request().getParam("format"))
                || ctx.request().getParam("format") == null && prefersJson(ctx.request().getHeader("Accept"));
        ctx.response().putHeader("Content-Type", asJson ? JSON_TYPE : YAML_TYPE)
                .putHeader("Cache-Control", "public, max-age=300")
                .end(asJson ? json : yaml);
    }

    private static boolean prefersJson(String accept) {
        return accept != null && accept.contains("application/json") && !accept.contains("yaml");
    }

    private static Buffer load(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing: the events module builds it");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
