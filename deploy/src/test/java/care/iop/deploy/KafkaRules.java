package care.iop.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import care.iop.events.Topics;

/**
 * Kafka through Strimzi: the cluster's topology and topics, and who may do what. Every listener is TLS with
 * client authentication and the cluster authorizes with ACLs; each service has its own KafkaUser whose ACLs are
 * exactly what its code uses ({@link ServiceMessaging}); each service's Deployment reaches the TLS listener with
 * the cluster CA as truststore and its own KafkaUser's certificate as keystore, and no other component gets
 * Kafka credentials.
 */
final class KafkaRules extends RuleSet {
    static final String CLIENT_CONFIG = "iop-kafka-client";
    private static final Set<String> KAFKA_FIELDS = Set.of("version", "metadataVersion", "image", "listeners", "config",
            "authorization", "rack", "brokerRackInitImage", "livenessProbe", "readinessProbe", "jvmOptions", "jmxOptions",
            "resources", "metricsConfig", "logging", "template", "tieredStorage", "quotas");
    private static final Set<String> LISTENER_FIELDS = Set.of("name", "port", "type", "tls", "authentication",
            "configuration", "networkPolicyPeers");
    /** Strimzi's client authentication types and the Kafka security.protocol a client then uses. */
    private static final Map<String, String> AUTHENTICATION = Map.of("tls", "SSL", "scram-sha-512", "SASL_SSL");
    private static final Set<String> WRITE = Set.of("Write", "Describe");
    private static final Set<String> READ = Set.of("Read", "Describe");

    private String cluster;
    private List<JsonNode> listeners = List.of();

    KafkaRules(List<? extends JsonNode> resources, Expectations expected) {
        super(resources, expected);
    }

    @Override
    void run() {
        List<JsonNode> clusters = all("Kafka");
        if (clusters.size() != 1) {
            problems.add("Kafka: expected one Strimzi Kafka cluster, found " + clusters.size());
            return;
        }
        JsonNode kafka = clusters.get(0);
        cluster = KustomizeRenderer.name(kafka);
        checkCluster(kafka);
        checkListeners(kafka);
        checkTopics();
        for (String service : new TreeSet<>(ManifestRules.SERVICES)) {
            checkUser(service, ServiceMessaging.of(service));
            checkClient(service);
        }
        checkNoOtherClients();
    }

    // --- the cluster ---------------------------------------------------------------------------------------------

    private void checkCluster(JsonNode kafka) {
        JsonNode annotations = kafka.path("metadata").path("annotations");
        if (!"enabled".equals(annotations.path("strimzi.io/kraft").asText())
                || !"enabled".equals(annotations.path("strimzi.io/node-pools").asText())) {
            problem(kafka, "must run in KRaft mode with node pools (annotations strimzi.io/kraft and strimzi.io/node-pools)");
        }
        Set<String> kafkaFields = fieldNames(kafka.path("spec").path("kafka"));
        kafkaFields.removeAll(KAFKA_FIELDS);
        if (!kafkaFields.isEmpty()) {
            problem(kafka, "spec.kafka has fields the CRD does not define: " + kafkaFields);
        }
        JsonNode config = kafka.path("spec").path("kafka").path("config");
        expectInt(kafka, config.path("default.replication.factor"), expected.topicReplicas(), "default.replication.factor");
        expectInt(kafka, config.path("min.insync.replicas"), expected.minInSyncReplicas(), "min.insync.replicas");
        expectInt(kafka, config.path("offsets.topic.replication.factor"), expected.topicReplicas(), "offsets.topic.replication.factor");
        if (!kafka.path("spec").path("entityOperator").has("topicOperator")) {
            problem(kafka, "needs the topic operator for the KafkaTopic resources");
        }
        if (!kafka.path("spec").path("entityOperator").has("userOperator")) {
            problem(kafka, "needs the user operator for the KafkaUser resources");
        }
        if (!"simple".equals(kafka.path("spec").path("kafka").path("authorization").path("type").asText())) {
            problem(kafka, "spec.kafka.authorization.type must be simple: without it every authenticated client may do anything");
        }
        if (kafka.path("spec").path("kafka").path("authorization").has("superUsers")) {
            problem(kafka, "no super users: each service has ACLs of its own");
        }
        for (JsonNode pool : all("KafkaNodePool")) {
            if (!cluster.equals(pool.path("metadata").path("labels").path("strimzi.io/cluster").asText())) {
                problem(pool, "belongs to no Kafka cluster (label strimzi.io/cluster)");
            }
            Set<String> roles = new TreeSet<>();
            pool.path("spec").path("roles").forEach(role -> roles.add(role.asText()));
            if (!Set.of("broker", "controller").containsAll(roles) || roles.isEmpty()) {
                problem(pool, "roles must be broker and/or controller");
            }
            expectInt(pool, pool.path("spec").path("replicas"), expected.kafkaNodes(), "replicas");
            if (!pool.path("spec").path("storage").has("type")) {
                problem(pool, "storage.type is required");
            }
        }
    }

    private void checkListeners(JsonNode kafka) {
        listeners = new ArrayList<>();
        kafka.path("spec").path("kafka").path("listeners").forEach(listeners::add);
        if (listeners.isEmpty()) {
            problem(kafka, "has no listener");
        }
        for (JsonNode candidate : listeners) {
            String name = candidate.path("name").asText();
            Set<String> unknown = fieldNames(candidate);
            unknown.removeAll(LISTENER_FIELDS);
            if (!unknown.isEmpty()) {
                problem(kafka, "listener has unknown fields " + unknown);
            }
            Set<String> peers = new TreeSet<>();
            candidate.path("networkPolicyPeers").forEach(peer -> peers.addAll(names(peer.path("podSelector"))));
            if (!peers.equals(new TreeSet<>(ManifestRules.SERVICES))) {
                problem(kafka, "listener " + name + " admits " + peers + ", expected exactly " + new TreeSet<>(ManifestRules.SERVICES));
            }
            if (!candidate.path("tls").asBoolean(false)) {
                problem(kafka, "listener " + name + " must have tls: true (events carry health data)");
            }
            if (!AUTHENTICATION.containsKey(candidate.path("authentication").path("type").asText())) {
                problem(kafka, "listener " + name + " must authenticate its clients (authentication.type tls or scram-sha-512)");
            }
            if (!candidate.path("type").asText().equals("internal")) {
                problem(kafka, "listener " + name + " must be internal: Kafka is not reachable from outside the cluster");
            }
        }
    }

    private void checkTopics() {
        int brokers = 0;
        for (JsonNode pool : all("KafkaNodePool")) {
            if (contains(pool.path("spec").path("roles"), "broker")) {
                brokers += pool.path("spec").path("replicas").asInt();
            }
        }
        Set<String> expectedTopics = new TreeSet<>();
        for (String topic : List.of(Topics.PARTICIPANTS, Topics.PLANS, Topics.SESSIONS)) {
            expectedTopics.add(topic);
            expectedTopics.add(Topics.deadLetter(topic));
        }
        Set<String> topics = new TreeSet<>();
        for (JsonNode topic : all("KafkaTopic")) {
            JsonNode spec = topic.path("spec");
            topics.add(spec.path("topicName").asText(KustomizeRenderer.name(topic)));
            if (!cluster.equals(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText())) {
                problem(topic, "belongs to no Kafka cluster (label strimzi.io/cluster)");
            }
            if (spec.path("partitions").asInt(0) < 1) {
                problem(topic, "partitions must be at least 1");
            }
            expectInt(topic, spec.path("replicas"), expected.topicReplicas(), "replicas");
            expectInt(topic, spec.path("config").path("min.insync.replicas"), expected.minInSyncReplicas(), "min.insync.replicas");
            if (spec.path("replicas").asInt() > brokers) {
                problem(topic, "more replicas than brokers (" + brokers + ")");
            }
        }
        if (!topics.equals(expectedTopics)) {
            problems.add("KafkaTopic: topics are " + topics + ", the events module defines " + expectedTopics);
        }
    }

    // --- users and ACLs ------------------------------------------------------------------------------------------

    /** One ACL entry, one operation per entry: "topic iop.plans Write". */
    static Set<String> acls(JsonNode user) {
        Set<String> acls = new TreeSet<>();
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            JsonNode resource = acl.path("resource");
            String pattern = resource.path("patternType").asText("literal");
            String host = acl.path("host").asText("*");
            String type = acl.path("type").asText("allow");
            String qualifiers = (pattern.equals("literal") ? "" : " (" + pattern + ")")
                    + (host.equals("*") ? "" : " from " + host) + (type.equals("allow") ? "" : " " + type);
            JsonNode operations = acl.has("operations") ? acl.path("operations") : YamlDocuments.JSON.createArrayNode().add(acl.path("operation"));
            for (JsonNode operation : operations) {
                acls.add(resource.path("type").asText() + " " + resource.path("name").asText("") + " " + operation.asText() + qualifiers);
            }
        }
        return acls;
    }

    static Set<String> expectedAcls(ServiceMessaging messaging) {
        Set<String> acls = new TreeSet<>();
        messaging.writes().forEach(topic -> WRITE.forEach(operation -> acls.add("topic " + topic + " " + operation)));
        messaging.reads().forEach(topic -> READ.forEach(operation -> acls.add("topic " + topic + " " + operation)));
        messaging.groups().forEach(group -> READ.forEach(operation -> acls.add("group " + group + " " + operation)));
        return acls;
    }

    private void checkUser(String service, ServiceMessaging messaging) {
        JsonNode user = find("KafkaUser", service);
        if (user == null) {
            problems.add("KafkaUser " + service + " is missing: each service authenticates as itself");
            return;
        }
        if (!cluster.equals(user.path("metadata").path("labels").path("strimzi.io/cluster").asText())) {
            problem(user, "belongs to no Kafka cluster (label strimzi.io/cluster)");
        }
        String authentication = user.path("spec").path("authentication").path("type").asText();
        for (JsonNode listener : listeners) {
            if (!authentication.equals(listener.path("authentication").path("type").asText())) {
                problem(user, "authentication.type " + authentication + " does not match listener "
                        + listener.path("name").asText() + "'s " + listener.path("authentication").path("type").asText());
            }
        }
        if (!"simple".equals(user.path("spec").path("authorization").path("type").asText())) {
            problem(user, "authorization.type must be simple (ACLs)");
        }
        Set<String> actual = acls(user);
        Set<String> wanted = expectedAcls(messaging);
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(wanted);
        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(actual);
        if (!extra.isEmpty()) {
            problem(user, "ACLs beyond what " + service + " uses: " + extra);
        }
        if (!missing.isEmpty()) {
            problem(user, "ACLs missing for what " + service + " uses: " + missing);
        }
    }

    // --- the clients ---------------------------------------------------------------------------------------------

    private void checkClient(String service) {
        JsonNode deployment = find("Deployment", service);
        if (deployment == null) {
            return;
        }
        ContainerEnvironment env = ContainerEnvironment.of(container(deployment), name -> find("ConfigMap", name));
        String bootstrap = env.literal("KAFKA_BOOTSTRAP_SERVERS");
        JsonNode listener = listeners.stream()
                .filter(candidate -> bootstrap.equals(cluster + "-kafka-bootstrap:" + candidate.path("port").asInt()))
                .findFirst().orElse(null);
        if (listener == null) {
            problem(deployment, "KAFKA_BOOTSTRAP_SERVERS " + (bootstrap.isEmpty() ? "is missing" : bootstrap)
                    + ": must be " + cluster + "-kafka-bootstrap:<port of a listener>");
            return;
        }
        String authentication = listener.path("authentication").path("type").asText();
        String protocol = AUTHENTICATION.get(authentication);
        if (protocol != null && !protocol.equals(env.literal("KAFKA_SECURITY_PROTOCOL"))) {
            problem(deployment, "KAFKA_SECURITY_PROTOCOL must be " + protocol);
        }
        String caSecret = cluster + "-cluster-ca-cert";
        expectMountedStore(deployment, env, "TRUSTSTORE", caSecret, "ca.p12", "ca.password");
        if (authentication.equals("tls")) {
            expectMountedStore(deployment, env, "KEYSTORE", service, "user.p12", "user.password");
        } else if (authentication.equals("scram-sha-512")
                && !env.fromSecret("KAFKA_SASL_JAAS_CONFIG", service, "sasl.jaas.config")) {
            problem(deployment, "KAFKA_SASL_JAAS_CONFIG must come from Secret " + service + "/sasl.jaas.config");
        }
    }

    /** KAFKA_SSL_<STORE>_LOCATION is a file mounted from that key of that Secret, its password from the same Secret. */
    private void expectMountedStore(JsonNode deployment, ContainerEnvironment env, String store, String secret, String file,
                                    String passwordKey) {
        String location = env.literal("KAFKA_SSL_" + store + "_LOCATION");
        if (!location.equals(Mounts.secretFile(deployment, secret, file))) {
            problem(deployment, "KAFKA_SSL_" + store + "_LOCATION must be the file " + file + " mounted from Secret " + secret
                    + " (is " + (location.isEmpty() ? "missing" : location) + ")");
        }
        if (!"PKCS12".equals(env.literal("KAFKA_SSL_" + store + "_TYPE"))) {
            problem(deployment, "KAFKA_SSL_" + store + "_TYPE must be PKCS12");
        }
        if (!env.fromSecret("KAFKA_SSL_" + store + "_PASSWORD", secret, passwordKey)) {
            problem(deployment, "KAFKA_SSL_" + store + "_PASSWORD must come from Secret " + secret + "/" + passwordKey);
        }
    }

    /** Only a service may hold Kafka credentials, and only its own. */
    private void checkNoOtherClients() {
        Set<String> kafkaSecrets = new TreeSet<>(ManifestRules.SERVICES);
        for (JsonNode deployment : all("Deployment")) {
            String component = KustomizeRenderer.name(deployment);
            Set<String> used = Mounts.secretsUsed(deployment);
            used.retainAll(kafkaSecrets);
            used.remove(component);
            if (!used.isEmpty()) {
                problem(deployment, "uses the Kafka credentials of " + used);
            }
        }
    }
}
