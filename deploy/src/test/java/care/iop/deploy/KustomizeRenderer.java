package care.iop.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A small Kustomize renderer for the subset of kustomization.yaml that deploy/k8s uses, so that CI needs no
 * kustomize binary: {@code resources} (files and directories), {@code patches} (strategic-merge or JSON 6902, from
 * a file or inline, with an optional {@code target} of kind/name/group/version), {@code namespace},
 * {@code labels} (without selectors or templates), {@code replicas} and {@code images}, applied in Kustomize's
 * order (patches, namespace, labels, replicas, images). Anything else is rejected rather than ignored, so an
 * overlay never silently means something different here and in {@code kubectl kustomize};
 * {@link KubectlAgreementTest} compares both where kubectl exists.
 */
final class KustomizeRenderer {
    private static final Set<String> SUPPORTED_FIELDS = Set.of("apiVersion", "kind", "namespace", "labels",
            "resources", "images", "replicas", "patches");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass", "IngressClass",
            "ClusterIssuer");
    private static final Set<String> SCALABLE = Set.of("Deployment", "StatefulSet", "ReplicaSet");
    /** Strategic-merge keys of the built-in lists the overlays may patch; every other list is replaced. */
    private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
            "env", "name", "volumes", "name", "volumeMounts", "mountPath");

    List<ObjectNode> render(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new KustomizeException(directory + ": no kustomization.yaml");
        }
        JsonNode kustomization = YamlDocuments.read(file);
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw new KustomizeException(file + ": field '" + field + "' is not supported by this renderer");
            }
        });
        require(file, "kustomize.config.k8s.io/v1beta1".equals(kustomization.path("apiVersion").asText()),
                "apiVersion must be kustomize.config.k8s.io/v1beta1");
        require(file, "Kustomization".equals(kustomization.path("kind").asText()), "kind must be Kustomization");

        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path path = directory.resolve(entry.asText()).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(render(path));
            } else if (Files.isRegularFile(path)) {
                for (JsonNode document : YamlDocuments.readAll(path)) {
                    require(path, document.isObject() && document.hasNonNull("apiVersion") && document.hasNonNull("kind")
                            && document.path("metadata").hasNonNull("name"), "every resource needs apiVersion, kind and metadata.name");
                    resources.add((ObjectNode) document);
                }
            } else {
                throw new KustomizeException(file + ": resource '" + entry.asText() + "' does not exist");
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        for (ObjectNode resource : resources) {
            require(file, ids.add(id(resource)), "duplicate resource " + id(resource));
        }

        for (JsonNode patch : kustomization.path("patches")) {
            applyPatch(directory, file, patch, resources);
        }
        if (kustomization.hasNonNull("namespace")) {
            String namespace = kustomization.get("namespace").asText();
            for (ObjectNode resource : resources) {
                if (!CLUSTER_SCOPED.contains(resource.path("kind").asText())) {
                    ((ObjectNode) resource.get("metadata")).put("namespace", namespace);
                }
            }
        }
        for (JsonNode label : kustomization.path("labels")) {
            label.fieldNames().forEachRemaining(field -> require(file, Set.of("pairs", "includeSelectors", "includeTemplates").contains(field),
                    "labels." + field + " is not supported"));
            require(file, !label.path("includeSelectors").asBoolean(false) && !label.path("includeTemplates").asBoolean(false),
                    "labels with includeSelectors or includeTemplates are not supported");
            for (ObjectNode resource : resources) {
                ObjectNode metadata = (ObjectNode) resource.get("metadata");
                ObjectNode labels = metadata.has("labels") ? (ObjectNode) metadata.get("labels") : metadata.putObject("labels");
                label.path("pairs").fields().forEachRemaining(pair -> labels.put(pair.getKey(), pair.getValue().asText()));
            }
        }
        for (JsonNode replica : kustomization.path("replicas")) {
            String name = replica.path("name").asText();
            int matched = 0;
            for (ObjectNode resource : resources) {
                if (SCALABLE.contains(resource.path("kind").asText()) && name.equals(name(resource))) {
                    ((ObjectNode) resource.get("spec")).put("replicas", replica.path("count").asInt());
                    matched++;
                }
            }
            require(file, matched > 0, "replicas: no Deployment named " + name);
        }
        for (JsonNode image : kustomization.path("images")) {
            int matched = 0;
            for (ObjectNode resource : resources) {
                matched += replaceImages(resource, image);
            }
            require(file, matched > 0, "images: no container uses " + image.path("name").asText());
        }
        return resources;
    }

    static String id(JsonNode resource) {
        return resource.path("apiVersion").asText() + "/" + resource.path("kind").asText() + "/"
                + resource.path("metadata").path("namespace").asText("") + "/" + name(resource);
    }

    static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }

    // --- patches ---------------------------------------------------------------------------------------------

    private void applyPatch(Path directory, Path file, JsonNode entry, List<ObjectNode> resources) {
        entry.fieldNames().forEachRemaining(field -> require(file, Set.of("path", "patch", "target").contains(field),
                "patches." + field + " is not supported"));
        List<JsonNode> documents = entry.hasNonNull("path")
                ? YamlDocuments.readAll(directory.resolve(entry.get("path").asText()))
                : YamlDocuments.parseAll(entry.path("patch").asText());
        require(file, !documents.isEmpty(), "empty patch");
        JsonNode target = entry.get("target");
        if (documents.get(0).isArray()) {
            require(file, documents.size() == 1 && target != null, "a JSON 6902 patch needs exactly one document and a target");
            List<ObjectNode> targets = select(resources, target);
            require(file, !targets.isEmpty(), "patch target matches nothing: " + target);
            for (ObjectNode resource : targets) {
                JsonPatch.apply(resource, (ArrayNode) documents.get(0));
            }
            return;
        }
        for (JsonNode document : documents) {
            require(file, document.isObject(), "a strategic-merge patch must be a mapping");
            List<ObjectNode> targets = target != null ? select(resources, target) : resources.stream()
                    .filter(r -> r.path("kind").asText().equals(document.path("kind").asText())
                            && name(r).equals(name(document))
                            && group(r).equals(group(document)))
                    .toList();
            require(file, !targets.isEmpty(), "patch matches no resource: " + document.path("kind").asText() + " " + name(document));
            for (ObjectNode resource : targets) {
                ObjectNode patch = document.deepCopy();
                if (target != null) {
                    patch.remove("metadata");
                }
                merge(resource, patch, "", KubernetesSchemas.isBuiltIn(resource));
            }
        }
    }

    private static List<ObjectNode> select(List<ObjectNode> resources, JsonNode target) {
        target.fieldNames().forEachRemaining(field -> {
            if (!Set.of("kind", "name", "group", "version").contains(field)) {
                throw new KustomizeException("patch target field '" + field + "' is not supported");
            }
        });
        return resources.stream()
                .filter(r -> !target.has("kind") || target.get("kind").asText().equals(r.path("kind").asText()))
                .filter(r -> !target.has("name") || Pattern.matches(target.get("name").asText(), name(r)))
                .filter(r -> !target.has("group") || target.get("group").asText().equals(group(r)))
                .filter(r -> !target.has("version") || target.get("version").asText().equals(version(r)))
                .toList();
    }

    private static String group(JsonNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    private static String version(JsonNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    /**
     * Strategic merge: maps merge, null deletes; in built-in kinds lists with a known merge key merge by it; every other
     * list (and every list of a custom resource, which has no merge keys) is replaced.
     */
    private static void merge(ObjectNode target, ObjectNode patch, String path, boolean builtIn) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.startsWith("$")) {
                throw new KustomizeException("strategic-merge directive " + key + " is not supported (" + path + ")");
            }
            JsonNode existing = target.get(key);
            if (value.isNull()) {
                target.remove(key);
            } else if (value.isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, (ObjectNode) value, path + "/" + key, builtIn);
            } else if (value.isArray() && existing != null && existing.isArray() && builtIn && MERGE_KEYS.containsKey(key)) {
                mergeList((ArrayNode) existing, (ArrayNode) value, MERGE_KEYS.get(key), path + "/" + key);
            } else {
                target.set(key, value.deepCopy());
            }
        }
    }

    private static void mergeList(ArrayNode target, ArrayNode patch, String mergeKey, String path) {
        for (JsonNode item : patch) {
            if (!item.isObject() || !item.hasNonNull(mergeKey)) {
                throw new KustomizeException(path + ": every patched item needs " + mergeKey);
            }
            ObjectNode match = null;
            for (JsonNode candidate : target) {
                if (candidate.path(mergeKey).equals(item.get(mergeKey))) {
                    match = (ObjectNode) candidate;
                }
            }
            if (match == null) {
                target.add(item.deepCopy());
            } else {
                merge(match, (ObjectNode) item, path + "/" + item.get(mergeKey).asText(), true);
            }
        }
    }

    // --- images ----------------------------------------------------------------------------------------------

    private static int replaceImages(JsonNode node, JsonNode image) {
        int matched = 0;
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if ((field.getKey().equals("containers") || field.getKey().equals("initContainers")) && field.getValue().isArray()) {
                    for (JsonNode container : field.getValue()) {
                        matched += replaceImage((ObjectNode) container, image);
                    }
                } else {
                    matched += replaceImages(field.getValue(), image);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                matched += replaceImages(item, image);
            }
        }
        return matched;
    }

    private static int replaceImage(ObjectNode container, JsonNode image) {
        String current = container.path("image").asText();
        int digestAt = current.indexOf('@');
        String withoutDigest = digestAt >= 0 ? current.substring(0, digestAt) : current;
        int tagAt = withoutDigest.lastIndexOf(':');
        boolean hasTag = tagAt > withoutDigest.lastIndexOf('/');
        String name = hasTag ? withoutDigest.substring(0, tagAt) : withoutDigest;
        String tag = hasTag ? withoutDigest.substring(tagAt) : "";
        if (!name.equals(image.path("name").asText())) {
            return 0;
        }
        String newName = image.path("newName").asText(name);
        if (image.hasNonNull("digest")) {
            container.put("image", newName + "@" + image.get("digest").asText());
        } else {
            container.put("image", newName + (image.hasNonNull("newTag") ? ":" + image.get("newTag").asText() : tag));
        }
        return 1;
    }

    private static void require(Path file, boolean condition, String message) {
        if (!condition) {
            throw new KustomizeException(file + ": " + message);
        }
    }

    static final class KustomizeException extends RuntimeException {
        KustomizeException(String message) {
            super(message);
        }
    }
}
