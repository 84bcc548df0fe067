package care.iop.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonParser;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

/**
 * Validates built-in Kubernetes resources against the API schema: the models of the official Java client are
 * generated from the Kubernetes OpenAPI document, and their {@code validateJsonElement} rejects fields the API
 * does not define, missing required fields and values of the wrong shape, at every level of the object.
 */
final class KubernetesSchemas {
    private static final Map<String, Class<?>> MODELS = Map.of(
            "v1/Namespace", V1Namespace.class,
            "v1/ServiceAccount", V1ServiceAccount.class,
            "v1/ConfigMap", V1ConfigMap.class,
            "v1/Secret", V1Secret.class,
            "v1/Service", V1Service.class,
            "apps/v1/Deployment", V1Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", V1Ingress.class);

    private KubernetesSchemas() {
    }

    static boolean isBuiltIn(JsonNode resource) {
        return MODELS.containsKey(key(resource));
    }

    /** Returns the schema violation, if any. */
    static Optional<String> violation(JsonNode resource) {
        Class<?> model = MODELS.get(key(resource));
        if (model == null) {
            return Optional.of("no Kubernetes API schema for " + key(resource));
        }
        try {
            Method validate = model.getMethod("validateJsonElement", com.google.gson.JsonElement.class);
            validate.invoke(null, JsonParser.parseString(YamlDocuments.JSON.writeValueAsString(resource)));
            return Optional.empty();
        } catch (InvocationTargetException e) {
            return Optional.of(e.getCause().getMessage());
        } catch (ReflectiveOperationException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(JsonNode resource) {
        return resource.path("apiVersion").asText() + "/" + resource.path("kind").asText();
    }
}
