package care.iop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders every overlay and validates each resource (API schemas, CRD fields, the deployment rules). */
class KustomizeOverlaysTest {

    static Stream<Arguments> overlays() {
        return Stream.of(Arguments.of("dev", Expectations.DEV), Arguments.of("prod", Expectations.PROD));
    }

    static List<ObjectNode> render(String overlay) {
        return new KustomizeRenderer().render(Repository.resolve("deploy/k8s/overlays/" + overlay));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyRenderedResourceIsValid(String overlay, Expectations expected) {
        List<ObjectNode> resources = render(overlay);

        assertThat(resources).hasSizeGreaterThan(40);
        assertThat(ManifestRules.check(resources, expected)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void overlayPinsImagesAndScale(String overlay, Expectations expected) {
        List<ObjectNode> resources = render(overlay);

        for (String component : ManifestRules.COMPONENTS) {
            JsonNode deployment = find(resources, "Deployment", component);
            String image = deployment.at("/spec/template/spec/containers/0/image").asText();
            assertThat(image).endsWith("iop-care/" + component + (overlay.equals("dev") ? ":dev" : ":0.1.0"));
            assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(expected.deploymentReplicas());
            JsonNode hpa = find(resources, "HorizontalPodAutoscaler", component);
            assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(expected.deploymentReplicas());
        }
        assertThat(find(resources, "Namespace", expected.namespace())).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void noSecretIsCommitted(String overlay, Expectations expected) {
        assertThat(render(overlay)).noneMatch(resource -> resource.path("kind").asText().equals("Secret"));
    }

    static JsonNode find(List<? extends JsonNode> resources, String kind, String name) {
        return resources.stream().filter(r -> r.path("kind").asText().equals(kind) && KustomizeRenderer.name(r).equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(kind + " " + name + " not rendered"));
    }

    static Path overlayDirectory(String overlay) {
        return Repository.resolve("deploy/k8s/overlays/" + overlay);
    }
}
