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
    void serviceUsingAnotherServicesDatabaseRoleFails() {
        assertThat(problemsAfter(resources -> {
            for (int variable : new int[] {0, 1}) {
                ((ObjectNode) container(resources, "plan-service").at("/env/" + variable + "/valueFrom/secretKeyRef"))
                        .put("name", "iop-session-db-app");
            }
        })).contains("Deployment plan-service: QUARKUS_FLYWAY_PLACEHOLDERS_APP_ROLE must name the role the service works as, "
                + "session_app (the migrations grant it the service's privileges)",
                "Deployment session-service: app role session_app is also plan-service's: each service has its own");
    }

    @Test
    void serviceWorkingAsItsDatabaseOwnerFails() {
        assertThat(problemsAfter(resources -> {
            for (int variable : new int[] {0, 1}) {
                ((ObjectNode) container(resources, "plan-service").at("/env/" + variable + "/valueFrom/secretKeyRef"))
                        .put("name", "iop-plan-db");
            }
        })).anyMatch(problem -> problem.startsWith("Deployment plan-service: the service works as plan, the owner of a database"));
    }

    @Test
    void flywayNotMigratingAsTheOwnerFails() {
        assertThat(problemsAfter(resources -> ((ArrayNode) container(resources, "participant-service").get("env")).remove(2)))
                .anyMatch(problem -> problem.startsWith("Deployment participant-service: QUARKUS_FLYWAY_USERNAME must come from "
                        + "Secret iop-participant-db (the owner of iop_participant"));
    }

    @Test
    void databaseConnectionWithoutVerifiedTlsFails() {
        assertThat(problemsAfter(resources -> ((ObjectNode) find(resources, "ConfigMap", "session-service").get("data"))
                .put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://iop-postgres-rw:5432/iop_session?sslmode=require")))
                .contains("ConfigMap session-service: QUARKUS_DATASOURCE_JDBC_URL must set sslmode=verify-full "
                        + "(TLS, CA and host name checked)")
                .anyMatch(problem -> problem.startsWith("ConfigMap session-service: QUARKUS_DATASOURCE_JDBC_URL must set sslrootcert"));
    }

    @Test
    void postgresAcceptingConnectionsWithoutTlsFails() {
        assertThat(problemsAfter(resources -> ((ObjectNode) find(resources, "Cluster", "iop-postgres").at("/spec/postgresql"))
                .remove("pg_hba")))
                .contains("Cluster iop-postgres: postgresql.pg_hba must refuse connections without TLS (hostnossl all all all reject)");
    }

    @Test
    void mountingThePostgresCaPrivateKeyFails() {
        assertThat(problemsAfter(resources -> {
            for (JsonNode volume : deployment(resources, "plan-service").at("/spec/template/spec/volumes")) {
                if (volume.path("name").asText().equals("postgres-ca")) {
                    ((ObjectNode) volume.get("secret")).remove("items");
                }
            }
        })).contains("Deployment plan-service: mount only ca.crt of Secret iop-postgres-ca: it also holds the CA's private key");
    }

    @Test
    void plainOrAnonymousKafkaListenerFails() {
        assertThat(problemsAfter(resources -> {
            ObjectNode listener = (ObjectNode) find(resources, "Kafka", "iop-kafka").at("/spec/kafka/listeners/0");
            listener.put("tls", false);
            listener.remove("authentication");
        })).contains("Kafka iop-kafka: listener tls must have tls: true (events carry health data)",
                "Kafka iop-kafka: listener tls must authenticate its clients (authentication.type tls or scram-sha-512)");
    }

    @Test
    void kafkaWithoutAuthorizationFails() {
        assertThat(problemsAfter(resources -> ((ObjectNode) find(resources, "Kafka", "iop-kafka").at("/spec/kafka"))
                .remove("authorization")))
                .contains("Kafka iop-kafka: spec.kafka.authorization.type must be simple: without it every authenticated client "
                        + "may do anything");
    }

    @Test
    void missingKafkaUserFails() {
        assertThat(problemsAfter(resources -> resources.remove(find(resources, "KafkaUser", "session-service"))))
                .contains("KafkaUser session-service is missing: each service authenticates as itself");
    }

    @Test
    void aclOnAnotherServicesTopicFails() {
        assertThat(problemsAfter(resources -> ((ArrayNode) find(resources, "KafkaUser", "plan-service")
                .at("/spec/authorization/acls")).add(YamlDocuments.parseAll("""
                        resource: {type: topic, name: iop.sessions, patternType: literal}
                        operations: [Write]
                        """).get(0))))
                .contains("KafkaUser plan-service: ACLs beyond what plan-service uses: [topic iop.sessions Write]");
    }

    @Test
    void prefixAclFails() {
        assertThat(problemsAfter(resources -> ((ObjectNode) find(resources, "KafkaUser", "participant-service")
                .at("/spec/authorization/acls/0/resource")).put("name", "iop.").put("patternType", "prefix")))
                .contains("KafkaUser participant-service: ACLs beyond what participant-service uses: "
                                + "[topic iop. Describe (prefix), topic iop. Write (prefix)]",
                        "KafkaUser participant-service: ACLs missing for what participant-service uses: "
                                + "[topic iop.participants Describe, topic iop.participants Write]");
    }

    @Test
    void serviceUsingAnotherServicesKafkaCertificateFails() {
        assertThat(problemsAfter(resources -> {
            for (JsonNode volume : deployment(resources, "plan-service").at("/spec/template/spec/volumes")) {
                if (volume.path("name").asText().equals("kafka-user")) {
                    ((ObjectNode) volume.get("secret")).put("secretName", "session-service");
                }
            }
        })).contains("Deployment plan-service: KAFKA_SSL_KEYSTORE_LOCATION must be the file user.p12 mounted from Secret "
                + "plan-service (is /etc/iop/kafka/user/user.p12)", "Deployment plan-service: uses the Kafka credentials of [session-service]");
    }

    @Test
    void plaintextKafkaClientFails() {
        assertThat(problemsAfter(resources -> ((ObjectNode) find(resources, "ConfigMap", "iop-kafka-client").get("data"))
                .put("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT").put("KAFKA_BOOTSTRAP_SERVERS", "iop-kafka-kafka-bootstrap:9092")))
                .contains("Deployment participant-service: KAFKA_BOOTSTRAP_SERVERS iop-kafka-kafka-bootstrap:9092: must be "
                        + "iop-kafka-kafka-bootstrap:<port of a listener>");
        assertThat(problemsAfter(resources -> ((ObjectNode) find(resources, "ConfigMap", "iop-kafka-client").get("data"))
                .put("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT")))
                .contains("Deployment session-service: KAFKA_SECURITY_PROTOCOL must be SSL");
    }

    @Test
    void missingDefaultDenyEgressFails() {
        assertThat(problemsAfter(resources -> resources.remove(find(resources, "NetworkPolicy", "default-deny-egress"))))
                .contains("NetworkPolicy: no default deny of egress for the namespace");
    }

    @Test
    void egressRuleWithoutDestinationFails() {
        assertThat(problemsAfter(resources -> ((ObjectNode) find(resources, "NetworkPolicy", "services-to-postgres-and-kafka")
                .at("/spec/egress/0")).remove("to")))
                .contains("NetworkPolicy services-to-postgres-and-kafka: an egress rule without 'to' lets the pods connect anywhere",
                        "NetworkPolicy: plan-service may connect to other anywhere 5432/TCP, which it does not need");
    }

    @Test
    void egressToTheWholeInternetFails() {
        assertThat(problemsAfter(resources -> ((ObjectNode) find(resources, "NetworkPolicy", "identity-provider-egress")
                .at("/spec/egress/0/to/0/ipBlock")).put("cidr", "0.0.0.0/0")))
                .contains("NetworkPolicy identity-provider-egress: ipBlock 0.0.0.0/0 opens a large part of the internet: "
                        + "name the addresses needed");
    }

    @Test
    void gatewayReachingPostgresFails() {
        assertThat(problemsAfter(resources -> ((ArrayNode) find(resources, "NetworkPolicy", "gateway-to-services").at("/spec/egress"))
                .add(YamlDocuments.parseAll("""
                        to: [{podSelector: {matchLabels: {cnpg.io/cluster: iop-postgres}}}]
                        ports: [{protocol: TCP, port: 5432}]
                        """).get(0))))
                .contains("NetworkPolicy: gateway may connect to pod iop-postgres 5432/TCP, which it does not need");
    }

    @Test
    void serviceCutOffFromTheKafkaTlsListenerFails() {
        assertThat(problemsAfter(resources -> ((ObjectNode) find(resources, "NetworkPolicy", "services-to-postgres-and-kafka")
                .at("/spec/egress/1/ports/0")).put("port", 9092)))
                .contains("NetworkPolicy: session-service cannot connect to pod iop-kafka-dual-role 9093/TCP, which it needs",
                        "NetworkPolicy: session-service may connect to pod iop-kafka-dual-role 9092/TCP, which it does not need");
    }

    @Test
    void postgresCutOffFromTheKubernetesApiFails() {
        assertThat(problemsAfter(resources -> ((ObjectNode) find(resources, "Cluster", "iop-postgres").get("spec"))
                .remove("inheritedMetadata")))
                .anyMatch(problem -> problem.startsWith("NetworkPolicy: iop-postgres cannot reach the Kubernetes API"));
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
        ((ObjectNode) plan.get("environment")).put("QUARKUS_DATASOURCE_USERNAME", "plan");

        assertThat(ComposeRules.check(compose, root))
                .anyMatch(problem -> problem.startsWith("schema:") && problem.contains("helthcheck"))
                .contains("plan-service: only the gateway may publish ports",
                        "plan-service: depends_on must name a condition for each dependency",
                        "gateway: Dockerfile gateway/Dockerfile does not exist",
                        "plan-service: the service must not work as the role Flyway migrates as (plan)",
                        "plan-service: QUARKUS_FLYWAY_PLACEHOLDERS_APP_ROLE must be the role the service works as (plan)");
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
