package care.iop.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/** A set of checks over one rendered overlay: the resources, the problems found so far, and lookups. */
abstract class RuleSet {
    static final String NAME = "app.kubernetes.io/name";

    final List<JsonNode> resources;
    final Expectations expected;
    final List<String> problems = new ArrayList<>();

    RuleSet(List<? extends JsonNode> resources, Expectations expected) {
        this.resources = List.copyOf(resources);
        this.expected = expected;
    }

    /** Runs every check and returns the problems found. */
    final List<String> check() {
        run();
        return problems;
    }

    abstract void run();

    JsonNode find(String kind, String name) {
        return resources.stream().filter(r -> kind.equals(r.path("kind").asText()) && name.equals(KustomizeRenderer.name(r)))
                .findFirst().orElse(null);
    }

    List<JsonNode> all(String kind) {
        return resources.stream().filter(r -> kind.equals(r.path("kind").asText())).toList();
    }

    void problem(JsonNode resource, String message) {
        problems.add(resource.path("kind").asText() + " " + KustomizeRenderer.name(resource) + ": " + message);
    }

    void expectInt(JsonNode resource, JsonNode value, int expectedValue, String field) {
        if (!value.canConvertToInt() || value.asInt() != expectedValue) {
            problem(resource, field + " should be " + expectedValue + " but is " + (value.isMissingNode() ? "missing" : value));
        }
    }

    /** The first container of a Deployment's pod template. */
    static JsonNode container(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec").path("containers").path(0);
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** The app.kubernetes.io/name values a pod selector admits (matchLabels or an In expression). */
    static Set<String> names(JsonNode selector) {
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
}
