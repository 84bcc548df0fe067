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

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void eachServiceAuthenticatesToKafkaAsItselfAndMayTouchOnlyItsTopics(String overlay, Expectations expected) {
        List<ObjectNode> resources = render(overlay);

        assertThat(find(resources, "Kafka", "iop-kafka").at("/spec/kafka/listeners")).allSatisfy(listener -> {
            assertThat(listener.path("tls").asBoolean()).isTrue();
            assertThat(listener.at("/authentication/type").asText()).isEqualTo("tls");
        });
        assertThat(find(resources, "Kafka", "iop-kafka").at("/spec/kafka/authorization/type").asText()).isEqualTo("simple");
        assertThat(KafkaRules.acls(find(resources, "KafkaUser", "participant-service")))
                .containsExactlyInAnyOrder("topic iop.participants Write", "topic iop.participants Describe");
        assertThat(KafkaRules.acls(find(resources, "KafkaUser", "plan-service"))).containsExactlyInAnyOrder(
                "topic iop.plans Write", "topic iop.plans Describe",
                "topic iop.participants Read", "topic iop.participants Describe",
                "topic iop.sessions Read", "topic iop.sessions Describe",
                "topic iop.participants.dlq Write", "topic iop.participants.dlq Describe",
                "topic iop.sessions.dlq Write", "topic iop.sessions.dlq Describe",
                "group plan-service Read", "group plan-service Describe");
        assertThat(KafkaRules.acls(find(resources, "KafkaUser", "session-service"))).containsExactlyInAnyOrder(
                "topic iop.sessions Write", "topic iop.sessions Describe",
                "topic iop.participants Read", "topic iop.participants Describe",
                "topic iop.plans Read", "topic iop.plans Describe",
                "topic iop.participants.dlq Write", "topic iop.participants.dlq Describe",
                "topic iop.plans.dlq Write", "topic iop.plans.dlq Describe",
                "group session-service Read", "group session-service Describe");

        ContainerEnvironment env = environment(resources, "session-service");
        assertThat(env.literal("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("iop-kafka-kafka-bootstrap:9093");
        assertThat(env.literal("KAFKA_SECURITY_PROTOCOL")).isEqualTo("SSL");
        JsonNode deployment = find(resources, "Deployment", "session-service");
        assertThat(Mounts.secretFile(deployment, "iop-kafka-cluster-ca-cert", "ca.p12")).isEqualTo(env.literal("KAFKA_SSL_TRUSTSTORE_LOCATION"));
        assertThat(Mounts.secretFile(deployment, "session-service", "user.p12")).isEqualTo(env.literal("KAFKA_SSL_KEYSTORE_LOCATION"));
        assertThat(env.fromSecret("KAFKA_SSL_KEYSTORE_PASSWORD", "session-service", "user.password")).isTrue();
        assertThat(environment(resources, "gateway").get("KAFKA_BOOTSTRAP_SERVERS")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void servicesVerifyPostgresAndWorkAsAnAppRoleWhileFlywayMigratesAsTheOwner(String overlay, Expectations expected) {
        List<ObjectNode> resources = render(overlay);

        for (String service : ManifestRules.SERVICES) {
            String role = service.replace("-service", "");
            ContainerEnvironment env = environment(resources, service);
            assertThat(env.literal("QUARKUS_DATASOURCE_JDBC_URL"))
                    .startsWith("jdbc:postgresql://iop-postgres-rw:5432/iop_" + role + "?")
                    .contains("sslmode=verify-full", "sslrootcert=" + Mounts.secretFile(find(resources, "Deployment", service),
                            "iop-postgres-ca", "ca.crt"));
            assertThat(env.fromSecret("QUARKUS_DATASOURCE_USERNAME", "iop-" + role + "-db-app", "username")).isTrue();
            assertThat(env.fromSecret("QUARKUS_FLYWAY_USERNAME", "iop-" + role + "-db", "username")).isTrue();
            assertThat(env.literal("QUARKUS_FLYWAY_PLACEHOLDERS_APP_ROLE")).isEqualTo(role + "_app");
        }
        assertThat(find(resources, "Cluster", "iop-postgres").at("/spec/managed/roles").findValuesAsText("name"))
                .contains("participant_app", "plan_app", "session_app");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void egressIsDeniedUnlessAPodNeedsTheFlow(String overlay, Expectations expected) {
        EgressRules egress = new EgressRules(render(overlay), expected);
        egress.check();

        assertThat(egress.flows(new EgressRules.Workload("plan-service", "service", java.util.Map.of(ManifestRules.NAME, "plan-service"))))
                .map(EgressRules.Flow::toString).containsExactlyInAnyOrder(
                        "dns kube-dns 53/UDP", "dns kube-dns 53/TCP",
                        "pod iop-postgres 5432/TCP", "pod iop-kafka-dual-role 9093/TCP", "ip 203.0.113.0/24 443/TCP");
        assertThat(egress.flows(new EgressRules.Workload("gateway", "gateway", java.util.Map.of(ManifestRules.NAME, "gateway"))))
                .map(EgressRules.Flow::toString).containsExactlyInAnyOrder(
                        "dns kube-dns 53/UDP", "dns kube-dns 53/TCP", "pod participant-service 8081/TCP",
                        "pod plan-service 8082/TCP", "pod session-service 8083/TCP", "ip 203.0.113.0/24 443/TCP");
    }

    private static ContainerEnvironment environment(List<ObjectNode> resources, String component) {
        return ContainerEnvironment.of(RuleSet.container(find(resources, "Deployment", component)),
                name -> resources.stream().filter(r -> r.path("kind").asText().equals("ConfigMap") && KustomizeRenderer.name(r).equals(name))
                        .findFirst().orElse(null));
    }

    static JsonNode find(List<? extends JsonNode> resources, String kind, String name) {
        return resources.stream().filter(r -> r.path("kind").asText().equals(kind) && KustomizeRenderer.name(r).equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(kind + " " + name + " not rendered"));
    }

    static Path overlayDirectory(String overlay) {
        return Repository.resolve("deploy/k8s/overlays/" + overlay);
    }
}
