package care.iop.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where kubectl is installed (it is on the CI image), proves that the built-in renderer and
 * {@code kubectl kustomize} produce the same resources for every overlay, so that the checks validate what a
 * cluster would receive. Without kubectl the test is reported as skipped; the overlays are still rendered
 * and validated by {@link KustomizeOverlaysTest}.
 */
class KubectlAgreementTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void builtInRendererMatchesKubectlKustomize(String overlay) throws Exception {
        Path kubectl = kubectl();
        assumeTrue(kubectl != null, "kubectl is not on the PATH");

        Process process = new ProcessBuilder(kubectl.toString(), "kustomize", KustomizeOverlaysTest.overlayDirectory(overlay).toString())
                .redirectErrorStream(false).start();
        byte[] output = process.getInputStream().readAllBytes();
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(errors).isZero();

        Map<String, JsonNode> expected = byId(YamlDocuments.parseAll(new String(output, StandardCharsets.UTF_8)));
        Map<String, JsonNode> actual = byId(KustomizeOverlaysTest.render(overlay));
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        for (String id : expected.keySet()) {
            assertThat(actual.get(id)).as(id).isEqualTo(expected.get(id));
        }
    }

    private static Map<String, JsonNode> byId(List<? extends JsonNode> resources) {
        Map<String, JsonNode> byId = new TreeMap<>();
        resources.forEach(resource -> byId.put(KustomizeRenderer.id(resource), resource));
        return byId;
    }

    private static Path kubectl() {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
