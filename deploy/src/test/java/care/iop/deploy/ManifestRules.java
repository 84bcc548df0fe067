package care.iop.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a rendered overlay: every resource against its API schema (built-in kinds) or the fields of its operator's
 * CRD (Strimzi, CloudNativePG), then the promises of issue 7 across resources (probes, security context, resources,
 * autoscaling, network isolation, TLS ingress), and with {@link KafkaRules}, {@link PostgresRules} and
 * {@link EgressRules} those of issue 18 (TLS and ACLs for Kafka, verified TLS and separate roles for PostgreSQL,
 * default-deny egress). Returns every problem found.
 */
final class ManifestRules extends RuleSet {
    static final Set<String> SERVICES = Set.of("participant-service", "plan-service", "session-service");
    static final Set<String> COMPONENTS = Set.of("participant-service", "plan-service", "session-service", "gateway");
    static final Set<String> DATABASES = Set.of("iop_participant", "iop_plan", "iop_session");
    static final Set<String> PUBLIC_PATHS = Set.of("/api", "/q/openapi", "/q/swagger-ui");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final Map<String, Set<String>> CRD_SPEC_FIELDS = Map.of(
            "kafka.strimzi.io/v1beta2/Kafka", Set.of("kafka", "entityOperator", "kafkaExporter", "cruiseControl",
                    "clusterCa", "clientsCa", "maintenanceTimeWindows"),
            "kafka.strimzi.io/v1beta2/KafkaNodePool", Set.of("replicas", "storage", "roles", "resources", "jvmOptions", "template"),
            "kafka.strimzi.io/v1beta2/KafkaTopic", Set.of("topicName", "partitions", "replicas", "config"),
            "kafka.strimzi.io/v1beta2/KafkaUser", Set.of("authentication", "authorization", "quotas", "template"),
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

    private ManifestRules(List<? extends JsonNode> resources, Expectations expected) {
        super(resources, expected);
    }

    static List<String> check(List<? extends JsonNode> resources, Expectations expected) {
        List<String> problems = new ArrayList<>(new ManifestRules(resources, expected).check());
        problems.addAll(new KafkaRules(resources, expected).check());
        problems.addAll(new PostgresRules(resources, expected).check());
        problems.addAll(new EgressRules(resources, expected).check());
        return problems;
    }

    @Override
    void run() {
        for (JsonNode resource : resources) {
            checkSchema(resource);
            checkMetadata(resource);
        }
        for (String component : COMPONENTS) {
            checkComponent(component);
        }
        checkNetworkPolicies();
        checkIngress();
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
}
