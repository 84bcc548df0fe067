package care.iop.deploy;

import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/** Which Secrets a Deployment's pod uses, and where a key of a Secret appears as a file in its first container. */
final class Mounts {
    private Mounts() {
    }

    /**
     * The path at which the first container sees {@code key} of {@code secret}: a Secret volume (all its keys, or
     * the key listed in {@code items}) mounted as a directory. A {@code subPath} mount does not count: its file is
     * never updated when the Secret changes, so a renewed certificate would not reach the pod. Null when not mounted.
     */
    static String secretFile(JsonNode deployment, String secret, String key) {
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        for (JsonNode volume : pod.path("volumes")) {
            JsonNode source = volume.path("secret");
            if (!secret.equals(source.path("secretName").asText())) {
                continue;
            }
            String file = source.has("items") ? null : key;
            for (JsonNode item : source.path("items")) {
                if (key.equals(item.path("key").asText())) {
                    file = item.path("path").asText();
                }
            }
            if (file == null) {
                continue;
            }
            for (JsonNode mount : RuleSet.container(deployment).path("volumeMounts")) {
                if (volume.path("name").asText().equals(mount.path("name").asText()) && !mount.has("subPath")) {
                    return mount.path("mountPath").asText().replaceAll("/$", "") + "/" + file;
                }
            }
        }
        return null;
    }

    /** Every Secret the pod refers to: volumes, env and envFrom of every container. */
    static Set<String> secretsUsed(JsonNode deployment) {
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        Set<String> secrets = new TreeSet<>();
        pod.path("volumes").forEach(volume -> {
            if (volume.has("secret")) {
                secrets.add(volume.path("secret").path("secretName").asText());
            }
        });
        for (String containers : new String[] {"initContainers", "containers"}) {
            for (JsonNode container : pod.path(containers)) {
                container.path("env").forEach(env -> {
                    if (env.path("valueFrom").has("secretKeyRef")) {
                        secrets.add(env.path("valueFrom").path("secretKeyRef").path("name").asText());
                    }
                });
                container.path("envFrom").forEach(source -> {
                    if (source.has("secretRef")) {
                        secrets.add(source.path("secretRef").path("name").asText());
                    }
                });
            }
        }
        return secrets;
    }
}
