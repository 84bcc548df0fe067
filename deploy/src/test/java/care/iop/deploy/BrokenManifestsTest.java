package care.iop.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A deliberately broken manifest or Compose file must fail the checks (so a green build means something). */
class BrokenManifestsTest {

    @Test
    void validProdRenderingHasNoProblems() {
        assertThat(ManifestRules.check(KustomizeOverlaysTest.render("prod"), Expectations.PROD)).isEmpty();
    }

    @Test
    void fieldUnknownToTheKubernetesApiFails() {
        assertThat(problemsAfter(resources -> deployment(resources, "plan-service").with("spec").put("replica", 2)))
                .anyMatch(problem -> problem.contains("Deployment plan-service: schema:") && problem.contains("replica"));
    }

    @Test
    void wrongShapeForAKubernetesFieldFails() {
        assertThat(problemsAfter(resources -> ((ObjectNode) deployment(resources, "gateway").at("/spec/template/spec"))
                .put("containers", "gateway")))
                .anyMatch(problem -> problem.contains("Deployment gateway: schema:"));
    }

    @Test
    void missingProbeFails() {
        assertThat(problemsAfter(resources -> container(resources, "session-service").remove("readinessProbe")))
                .contains("Deployment session-service: container session-service: readinessProbe must GET /q/health/ready");
    }

    @Test
    void writableRootFilesystemAndKeptCapabilitiesFail() {
        assertThat(problemsAfter(resources -> {
            ObjectNode security = (ObjectNode) container(resources, "participant-service").get("securityContext");
            security.put("readOnlyRootFilesystem", false);
            security.putObject("capabilities").putArray("add").add("NET_ADMIN");
        })).contains("Deployment participant-service: container participant-service: readOnlyRootFilesystem must be true",
                "Deployment participant-service: container participant-service: must drop ALL capabilities and add none");
    }

    @Test
    void committedSecretFails() {
        assertThat(problemsAfter(resources -> resources.add((ObjectNode) YamlDocuments.parseAll("""
                apiVersion: v1
                kind: Secret
                metadata: {name: iop-plan-db, namespace: iop, labels: {app.kubernetes.io/part-of: iop-care}}
                stringData: {username: plan, password: hunter2}
                """).get(0))))
                .contains("Secret iop-plan-db: Secrets are referenced, never committed");
    }

    @Test
    void serviceReachableFromOutsideTheGatewayFails() {
        assertThat(problemsAfter(resources -> {
            JsonNode policy = find(resources, "NetworkPolicy", "plan-service-from-gateway");
            ((ObjectNode) policy.at("/spec/ingress/0")).remove("from");
        })).anyMatch(problem -> problem.contains("admits everybody to plan-service"));
    }

    @Test
    void postgresReachableFromTheGatewayFails() {
        assertThat(problemsAfter(resources -> {
            JsonNode expression = find(resources, "NetworkPolicy", "postgres-from-services")
                    .at("/spec/ingress/0/from/0/podSelector/matchExpressions/0/values");
            ((ArrayNode) expression).add("gateway");
        })).anyMatch(problem -> problem.startsWith("Cluster iop-postgres: NetworkPolicies let [gateway,"));
    }

    @Test
    void publishingMetricsThroughTheIngressFails() {
        assertThat(problemsAfter(resources -> ((ObjectNode) find(resources, "Ingress", "gateway").at("/spec/rules/0/http/paths/0"))
                .put("path", "/")))
                .anyMatch(problem -> problem.startsWith("Ingress gateway: publishes /:"));
    }

    @Test
    void postgresReachableFromAnyNamespaceFails() {
        assertThat(problemsAfter(resources -> ((ObjectNode) find(resources, "NetworkPolicy", "postgres-from-services")
                .at("/spec/ingress/2/from/0")).putObject("namespaceSelector")))
                .anyMatch(problem -> problem.startsWith("NetworkPolicy postgres-from-services: PostgreSQL is reachable from"));
    }

    @Test
    void weakTopicDurabilityFailsInProd() {
        assertThat(problemsAfter(resources -> ((ObjectNode) find(resources, "KafkaTopic", "iop.plans.dlq").at("/spec/config"))
                .put("min.insync.replicas", 1)))
                .contains("KafkaTopic iop.plans.dlq: min.insync.replicas should be 2 but is 1");
    }

    @Test
    void missingTopicFails() {
        assertThat(problemsAfter(resources -> resources.remove(find(resources, "KafkaTopic", "iop.sessions.dlq"))))
                .anyMatch(problem -> problem.startsWith("KafkaTopic: topics are") && problem.contains("iop.sessions.dlq"));
    }

    @Test
    void typoInACustomResourceFails() {
        assertThat(problemsAfter(resources -> ((ObjectNode) find(resources, "Cluster", "iop-postgres").get("spec")).put("instance", 3)))
                .contains("Cluster iop-postgres: spec has fields the Cluster CRD does not define: [instance]");
    }

    @Test
    void serviceUsingAnotherServicesDatabaseSecretFails() {
        assertThat(problemsAfter(resources -> ((ObjectNode) container(resources, "plan-service")
                .at("/env/1/valueFrom/secretKeyRef")).put("name", "iop-session-db")))
                .contains("Deployment plan-service: QUARKUS_DATASOURCE_PASSWORD must come from Secret iop-plan-db (the owner of iop_plan)");
    }

    @Test
    void patchThatDoesNotApplyFailsTheRendering(@TempDir Path overlay) throws Exception {
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - %s
                patches:
                  - target: {kind: Deployment, name: gateway}
                    patch: |-
                      - op: replace
                        path: /spec/template/spec/containers/3/resources
                        value: {}
                """.formatted(Repository.resolve("deploy/k8s/base")));

        assertThatThrownBy(() -> new KustomizeRenderer().render(overlay))
                .isInstanceOf(KustomizeRenderer.KustomizeException.class).hasMessageContaining("path does not exist");
    }

    @Test
    void unsupportedKustomizationFieldFailsTheRendering(@TempDir Path overlay) throws Exception {
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [%s]
                namePrefix: x-
                """.formatted(Repository.resolve("deploy/k8s/base")));

        assertThatThrownBy(() -> new KustomizeRenderer().render(overlay))
                .hasMessageContaining("field 'namePrefix' is not supported");
    }

    @Test
    void brokenComposeFileFails() {
        Path root = Repository.root();
        ObjectNode compose = (ObjectNode) YamlDocuments.read(root.resolve("docker-compose.yml"));
        ObjectNode plan = (ObjectNode) compose.get("services").get("plan-service");
        plan.putArray("ports").add("8082:8082");
        plan.putArray("depends_on").add("postgres");
        plan.put("helthcheck", "typo");
        ((ObjectNode) compose.get("services").get("gateway").get("build")).put("dockerfile", "gateway/Dockerfile");

        assertThat(ComposeRules.check(compose, root))
                .anyMatch(problem -> problem.startsWith("schema:") && problem.contains("helthcheck"))
                .contains("plan-service: only the gateway may publish ports",
                        "plan-service: depends_on must name a condition for each dependency",
                        "gateway: Dockerfile gateway/Dockerfile does not exist");
    }

    private static List<String> problemsAfter(Consumer<List<ObjectNode>> breakage) {
        List<ObjectNode> resources = new java.util.ArrayList<>(KustomizeOverlaysTest.render("prod"));
        breakage.accept(resources);
        return ManifestRules.check(resources, Expectations.PROD);
    }

    private static ObjectNode deployment(List<ObjectNode> resources, String name) {
        return (ObjectNode) find(resources, "Deployment", name);
    }

    private static ObjectNode container(List<ObjectNode> resources, String name) {
        return (ObjectNode) deployment(resources, name).at("/spec/template/spec/containers/0");
    }

    private static JsonNode find(List<ObjectNode> resources, String kind, String name) {
        return KustomizeOverlaysTest.find(resources, kind, name);
    }
}
