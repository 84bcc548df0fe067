package care.iop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class ComposeFileTest {
    private final Path root = Repository.root();
    private final JsonNode compose = YamlDocuments.read(root.resolve("docker-compose.yml"));

    @Test
    void composeFileIsValidAndKeepsEveryPromise() {
        assertThat(ComposeRules.check(compose, root)).isEmpty();
    }

    @Test
    void everyApplicationIsBuiltFromItsModulesDockerfile() {
        for (String component : ManifestRules.COMPONENTS) {
            JsonNode build = compose.path("services").path(component).path("build");
            assertThat(build.path("dockerfile").asText()).isEqualTo(component + "/src/main/docker/Dockerfile.jvm");
            assertThat(root.resolve(build.path("context").asText()).resolve(build.path("dockerfile").asText())).isRegularFile();
        }
    }

    @Test
    void onlyTheGatewayPublishesAPort() {
        compose.path("services").fields().forEachRemaining(service ->
                assertThat(service.getValue().has("ports")).as(service.getKey()).isEqualTo(service.getKey().equals("gateway")));
        assertThat(ComposeRules.interpolate(compose.path("services").path("gateway").path("ports")).get(0).asText())
                .isEqualTo("8080:8080");
    }

    @Test
    void postgresInitScriptCreatesOneDatabasePerService() throws Exception {
        Path script = root.resolve("deploy/compose/postgres/init-databases.sh");
        assertThat(compose.path("services").path("postgres").path("volumes").toString())
                .contains("./deploy/compose/postgres/init-databases.sh:/docker-entrypoint-initdb.d/");
        String text = Files.readString(script);
        for (String component : ManifestRules.SERVICES) {
            JsonNode environment = compose.path("services").path(component).path("environment");
            String database = environment.path("QUARKUS_DATASOURCE_JDBC_URL").asText().replaceAll(".*/", "");
            assertThat(ManifestRules.DATABASES).contains(database);
            // create <owner> <database> <owner password> <app role> <app role password>
            assertThat(text).containsPattern("create\\s+" + environment.path("QUARKUS_FLYWAY_USERNAME").asText() + "\\s+" + database
                    + "\\s+\\S+\\s+" + environment.path("QUARKUS_DATASOURCE_USERNAME").asText() + "\\s");
        }
        assertThat(Files.isExecutable(script)).as("executable init script").isTrue();
    }
}
