package care.iop.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Egress: the namespace denies every connection out of a pod unless a NetworkPolicy allows it, and what the
 * policies allow each pod is exactly the flows it needs. The pods are the components' Deployments and the pods the
 * operators create, with the labels they give them (CloudNativePG: {@code cnpg.io/cluster} and the Cluster's
 * {@code inheritedMetadata}; Strimzi: {@code strimzi.io/cluster}, {@code strimzi.io/kind}, {@code strimzi.io/name},
 * the node pool's role labels, and the {@code template.pod} labels). A flow is a destination and a port:
 * "pod plan-service 8082/TCP", "dns 53/UDP", "ip 203.0.113.0/24 443/TCP".
 */
final class EgressRules extends RuleSet {
    /** The pods that need the Kubernetes API carry this label; one policy lets them reach the API server. */
    static final String KUBERNETES_API = "iop.care/kubernetes-api";
    private static final Set<Integer> IP_PORTS = Set.of(443, 6443);
    private final List<Workload> workloads = new ArrayList<>();

    /** A kind of pod in the namespace and its labels. */
    record Workload(String name, String role, Map<String, String> labels) {
    }

    /** A peer of an egress rule: kind "pod" (a workload of the namespace), "dns", "ip" (an ipBlock) or "other". */
    private record Destination(String kind, String name) {
    }

    /** Where a pod may connect: a destination and a port. */
    record Flow(String kind, String destination, String port) {
        @Override
        public String toString() {
            return kind + " " + destination + " " + port;
        }
    }

    EgressRules(List<? extends JsonNode> resources, Expectations expected) {
        super(resources, expected);
    }

    @Override
    void run() {
        collectWorkloads();
        boolean defaultDeny = all("NetworkPolicy").stream().anyMatch(p -> p.path("spec").path("podSelector").isEmpty()
                && contains(p.path("spec").path("policyTypes"), "Egress") && p.path("spec").path("egress").isEmpty());
        if (!defaultDeny) {
            problems.add("NetworkPolicy: no default deny of egress for the namespace");
        }
        for (JsonNode policy : all("NetworkPolicy")) {
            checkPolicy(policy);
        }
        for (Workload workload : workloads) {
            checkWorkload(workload, flows(workload));
        }
    }

    // --- the pods of the namespace -------------------------------------------------------------------------------

    private void collectWorkloads() {
        for (JsonNode deployment : all("Deployment")) {
            String name = KustomizeRenderer.name(deployment);
            workloads.add(new Workload(name, ManifestRules.SERVICES.contains(name) ? "service" : name,
                    labels(deployment.path("spec").path("template").path("metadata").path("labels"))));
        }
        for (JsonNode cluster : all("Cluster")) {
            Map<String, String> labels = labels(cluster.path("spec").path("inheritedMetadata").path("labels"));
            labels.put("cnpg.io/cluster", KustomizeRenderer.name(cluster));
            labels.put("cnpg.io/podRole", "instance");
            workloads.add(new Workload(KustomizeRenderer.name(cluster), "postgres", labels));
        }
        for (JsonNode kafka : all("Kafka")) {
            String cluster = KustomizeRenderer.name(kafka);
            JsonNode spec = kafka.path("spec");
            for (JsonNode pool : all("KafkaNodePool")) {
                Map<String, String> labels = strimzi(cluster, cluster + "-kafka", spec.path("kafka").path("template"));
                labels.putAll(labels(pool.path("spec").path("template").path("pod").path("metadata").path("labels")));
                labels.put("strimzi.io/pool-name", KustomizeRenderer.name(pool));
                for (String role : List.of("broker", "controller")) {
                    if (contains(pool.path("spec").path("roles"), role)) {
                        labels.put("strimzi.io/" + role + "-role", "true");
                    }
                }
                workloads.add(new Workload(cluster + "-" + KustomizeRenderer.name(pool), "broker", labels));
            }
            if (spec.has("entityOperator")) {
                workloads.add(new Workload(cluster + "-entity-operator", "entity-operator",
                        strimzi(cluster, cluster + "-entity-operator", spec.path("entityOperator").path("template"))));
            }
            if (spec.has("kafkaExporter")) {
                workloads.add(new Workload(cluster + "-kafka-exporter", "kafka-exporter",
                        strimzi(cluster, cluster + "-kafka-exporter", spec.path("kafkaExporter").path("template"))));
            }
        }
    }

    private static Map<String, String> strimzi(String cluster, String name, JsonNode template) {
        Map<String, String> labels = labels(template.path("pod").path("metadata").path("labels"));
        labels.put("strimzi.io/cluster", cluster);
        labels.put("strimzi.io/kind", "Kafka");
        labels.put("strimzi.io/name", name);
        return labels;
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new HashMap<>();
        node.fields().forEachRemaining(entry -> labels.put(entry.getKey(), entry.getValue().asText()));
        return labels;
    }

    // --- what the policies allow ---------------------------------------------------------------------------------

    private void checkPolicy(JsonNode policy) {
        for (JsonNode rule : policy.path("spec").path("egress")) {
            if (!rule.has("to")) {
                problem(policy, "an egress rule without 'to' lets the pods connect anywhere");
            }
            if (!rule.has("ports")) {
                problem(policy, "an egress rule without 'ports' allows every port");
            }
            for (JsonNode peer : rule.path("to")) {
                JsonNode block = peer.path("ipBlock");
                if (!block.isMissingNode()) {
                    String cidr = block.path("cidr").asText();
                    int prefix = cidr.contains("/") ? Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1)) : 32;
                    if (prefix < 8) {
                        problem(policy, "ipBlock " + cidr + " opens a large part of the internet: name the addresses needed");
                    }
                    rule.path("ports").forEach(port -> {
                        if (!IP_PORTS.contains(port.path("port").asInt())) {
                            problem(policy, "ipBlock " + cidr + " on port " + port.path("port").asText()
                                    + ": outside the cluster only HTTPS (443) and the API server (443, 6443) are reached");
                        }
                    });
                }
            }
        }
    }

    List<Flow> flows(Workload workload) {
        List<Flow> flows = new ArrayList<>();
        for (JsonNode policy : all("NetworkPolicy")) {
            JsonNode spec = policy.path("spec");
            if (!contains(spec.path("policyTypes"), "Egress") || !selects(spec.path("podSelector"), workload.labels())) {
                continue;
            }
            for (JsonNode rule : spec.path("egress")) {
                List<String> ports = new ArrayList<>();
                rule.path("ports").forEach(port -> ports.add(port.path("port").asText() + "/" + port.path("protocol").asText("TCP")));
                if (ports.isEmpty()) {
                    ports.add("*");
                }
                List<JsonNode> peers = new ArrayList<>();
                rule.path("to").forEach(peers::add);
                for (String port : ports) {
                    if (!rule.has("to")) {
                        flows.add(new Flow("other", "anywhere", port));
                    }
                    for (JsonNode peer : peers) {
                        destinations(peer).forEach(destination -> flows.add(new Flow(destination.kind(), destination.name(), port)));
                    }
                }
            }
        }
        return flows;
    }

    private List<Destination> destinations(JsonNode peer) {
        if (peer.has("ipBlock")) {
            return List.of(new Destination("ip", peer.path("ipBlock").path("cidr").asText()));
        }
        if (peer.has("namespaceSelector")) {
            Map<String, String> namespace = Map.of("kubernetes.io/metadata.name", expected.namespace());
            if (!selects(peer.path("namespaceSelector"), namespace)) {
                boolean dns = selects(peer.path("namespaceSelector"), Map.of("kubernetes.io/metadata.name", "kube-system"))
                        && !peer.path("namespaceSelector").isEmpty()
                        && selects(peer.path("podSelector"), Map.of("k8s-app", "kube-dns"))
                        && !peer.path("podSelector").isEmpty();
                return List.of(dns ? new Destination("dns", "kube-dns") : new Destination("other", peer.toString()));
            }
            if (peer.path("namespaceSelector").isEmpty()) {
                return List.of(new Destination("other", "every namespace " + peer.path("podSelector")));
            }
        }
        List<Destination> destinations = new ArrayList<>();
        for (Workload target : workloads) {
            if (selects(peer.path("podSelector"), target.labels())) {
                destinations.add(new Destination("pod", target.name()));
            }
        }
        if (destinations.isEmpty()) {
            destinations.add(new Destination("other", "pods " + peer.path("podSelector") + " that nothing here runs"));
        }
        return destinations;
    }

    /** A label selector (matchLabels and matchExpressions with In, NotIn, Exists, DoesNotExist); {} selects all. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        boolean all = true;
        var matchLabels = selector.path("matchLabels").fields();
        while (matchLabels.hasNext()) {
            var entry = matchLabels.next();
            all &= entry.getValue().asText().equals(labels.get(entry.getKey()));
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.get(expression.path("key").asText());
            Set<String> values = new TreeSet<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            all &= switch (expression.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
        }
        return all;
    }

    // --- what each pod needs -------------------------------------------------------------------------------------

    private void checkWorkload(Workload workload, List<Flow> flows) {
        List<Predicate<Flow>> allowed = new ArrayList<>();
        List<Flow> required = new ArrayList<>();
        allowed.add(flow -> flow.kind().equals("dns") && Set.of("53/UDP", "53/TCP").contains(flow.port()));
        required.add(new Flow("dns", "kube-dns", "53/UDP"));
        required.add(new Flow("dns", "kube-dns", "53/TCP"));
        switch (workload.role()) {
            case "gateway" -> {
                for (String service : ManifestRules.SERVICES) {
                    String port = containerPort(service) + "/TCP";
                    required.add(new Flow("pod", service, port));
                    allowed.add(flow -> flow.equals(new Flow("pod", service, port)));
                }
                allowed.add(https());
            }
            case "service" -> {
                for (Workload target : workloads) {
                    if (target.role().equals("postgres")) {
                        required.add(new Flow("pod", target.name(), "5432/TCP"));
                    } else if (target.role().equals("broker") && "true".equals(target.labels().get("strimzi.io/broker-role"))) {
                        required.add(new Flow("pod", target.name(), kafkaClientPort() + "/TCP"));
                    }
                }
                required.forEach(flow -> allowed.add(flow::equals));
                allowed.add(https());
            }
            case "postgres" -> {
                required.add(new Flow("pod", workload.name(), "5432/TCP"));
                allowed.add(flow -> flow.kind().equals("pod") && flow.destination().equals(workload.name())
                        && Set.of("5432/TCP", "8000/TCP").contains(flow.port()));
                allowed.add(kubernetesApi());
                allowed.add(https());
            }
            case "broker", "entity-operator", "kafka-exporter" -> {
                for (Workload target : workloads) {
                    if (target.role().equals("broker")) {
                        required.add(new Flow("pod", target.name(), "9091/TCP"));
                        if (workload.role().equals("broker")) {
                            required.add(new Flow("pod", target.name(), "9090/TCP"));
                        }
                    }
                }
                Set<String> strimziPods = new TreeSet<>();
                workloads.stream().filter(w -> w.labels().containsKey("strimzi.io/cluster")).forEach(w -> strimziPods.add(w.name()));
                allowed.add(flow -> flow.kind().equals("pod") && strimziPods.contains(flow.destination())
                        && Set.of("9090/TCP", "9091/TCP").contains(flow.port()));
                if (workload.role().equals("entity-operator")) {
                    allowed.add(kubernetesApi());
                }
            }
            default -> problems.add("NetworkPolicy: no egress rules known for " + workload.name());
        }
        for (Flow flow : flows) {
            if (allowed.stream().noneMatch(rule -> rule.test(flow))) {
                problems.add("NetworkPolicy: " + workload.name() + " may connect to " + flow + ", which it does not need");
            }
        }
        for (Flow flow : required) {
            if (!flows.contains(flow)) {
                problems.add("NetworkPolicy: " + workload.name() + " cannot connect to " + flow + ", which it needs");
            }
        }
        if (Set.of("gateway", "service").contains(workload.role()) && flows.stream().noneMatch(https())) {
            problems.add("NetworkPolicy: " + workload.name() + " cannot reach the identity provider's keys (HTTPS 443)");
        }
        if (Set.of("postgres", "entity-operator").contains(workload.role()) && !reachesKubernetesApi(workload)) {
            problems.add("NetworkPolicy: " + workload.name() + " cannot reach the Kubernetes API, which its operator's code in the "
                    + "pod watches: its pods need the label " + KUBERNETES_API + "=true, selected by a policy with an ipBlock on 443 "
                    + "or 6443");
        }
        if (workload.role().equals("postgres") && find("Cluster", workload.name()).path("spec").has("backup")
                && flows.stream().noneMatch(https())) {
            problems.add("NetworkPolicy: " + workload.name() + " backs up to an object store it cannot reach (HTTPS 443)");
        }
    }

    private boolean reachesKubernetesApi(Workload workload) {
        if (!"true".equals(workload.labels().get(KUBERNETES_API))) {
            return false;
        }
        for (JsonNode policy : all("NetworkPolicy")) {
            JsonNode spec = policy.path("spec");
            if ("true".equals(spec.path("podSelector").path("matchLabels").path(KUBERNETES_API).asText())
                    && contains(spec.path("policyTypes"), "Egress")) {
                for (JsonNode rule : spec.path("egress")) {
                    boolean toIp = false;
                    for (JsonNode peer : rule.path("to")) {
                        toIp |= peer.has("ipBlock");
                    }
                    for (JsonNode port : rule.path("ports")) {
                        if (toIp && IP_PORTS.contains(port.path("port").asInt())) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** An address outside the cluster on HTTPS: the identity provider's JWKS, the object store. */
    private static Predicate<Flow> https() {
        return flow -> flow.kind().equals("ip") && flow.port().equals("443/TCP");
    }

    private static Predicate<Flow> kubernetesApi() {
        return flow -> flow.kind().equals("ip") && Set.of("443/TCP", "6443/TCP").contains(flow.port());
    }

    private int containerPort(String component) {
        JsonNode deployment = find("Deployment", component);
        return deployment == null ? -1 : container(deployment).path("ports").path(0).path("containerPort").asInt();
    }

    private int kafkaClientPort() {
        for (JsonNode kafka : all("Kafka")) {
            for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
                if (listener.path("tls").asBoolean(false)) {
                    return listener.path("port").asInt();
                }
            }
        }
        return -1;
    }
}
