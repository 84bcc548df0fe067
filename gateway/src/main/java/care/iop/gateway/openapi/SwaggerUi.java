package care.iop.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import care.iop.gateway.metrics.CacheGauges;
import care.iop.gateway.problem.Problems;
import care.iop.problems.ProblemType;

/**
 * Swagger UI at {@code /q/swagger-ui/}, showing the merged document: the page comes from this module,
 * the scripts and styles from the {@code org.webjars:swagger-ui} jar. Exactly the files the page uses
 * ({@link #WEBJAR_FILES}) are read at startup and kept in memory; any other path is a 404 problem and
 * is never looked up, so requests for random paths cost no memory.
 */
@ApplicationScoped
public class SwaggerUi {
    public static final String PATH = "/q/swagger-ui";
    /** The webjar files served, besides this module's page ({@code index.html}). */
    static final List<String> WEBJAR_FILES = List.of("swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js",
            "favicon-32x32.png", "favicon-16x16.png", "oauth2-redirect.html", "oauth2-redirect.js");
    private static final String PAGE = "index.html";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "png", "image/png");

    @Inject
    MeterRegistry registry;

    private Map<String, Asset> assets;

    @PostConstruct
    void load() {
        String webjarRoot = "META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
        Map<String, Asset> loaded = new LinkedHashMap<>();
        loaded.put(PAGE, asset(PAGE, "swagger-ui/" + PAGE, "no-cache"));
        for (String file : WEBJAR_FILES) {
            loaded.put(file, asset(file, webjarRoot + file, "public, max-age=86400"));
        }
        assets = Map.copyOf(loaded);
        CacheGauges.register(registry, "swagger-ui", assets::size);
    }

    /** Loads the assets at startup: a missing one fails the start, not a user's request. */
    void preload(@Observes StartupEvent start) {
        assets.size();
    }

    public void handle(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path.equals(PATH)) {
            ctx.response().setStatusCode(301).putHeader("Location", PATH + "/").end();
            return;
        }
        String file = path.substring(PATH.length() + 1);
        Asset asset = assets.get(file.isEmpty() ? PAGE : file);
        if (asset == null) {
            Problems.send(ctx, ProblemType.NOT_FOUND, "Swagger UI has no file here.");
            return;
        }
        ctx.response()
                .putHeader("Content-Type", asset.type())
                .putHeader("Cache-Control", asset.cacheControl())
                .end(asset.content());
    }

    private static Asset asset(String name, String resource, String cacheControl) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Swagger UI file missing from the class path: " + resource);
            }
            String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
            return new Asset(Buffer.buffer(in.readAllBytes()), type, cacheControl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String webjarVersion() {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("The org.webjars:swagger-ui jar is missing from the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One file, its media type and caching. */
    private record Asset(Buffer content, String type, String cacheControl) {
    }
}
