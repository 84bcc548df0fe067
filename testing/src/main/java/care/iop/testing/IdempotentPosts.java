package care.iop.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

/**
 * The rule every service keeps (docs/gateway.md, "Retries"): each POST resource method carries the idempotency
 * marker, and the service's OpenAPI document names the {@code Idempotency-Key} header on each POST.
 */
public final class IdempotentPosts {
    public static final String KEY = "Idempotency-Key";
    private static final String POST = "jakarta.ws.rs.POST";

    private IdempotentPosts() {
    }

    /**
     * Asserts the rule for the beans of {@code packagePrefix}: at least {@code atLeast} POST methods (so that a scan
     * finding none cannot pass), each annotated {@code marker}, and each POST of {@code /q/openapi} documenting the key.
     */
    public static void assertEveryPostHonoursTheKey(BeanManager beans, String packagePrefix, Class<? extends Annotation> marker,
                                                    int atLeast) {
        List<String> posts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            if (!bean.getBeanClass().getPackageName().startsWith(packagePrefix)) {
                continue;
            }
            for (Method method : bean.getBeanClass().getDeclaredMethods()) {
                if (Arrays.stream(method.getAnnotations()).anyMatch(a -> a.annotationType().getName().equals(POST))) {
                    posts.add(method.toString());
                    if (!method.isAnnotationPresent(marker)) {
                        missing.add(method.toString());
                    }
                }
            }
        }
        assertThat(posts).hasSizeGreaterThanOrEqualTo(atLeast);
        assertThat(missing).isEmpty();
        Map<String, Map<String, Object>> paths = given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        List<String> undocumented = new ArrayList<>();
        paths.forEach((path, operations) -> {
            Object post = operations.get("post");
            if (post != null && !String.valueOf(post).contains(KEY)) {
                undocumented.add(path);
            }
        });
        assertThat(undocumented).isEmpty();
    }
}
