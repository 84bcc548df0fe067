package care.iop.deploy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The environment a container starts with, as the kubelet builds it: the ConfigMaps of {@code envFrom} in order
 * (a later one wins), then {@code env} (which wins over all of them). Each variable is a literal value or a
 * reference to a key of a Secret.
 */
final class ContainerEnvironment {
    private final Map<String, Value> variables;

    private ContainerEnvironment(Map<String, Value> variables) {
        this.variables = variables;
    }

    /** A variable: its literal value, or the Secret and key it comes from. */
    record Value(String literal, String secret, String key) {
        boolean fromSecret() {
            return secret != null;
        }

        @Override
        public String toString() {
            return fromSecret() ? "Secret " + secret + "/" + key : literal;
        }
    }

    static ContainerEnvironment of(JsonNode container, Function<String, JsonNode> configMaps) {
        Map<String, Value> variables = new HashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            JsonNode configMap = configMaps.apply(source.path("configMapRef").path("name").asText());
            if (configMap != null) {
                configMap.path("data").fields().forEachRemaining(entry ->
                        variables.put(entry.getKey(), new Value(entry.getValue().asText(), null, null)));
            }
        }
        for (JsonNode env : container.path("env")) {
            JsonNode secretRef = env.path("valueFrom").path("secretKeyRef");
            variables.put(env.path("name").asText(), secretRef.isMissingNode()
                    ? new Value(env.path("value").asText(null), null, null)
                    : new Value(null, secretRef.path("name").asText(), secretRef.path("key").asText()));
        }
        return new ContainerEnvironment(variables);
    }

    Optional<Value> get(String variable) {
        return Optional.ofNullable(variables.get(variable));
    }

    /** The literal value, or empty when the variable is missing or comes from a Secret. */
    String literal(String variable) {
        Value value = variables.get(variable);
        return value == null || value.literal() == null ? "" : value.literal();
    }

    /** Whether the variable comes from exactly this key of this Secret. */
    boolean fromSecret(String variable, String secret, String key) {
        Value value = variables.get(variable);
        return value != null && secret.equals(value.secret()) && key.equals(value.key());
    }

    /** The Secret a variable comes from, or null. */
    String secretOf(String variable) {
        Value value = variables.get(variable);
        return value == null ? null : value.secret();
    }
}
