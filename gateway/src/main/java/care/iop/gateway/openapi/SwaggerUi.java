package care.iop.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * Swagger UI at {@code /q/swagger-ui/}, showing the merged document: the page comes from this module,
 * the scripts and styles from the {@code org.webjars:swagger-ui} jar (read once, kept in memory).
 */
@ApplicationScoped
public class SwaggerUi {
    public static final String PATH = "/q/swagger-ui";
    private static final String PAGE = "swagger-ui/index.html";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "png", "image/png", "json", "application/json", "map", "application/json");

    private final Map<String, Optional<Buffer>> assets = new ConcurrentHashMap<>();
    private final String webjarRoot = "META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";

    public void handle(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path.equals(PATH)) {
            ctx.response().setStatusCode(301).putHeader("Location", PATH + "/").end();
            return;
        }
        String file = path.substring(PATH.length() + 1);
        String resource = file.isEmpty() || file.equals("index.html") ? PAGE : webjarRoot + file;
        if (file.contains("..") || file.startsWith("/")) {
            ctx.next();
            return;
        }
        Optional<Buffer> content = assets.computeIfAbsent(resource, SwaggerUi::read);
        if (content.isEmpty()) {
            ctx.next();
            return;
        }
        String extension = resource.substring(resource.lastIndexOf('.') + 1);
        ctx.response()
                .putHeader("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"))
                .putHeader("Cache-Control", resource.equals(PAGE) ? "no-cache" : "public, max-age=86400")
                .end(content.get());
    }

    private static Optional<Buffer> read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(Buffer.buffer(in.readAllBytes()));
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
}
