package care.iop.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import care.iop.events.Topics;

/**
 * Checks a rendered overlay: every resource against its API schema (built-in kinds) or the fields of its operator's
 * CRD (Strimzi, CloudNativePG), then the promises of issue 7 across resources (probes, security context, resources,
 * autoscaling, network isolation, TLS ingress, Kafka and PostgreSQL topology). Returns every problem found.
 */
final class ManifestRules {
    static final String NAME = "app.kubernetes.io/name";
    static final Set<String> SERVICES = Set.of("participant-service", "plan-service", "session-service");
    static final Set<String> COMPONENTS = Set.of("participant-service", "plan-service", "session-service", "gateway");
    static final Set<String> DATABASES = Set.of("iop_participant", "iop_plan", "iop_session");
    static final Set<String> PUBLIC_PATHS = Set.of("/api", "/q/openapi", "/q/swagger-ui");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(\\w+)");
    private static final Map<String, Set<String>> CRD_SPEC_FIELDS = Map.of(
            "kafka.strimzi.io/v1beta2/Kafka", Set.of("kafka", "entityOperator", "kafkaExporter", "cruiseControl",
                    "clusterCa", "clientsCa", "maintenanceTimeWindows"),
            "kafka.strimzi.io/v1beta2/KafkaNodePool", Set.of("replicas", "storage", "roles", "resources", "jvmOptions", "template"),
            "kafka.strimzi.io/v1beta2/KafkaTopic", Set.of("topicName", "partitions", "replicas", "config"),
            "postgresql.cnpg.io/v1/Cluster", Set.of("instances", "imageName", "imageCatalogRef", "imagePullPolicy",
                    "primaryUpdateStrategy", "primaryUpdateMethod", "enableSuperuserAccess", "superuserSecret", "postgresql",
                    "bootstrap", "managed", "storage", "walStorage", "resources", "backup", "monitoring", "affinity",
                    "description", "inheritedMetadata", "logLevel", "minSyncReplicas", "maxSyncReplicas", "replica",
                    "externalClusters", "certificates", "startDelay", "stopDelay", "smartShutdownTimeout", "switchoverDelay",
                    "failoverDelay", "priorityClassName", "serviceAccountTemplate", "env", "envFrom", "enablePDB",
                    "tablespaces", "topologySpreadConstraints", "plugins", "probes", "postgresUID", "postgresGID"),
            "postgresql.cnpg.io/v1/Database", Set.of("name", "owner", "cluster", "ensure", "template", "encoding", "locale",
                    "localeProvider", "lcCollate", "lcCtype", "icuLocale", "icuRules", "builtinLocale", "isTemplate",
                    "allowConnections", "connectionLimit", "tablespace", "databaseReclaimPolicy", "schemas", "extensions"),
            "postgresql.cnpg.io/v1/ScheduledBackup", Set.of("schedule", "cluster", "backupOwnerReference", "immediate",
                    "suspend", "method", "online", "onlineConfiguration", "target", "pluginConfiguration"));
    private static final Set<String> KAFKA_FIELDS = Set.of("version", "metadataVersion", "image", "listeners", "config",
            "authorization", "rack", "brokerRackInitImage", "livenessProbe", "readinessProbe", "jvmOptions", "jmxOptions",
            "resources", "metricsConfig", "logging", "template", "tieredStorage", "quotas");
    private static final Set<String> LISTENER_FIELDS = Set.of("name", "port", "type", "tls", "authentication",
            "configuration", "networkPolicyPeers");

    private final List<JsonNode> resources;
    private final Expectations expected;
    private final List<String> problems = new ArrayList<>();

    private ManifestRules(List<? extends JsonNode> resources, Expectations expected) {
        this.resources = List.copyOf(resources);
        this.expected = expected;
    }

    static List<String> check(List<? extends JsonNode> resources, Expectations expected) {
        ManifestRules rules = new ManifestRules(resources, expected);
        rules.run();
        return rules.problems;
    }

    private void run() {
        for (JsonNode resource : resources) {
            checkSchema(resource);
            checkMetadata(resource);
        }
        for (String component : COMPONENTS) {
            checkComponent(component);
        }
        checkNetworkPolicies();
        checkIngress();
        checkKafka();
        checkPostgres();
    }

    // --- every resource --------------------------------------------------------------------------------------

    private void checkSchema(JsonNode resource) {
        String kind = resource.path("kind").asText();
        if (kind.equals("Secret")) {
            problem(resource, "Secrets are referenced, never committed");
        } else if (KubernetesSchemas.isBuiltIn(resource)) {
            KubernetesSchemas.violation(resource).ifPresent(message -> problem(resource, "schema: " + message));
        } else {
            String key = resource.path("apiVersion").asText() + "/" + kind;
            Set<String> fields = CRD_SPEC_FIELDS.get(key);
            if (fields == null) {
                problem(resource, "unknown apiVersion/kind " + key);
                return;
            }
            Set<String> top = fieldNames(resource);
            top.removeAll(Set.of("apiVersion", "kind", "metadata", "spec"));
            if (!top.isEmpty()) {
                problem(resource, "unknown top-level fields " + top);
            }
            Set<String> unknown = fieldNames(resource.path("spec"));
            unknown.removeAll(fields);
            if (!unknown.isEmpty()) {
                problem(resource, "spec has fields the " + kind + " CRD does not define: " + unknown);
            }
        }
    }

    private void checkMetadata(JsonNode resource) {
        String name = KustomizeRenderer.name(resource);
        if (!DNS_SUBDOMAIN.matcher(name).matches()) {
            problem(resource, "metadata.name is not a DNS subdomain");
        }
        if (!resource.path("kind").asText().equals("Namespace")
                && !expected.namespace().equals(resource.path("metadata").path("namespace").asText())) {
            problem(resource, "not in namespace " + expected.namespace());
        }
        if (!"iop-care".equals(resource.path("metadata").path("labels").path("app.kubernetes.io/part-of").asText())) {
            problem(resource, "missing label app.kubernetes.io/part-of=iop-care");
        }
    }

    // --- components ------------------------------------------------------------------------------------------

    private void checkComponent(String component) {
        JsonNode deployment = find("Deployment", component);
        if (deployment == null) {
            problems.add("Deployment " + component + " is missing");
            return;
        }
        for (String kind : List.of("ServiceAccount", "ConfigMap", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget")) {
            if (find(kind, component) == null) {
                problems.add(kind + " " + component + " is missing");
            }
        }
        JsonNode template = deployment.path("spec").path("template");
        JsonNode podLabels = template.path("metadata").path("labels");
        JsonNode pod = template.path("spec");
        if (!matches(deployment.path("spec").path("selector").path("matchLabels"), podLabels)) {
            problem(deployment, "selector does not match the pod template labels");
        }
        if (!component.equals(podLabels.path(NAME).asText())) {
            problem(deployment, "pod template needs label " + NAME + "=" + component);
        }
        if (deployment.path("spec").path("replicas").asInt(-1) != expected.deploymentReplicas()) {
            problem(deployment, "replicas should be " + expected.deploymentReplicas());
        }
        if (!component.equals(pod.path("serviceAccountName").asText())) {
            problem(deployment, "must run as ServiceAccount " + component);
        }
        if (!pod.path("securityContext").path("runAsNonRoot").asBoolean(false)) {
            problem(deployment, "pod securityContext.runAsNonRoot must be true");
        }
        Map<String, JsonNode> volumes = new HashMap<>();
        pod.path("volumes").forEach(volume -> volumes.put(volume.path("name").asText(), volume));
        if (!pod.path("containers").isArray() || pod.path("containers").isEmpty()) {
            problem(deployment, "no containers");
        }
        for (JsonNode container : pod.path("containers")) {
            checkContainer(deployment, container, volumes);
        }

        JsonNode service = find("Service", component);
        if (service != null) {
            if (!matches(service.path("spec").path("selector"), podLabels)) {
                problem(service, "selector does not select the " + component + " pods");
            }
            if (!service.path("spec").path("type").asText("ClusterIP").equals("ClusterIP")) {
                problem(service, "must be ClusterIP: only the Ingress exposes the gateway");
            }
        }
        for (String kind : List.of("HorizontalPodAutoscaler")) {
            JsonNode hpa = find(kind, component);
            if (hpa != null) {
                JsonNode ref = hpa.path("spec").path("scaleTargetRef");
                if (!ref.path("kind").asText().equals("Deployment") || !ref.path("name").asText().equals(component)) {
                    problem(hpa, "must scale Deployment " + component);
                }
                if (hpa.path("spec").path("minReplicas").asInt() > hpa.path("spec").path("maxReplicas").asInt()) {
                    problem(hpa, "minReplicas above maxReplicas");
                }
            }
        }
        JsonNode pdb = find("PodDisruptionBudget", component);
        if (pdb != null && !matches(pdb.path("spec").path("selector").path("matchLabels"), podLabels)) {
            problem(pdb, "selector does not select the " + component + " pods");
        }
    }

    private void checkContainer(JsonNode deployment, JsonNode container, Map<String, JsonNode> volumes) {
        String where = "container " + container.path("name").asText() + ": ";
        Set<String> portNames = new HashSet<>();
        Set<Integer> portNumbers = new HashSet<>();
        container.path("ports").forEach(port -> {
            portNames.add(port.path("name").asText());
            portNumbers.add(port.path("containerPort").asInt());
        });
        Map<String, String> probes = Map.of("startupProbe", "/q/health/started", "livenessProbe", "/q/health/live",
                "readinessProbe", "/q/health/ready");
        probes.forEach((probe, path) -> {
            JsonNode get = container.path(probe).path("httpGet");
            if (!path.equals(get.path("path").asText())) {
                problem(deployment, where + probe + " must GET " + path);
            }
            JsonNode port = get.path("port");
            if (port.isTextual() ? !portNames.contains(port.asText()) : !portNumbers.contains(port.asInt())) {
                problem(deployment, where + probe + " uses a port the container does not declare");
            }
        });
        JsonNode resources = container.path("resources");
        for (String bound : List.of("requests", "limits")) {
            if (!resources.path(bound).has("memory")) {
                problem(deployment, where + "resources." + bound + ".memory is missing");
            }
        }
        if (!resources.path("requests").has("cpu")) {
            problem(deployment, where + "resources.requests.cpu is missing");
        }
        JsonNode security = container.path("securityContext");
        if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
            problem(deployment, where + "readOnlyRootFilesystem must be true");
        }
        if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
            problem(deployment, where + "allowPrivilegeEscalation must be false");
        }
        if (!security.path("runAsNonRoot").asBoolean(false)) {
            problem(deployment, where + "runAsNonRoot must be true");
        }
        boolean dropsAll = false;
        for (JsonNode capability : security.path("capabilities").path("drop")) {
            dropsAll |= capability.asText().equals("ALL");
        }
        if (!dropsAll || security.path("capabilities").has("add")) {
            problem(deployment, where + "must drop ALL capabilities and add none");
        }
        boolean tmp = false;
        for (JsonNode mount : container.path("volumeMounts")) {
            JsonNode volume = volumes.get(mount.path("name").asText());
            if (volume == null) {
                problem(deployment, where + "mounts undeclared volume " + mount.path("name").asText());
            } else if (mount.path("mountPath").asText().equals("/tmp") && volume.has("emptyDir")) {
                tmp = true;
            }
        }
        if (!tmp) {
            problem(deployment, where + "needs an emptyDir at /tmp (the root filesystem is read-only)");
        }
        for (JsonNode source : container.path("envFrom")) {
            String configMap = source.path("configMapRef").path("name").asText();
            if (!configMap.isEmpty() && find("ConfigMap", configMap) == null) {
                problem(deployment, where + "envFrom names a missing ConfigMap " + configMap);
            }
        }
        if (container.path("image").asText().isBlank()) {
            problem(deployment, where + "no image");
        }
    }

    // --- network ---------------------------------------------------------------------------------------------

    private void checkNetworkPolicies() {
        List<JsonNode> policies = all("NetworkPolicy");
        boolean defaultDeny = policies.stream().anyMatch(p -> p.path("spec").path("podSelector").isEmpty()
                && contains(p.path("spec").path("policyTypes"), "Ingress") && p.path("spec").path("ingress").isEmpty());
        if (!defaultDeny) {
            problems.add("NetworkPolicy: no default deny of ingress for the namespace");
        }
        for (String component : COMPONENTS) {
            JsonNode deployment = find("Deployment", component);
            if (deployment == null) {
                continue;
            }
            JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
            List<JsonNode> peers = new ArrayList<>();
            for (JsonNode policy : policies) {
                if (!policy.path("spec").path("podSelector").isEmpty()
                        && matches(policy.path("spec").path("podSelector").path("matchLabels"), podLabels)) {
                    policy.path("spec").path("ingress").forEach(rule -> {
                        if (!rule.has("from")) {
                            problem(policy, "an ingress rule without 'from' admits everybody to " + component);
                        }
                        rule.path("from").forEach(peers::add);
                    });
                }
            }
            if (peers.isEmpty()) {
                problems.add("NetworkPolicy: nothing may reach " + component);
            }
            for (JsonNode peer : peers) {
                String namespace = peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText();
                boolean fromGateway = !peer.has("namespaceSelector") && !peer.has("ipBlock")
                        && "gateway".equals(peer.path("podSelector").path("matchLabels").path(NAME).asText());
                boolean fromMonitoring = "monitoring".equals(namespace) && !peer.has("podSelector");
                boolean fromIngressController = peer.has("namespaceSelector") && !namespace.isEmpty()
                        && !namespace.equals("monitoring") && !peer.has("ipBlock");
                boolean allowed = component.equals("gateway") ? fromIngressController || fromMonitoring
                        : fromGateway || fromMonitoring;
                if (!allowed) {
                    problems.add("NetworkPolicy: " + component + " is reachable from " + peer
                            + (component.equals("gateway") ? " (only the ingress controller may)" : " (only the gateway may)"));
                }
            }
        }
        for (JsonNode cluster : all("Cluster")) {
            String name = KustomizeRenderer.name(cluster);
            Set<String> clients = new TreeSet<>();
            for (JsonNode policy : policies) {
                if (name.equals(policy.path("spec").path("podSelector").path("matchLabels").path("cnpg.io/cluster").asText())) {
                    for (JsonNode rule : policy.path("spec").path("ingress")) {
                        if (!rule.has("from")) {
                            problem(policy, "an ingress rule without 'from' admits everybody to PostgreSQL");
                        }
                        for (JsonNode peer : rule.path("from")) {
                            clients.addAll(names(peer.path("podSelector")));
                            String namespace = peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText();
                            if (peer.has("ipBlock") || (peer.has("namespaceSelector") && !Set.of("cnpg-system", "monitoring").contains(namespace))) {
                                problem(policy, "PostgreSQL is reachable from " + peer + " (only the services, its instances and the operator may)");
                            }
                        }
                    }
                }
            }
            Set<String> users = new TreeSet<>(databaseUsers());
            if (!clients.equals(users)) {
                problem(cluster, "NetworkPolicies let " + clients + " reach PostgreSQL; the components using it are " + users);
            }
        }
    }

    private void checkIngress() {
        List<JsonNode> ingresses = all("Ingress");
        if (ingresses.isEmpty()) {
            problems.add("Ingress: none in front of the gateway");
        }
        for (JsonNode ingress : ingresses) {
            Set<String> tlsHosts = new HashSet<>();
            for (JsonNode tls : ingress.path("spec").path("tls")) {
                if (tls.path("secretName").asText().isEmpty()) {
                    problem(ingress, "tls entry without secretName");
                }
                tls.path("hosts").forEach(host -> tlsHosts.add(host.asText()));
            }
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                if (!tlsHosts.contains(rule.path("host").asText())) {
                    problem(ingress, "host " + rule.path("host").asText() + " is served without TLS");
                }
                for (JsonNode path : rule.path("http").path("paths")) {
                    if (!"gateway".equals(path.path("backend").path("service").path("name").asText())) {
                        problem(ingress, "routes to something other than the gateway");
                    }
                    String prefix = path.path("path").asText();
                    if (!PUBLIC_PATHS.contains(prefix)) {
                        problem(ingress, "publishes " + prefix + ": only " + PUBLIC_PATHS + " are public (health and metrics stay inside)");
                    }
                }
            }
            if (ingress.path("spec").has("defaultBackend")) {
                problem(ingress, "a default backend bypasses the host rules");
            }
        }
    }

    // --- Kafka (Strimzi) -------------------------------------------------------------------------------------

    private void checkKafka() {
        List<JsonNode> clusters = all("Kafka");
        if (clusters.size() != 1) {
            problems.add("Kafka: expected one Strimzi Kafka cluster, found " + clusters.size());
            return;
        }
        JsonNode kafka = clusters.get(0);
        String name = KustomizeRenderer.name(kafka);
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
        Integer plainPort = null;
        for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
            Set<String> unknown = fieldNames(listener);
            unknown.removeAll(LISTENER_FIELDS);
            if (!unknown.isEmpty()) {
                problem(kafka, "listener has unknown fields " + unknown);
            }
            Set<String> peers = new TreeSet<>();
            listener.path("networkPolicyPeers").forEach(peer -> peers.addAll(names(peer.path("podSelector"))));
            if (!peers.equals(new TreeSet<>(SERVICES))) {
                problem(kafka, "listener " + listener.path("name").asText() + " admits " + peers + ", expected exactly " + new TreeSet<>(SERVICES));
            }
            if (listener.path("type").asText().equals("internal") && !listener.path("tls").asBoolean(true)) {
                plainPort = listener.path("port").asInt();
            }
        }
        JsonNode common = find("ConfigMap", "iop-common");
        String bootstrap = name + "-kafka-bootstrap:" + plainPort;
        if (common == null || !bootstrap.equals(common.path("data").path("KAFKA_BOOTSTRAP_SERVERS").asText())) {
            problems.add("ConfigMap iop-common: KAFKA_BOOTSTRAP_SERVERS must be " + bootstrap);
        }

        int brokers = 0;
        for (JsonNode pool : all("KafkaNodePool")) {
            if (!name.equals(pool.path("metadata").path("labels").path("strimzi.io/cluster").asText())) {
                problem(pool, "belongs to no Kafka cluster (label strimzi.io/cluster)");
            }
            Set<String> roles = new TreeSet<>();
            pool.path("spec").path("roles").forEach(role -> roles.add(role.asText()));
            if (!Set.of("broker", "controller").containsAll(roles) || roles.isEmpty()) {
                problem(pool, "roles must be broker and/or controller");
            }
            if (roles.contains("broker")) {
                brokers += pool.path("spec").path("replicas").asInt();
            }
            expectInt(pool, pool.path("spec").path("replicas"), expected.kafkaNodes(), "replicas");
            if (!pool.path("spec").path("storage").has("type")) {
                problem(pool, "storage.type is required");
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
            String topicName = spec.path("topicName").asText(KustomizeRenderer.name(topic));
            topics.add(topicName);
            if (!name.equals(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText())) {
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

    // --- PostgreSQL (CloudNativePG) --------------------------------------------------------------------------

    private void checkPostgres() {
        List<JsonNode> clusters = all("Cluster");
        if (clusters.size() != 1) {
            problems.add("Cluster: expected one CloudNativePG cluster, found " + clusters.size());
            return;
        }
        JsonNode cluster = clusters.get(0);
        String name = KustomizeRenderer.name(cluster);
        JsonNode spec = cluster.path("spec");
        expectInt(cluster, spec.path("instances"), expected.postgresInstances(), "instances");
        if (!spec.path("storage").has("size")) {
            problem(cluster, "storage.size is required");
        }
        if (!spec.path("imageName").asText().matches(".*:15(\\.\\d+)?(-.*)?")) {
            problem(cluster, "imageName must be a PostgreSQL 15 image");
        }
        Map<String, String> roleSecrets = new HashMap<>();
        JsonNode initdb = spec.path("bootstrap").path("initdb");
        Map<String, String> databaseOwners = new HashMap<>();
        if (initdb.has("database")) {
            databaseOwners.put(initdb.path("database").asText(), initdb.path("owner").asText());
            roleSecrets.put(initdb.path("owner").asText(), initdb.path("secret").path("name").asText());
        }
        for (JsonNode role : spec.path("managed").path("roles")) {
            roleSecrets.put(role.path("name").asText(), role.path("passwordSecret").path("name").asText());
            if (!role.path("login").asBoolean(false)) {
                problem(cluster, "managed role " + role.path("name").asText() + " cannot log in");
            }
        }
        for (JsonNode database : all("Database")) {
            if (!name.equals(database.path("spec").path("cluster").path("name").asText())) {
                problem(database, "refers to a cluster that does not exist");
            }
            String owner = database.path("spec").path("owner").asText();
            if (!roleSecrets.containsKey(owner)) {
                problem(database, "owner " + owner + " is neither the initdb owner nor a managed role");
            }
            databaseOwners.put(database.path("spec").path("name").asText(), owner);
        }
        if (!databaseOwners.keySet().equals(DATABASES)) {
            problem(cluster, "databases are " + new TreeSet<>(databaseOwners.keySet()) + ", expected one per service " + new TreeSet<>(DATABASES));
        }
        for (JsonNode backup : all("ScheduledBackup")) {
            if (!name.equals(backup.path("spec").path("cluster").path("name").asText())) {
                problem(backup, "refers to a cluster that does not exist");
            }
            if (!spec.has("backup")) {
                problem(backup, "the cluster has no backup configuration");
            }
        }
        for (String service : SERVICES) {
            JsonNode configMap = find("ConfigMap", service);
            JsonNode deployment = find("Deployment", service);
            if (configMap == null || deployment == null) {
                continue;
            }
            Matcher jdbc = JDBC.matcher(configMap.path("data").path("QUARKUS_DATASOURCE_JDBC_URL").asText());
            if (!jdbc.matches() || !jdbc.group(1).equals(name + "-rw") || !jdbc.group(2).equals("5432")) {
                problem(configMap, "QUARKUS_DATASOURCE_JDBC_URL must point at " + name + "-rw:5432");
                continue;
            }
            String owner = databaseOwners.get(jdbc.group(3));
            if (owner == null) {
                problem(configMap, "database " + jdbc.group(3) + " does not exist");
                continue;
            }
            String secret = roleSecrets.get(owner);
            for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                String referenced = envSecret(deployment, variable);
                if (!Objects.equals(referenced, secret)) {
                    problem(deployment, variable + " must come from Secret " + secret + " (the owner of " + jdbc.group(3) + ")");
                }
            }
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private Set<String> databaseUsers() {
        Set<String> users = new TreeSet<>();
        for (JsonNode configMap : all("ConfigMap")) {
            if (configMap.path("data").has("QUARKUS_DATASOURCE_JDBC_URL")) {
                users.add(KustomizeRenderer.name(configMap));
            }
        }
        return users;
    }

    private static String envSecret(JsonNode deployment, String variable) {
        for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
            for (JsonNode env : container.path("env")) {
                if (variable.equals(env.path("name").asText())) {
                    return env.path("valueFrom").path("secretKeyRef").path("name").asText(null);
                }
            }
        }
        return null;
    }

    /** The app.kubernetes.io/name values a pod selector admits (matchLabels or an In expression). */
    private static Set<String> names(JsonNode selector) {
        Set<String> names = new TreeSet<>();
        if (selector.path("matchLabels").has(NAME)) {
            names.add(selector.path("matchLabels").path(NAME).asText());
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            if (NAME.equals(expression.path("key").asText()) && "In".equals(expression.path("operator").asText())) {
                expression.path("values").forEach(value -> names.add(value.asText()));
            }
        }
        return names;
    }

    private void expectInt(JsonNode resource, JsonNode value, int expectedValue, String field) {
        if (!value.canConvertToInt() || value.asInt() != expectedValue) {
            problem(resource, field + " should be " + expectedValue + " but is " + (value.isMissingNode() ? "missing" : value));
        }
    }

    private static boolean matches(JsonNode selector, JsonNode labels) {
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        Predicate<Map.Entry<String, JsonNode>> present = e -> e.getValue().asText().equals(labels.path(e.getKey()).asText(null));
        boolean all = true;
        var fields = selector.fields();
        while (fields.hasNext()) {
            all &= present.test(fields.next());
        }
        return all;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private JsonNode find(String kind, String name) {
        return resources.stream().filter(r -> kind.equals(r.path("kind").asText()) && name.equals(KustomizeRenderer.name(r)))
                .findFirst().orElse(null);
    }

    private List<JsonNode> all(String kind) {
        return resources.stream().filter(r -> kind.equals(r.path("kind").asText())).toList();
    }

    private void problem(JsonNode resource, String message) {
        problems.add(resource.path("kind").asText() + " " + KustomizeRenderer.name(resource) + ": " + message);
    }
}
