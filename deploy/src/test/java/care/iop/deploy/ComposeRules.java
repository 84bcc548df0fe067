package care.iop.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Checks a Compose file the way {@code docker compose config} would (YAML with anchors and merge keys, then the
 * Compose specification schema), plus this project's promises: images built from a module's Dockerfile, health
 * checks everywhere, {@code depends_on} that waits for health, named volumes for the data, only the gateway
 * published.
 */
final class ComposeRules {
    static final Set<String> INFRASTRUCTURE = Set.of("postgres", "kafka");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::?-([^}]*))?}");
    private static final JsonSchema SCHEMA = loadSchema();

    private ComposeRules() {
    }

    static List<String> check(JsonNode compose, Path root) {
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : SCHEMA.validate(interpolate(compose))) {
            problems.add("schema: " + message.getMessage());
        }
        JsonNode services = compose.path("services");
        if (!services.isObject() || services.isEmpty()) {
            problems.add("no services");
            return problems;
        }
        for (String required : List.of("postgres", "kafka", "participant-service", "plan-service", "session-service", "gateway")) {
            if (!services.has(required)) {
                problems.add("service " + required + " is missing");
            }
        }
        Iterator<Map.Entry<String, JsonNode>> entries = services.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            checkService(entry.getKey(), entry.getValue(), compose, root, problems);
        }
        if (!services.path("postgres").path("image").asText().matches("postgres:15(\\..*)?")) {
            problems.add("postgres must run PostgreSQL 15");
        }
        if (!services.path("kafka").path("image").asText().startsWith("apache/kafka:")) {
            problems.add("kafka must run the official apache/kafka image");
        }
        if (!services.path("kafka").path("environment").path("KAFKA_PROCESS_ROLES").asText().contains("controller")) {
            problems.add("kafka must run in KRaft mode (KAFKA_PROCESS_ROLES with controller)");
        }
        for (String stateful : INFRASTRUCTURE) {
            if (!usesNamedVolume(services.path(stateful), compose)) {
                problems.add(stateful + " must keep its data in a named volume");
            }
        }
        return problems;
    }

    private static void checkService(String name, JsonNode service, JsonNode compose, Path root, List<String> problems) {
        JsonNode build = service.path("build");
        if (!build.isMissingNode()) {
            Path context = root.resolve(build.path("context").asText(".")).normalize();
            Path dockerfile = context.resolve(build.path("dockerfile").asText("Dockerfile")).normalize();
            Path module = dockerfile.getParent().getParent().getParent().getParent();
            if (!Files.isRegularFile(dockerfile)) {
                problems.add(name + ": Dockerfile " + root.relativize(dockerfile) + " does not exist");
            } else if (!dockerfile.endsWith(Path.of(name, "src/main/docker/Dockerfile.jvm"))
                    || !Files.isRegularFile(module.resolve("pom.xml"))) {
                problems.add(name + ": must build from its module's src/main/docker/Dockerfile.jvm");
            } else {
                checkDockerfile(name, dockerfile, problems);
                checkModuleListed(name, root, problems);
            }
        } else if (!service.has("image")) {
            problems.add(name + ": neither build nor image");
        }
        boolean oneShot = "no".equals(service.path("restart").asText());
        if (!oneShot && (!service.path("healthcheck").has("test") || service.path("healthcheck").path("disable").asBoolean(false))) {
            problems.add(name + ": no health check");
        }
        if (service.has("ports") && !name.equals("gateway")) {
            problems.add(name + ": only the gateway may publish ports");
        }
        JsonNode dependsOn = service.path("depends_on");
        if (dependsOn.isArray()) {
            problems.add(name + ": depends_on must name a condition for each dependency");
        }
        dependsOn.fields().forEachRemaining(dependency -> {
            JsonNode target = compose.path("services").path(dependency.getKey());
            String condition = dependency.getValue().path("condition").asText();
            if (target.isMissingNode()) {
                problems.add(name + ": depends on unknown service " + dependency.getKey());
            } else if ("no".equals(target.path("restart").asText())) {
                if (!condition.equals("service_completed_successfully")) {
                    problems.add(name + ": must wait for one-shot " + dependency.getKey() + " to complete successfully");
                }
            } else if (!condition.equals("service_healthy")) {
                problems.add(name + ": depends_on " + dependency.getKey() + " must use condition service_healthy");
            }
        });
        if (ComposeRules.isApplication(name)) {
            for (String dependency : List.of("postgres", "kafka")) {
                if (!name.equals("gateway") && !dependsOn.has(dependency)) {
                    problems.add(name + ": must wait for " + dependency);
                }
            }
        }
        if (ManifestRules.SERVICES.contains(name)) {
            checkDatabaseRoles(name, interpolate(service.path("environment")), problems);
        }
    }

    /** The service works as an app role; Flyway migrates as another role (the owner) and grants to the app role. */
    private static void checkDatabaseRoles(String name, JsonNode environment, List<String> problems) {
        String user = environment.path("QUARKUS_DATASOURCE_USERNAME").asText();
        String migrator = environment.path("QUARKUS_FLYWAY_USERNAME").asText();
        if (migrator.isEmpty() || environment.path("QUARKUS_FLYWAY_PASSWORD").asText().isEmpty()) {
            problems.add(name + ": QUARKUS_FLYWAY_USERNAME and QUARKUS_FLYWAY_PASSWORD must name the database owner Flyway migrates as");
        } else if (migrator.equals(user)) {
            problems.add(name + ": the service must not work as the role Flyway migrates as (" + user + ")");
        }
        if (!user.equals(environment.path("QUARKUS_FLYWAY_PLACEHOLDERS_APP_ROLE").asText())) {
            problems.add(name + ": QUARKUS_FLYWAY_PLACEHOLDERS_APP_ROLE must be the role the service works as (" + user + ")");
        }
    }

    static boolean isApplication(String name) {
        return ManifestRules.COMPONENTS.contains(name);
    }

    private static void checkDockerfile(String name, Path dockerfile, List<String> problems) {
        try {
            String text = Files.readString(dockerfile);
            List<String> users = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.strip().toUpperCase().startsWith("USER ")) {
                    users.add(line.strip().substring(5).strip());
                }
            }
            if (users.isEmpty() || users.get(users.size() - 1).matches("0|root(:.*)?")) {
                problems.add(name + ": the Dockerfile must end as a non-root USER");
            }
            if (!text.contains("quarkus-app") || !text.contains("quarkus-run.jar")) {
                problems.add(name + ": the Dockerfile must run the Quarkus fast-jar (JVM mode)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkModuleListed(String name, Path root, List<String> problems) {
        try {
            if (!Files.readString(root.resolve("pom.xml")).contains("<module>" + name + "</module>")) {
                problems.add(name + ": not a module of the root pom.xml");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean usesNamedVolume(JsonNode service, JsonNode compose) {
        for (JsonNode volume : service.path("volumes")) {
            String source = volume.isTextual() ? volume.asText().split(":")[0] : volume.path("source").asText();
            if (compose.path("volumes").has(source)) {
                return true;
            }
        }
        return false;
    }

    /** Replaces ${VAR}, ${VAR:-default} and ${VAR-default} with the default (or "x"), as Compose does before validating. */
    static JsonNode interpolate(JsonNode node) {
        if (node.isTextual()) {
            Matcher matcher = VARIABLE.matcher(node.asText());
            StringBuilder text = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(text, Matcher.quoteReplacement(matcher.group(2) != null ? matcher.group(2) : "x"));
            }
            matcher.appendTail(text);
            return YamlDocuments.JSON.getNodeFactory().textNode(text.toString().replace("$$", "$"));
        }
        JsonNode copy = node.deepCopy();
        if (copy.isObject()) {
            var fields = node.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                ((com.fasterxml.jackson.databind.node.ObjectNode) copy).set(field.getKey(), interpolate(field.getValue()));
            }
        } else if (copy.isArray()) {
            for (int i = 0; i < copy.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) copy).set(i, interpolate(node.get(i)));
            }
        }
        return copy;
    }

    /**
     * The vendored schema still carries draft-04 style {@code "id"} annotations, which draft 2019-09 validators do
     * not accept as keywords; they only name sub-schemas, so they are dropped before compiling.
     */
    private static JsonSchema loadSchema() {
        try (InputStream input = ComposeRules.class.getResourceAsStream("/schemas/compose-spec.json")) {
            JsonNode schema = YamlDocuments.JSON.readTree(input);
            dropIdAnnotations(schema);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dropIdAnnotations(JsonNode node) {
        if (node.isObject()) {
            if (node.path("id").isTextual()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove("id");
            }
            node.forEach(ComposeRules::dropIdAnnotations);
        } else if (node.isArray()) {
            node.forEach(ComposeRules::dropIdAnnotations);
        }
    }
}
