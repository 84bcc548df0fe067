package care.iop.gateway.edge;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;

/**
 * Hands the check of request targets from Quarkus to {@link EdgeGuard}. Quarkus refuses a target that
 * {@link java.net.URI} cannot parse with an empty 400 before any route runs, unless the system property
 * {@value #PROPERTY} is true, read once when its HTTP layer loads. A configuration customizer is loaded before that
 * (META-INF/services), in every way the gateway is started (jar, container, tests), so it sets the property here.
 * Nothing is accepted that was refused before without being repaired: {@link EdgeGuard} is the first route and parses
 * every target the same way, percent-encoding only characters with one meaning.
 */
public class UriValidationHandover implements SmallRyeConfigBuilderCustomizer {
    static final String PROPERTY = "vertx.disableURIValidation";

    @Override
    public void configBuilder(SmallRyeConfigBuilder builder) {
        System.setProperty(PROPERTY, "true");
    }
}
