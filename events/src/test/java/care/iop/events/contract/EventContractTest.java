package care.iop.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import care.iop.events.EventCatalog;
import care.iop.events.EventTypes;
import care.iop.events.Topics;

/**
 * The AsyncAPI document cannot drift from the events module: it is derived from {@link EventCatalog} and the payload
 * records ({@link AsyncApiGenerator}) and must equal the checked-in files, which must validate against the official
 * AsyncAPI 3.0.0 JSON Schema. After changing an event: {@code ./mvnw -pl events test -Dasyncapi.refresh=true}, then
 * review and commit the rewritten files.
 */
class EventContractTest {
    static final Path DIRECTORY = Path.of("src/main/resources/META-INF/asyncapi");
    static final Path YAML_FILE = DIRECTORY.resolve("asyncapi.yaml");
    static final Path JSON_FILE = DIRECTORY.resolve("asyncapi.json");
    private static final String REFRESH = "Run ./mvnw -pl events test -Dasyncapi.refresh=true and commit events/" ;
    private static final String HEADER = "# Generated from care.iop.events.EventCatalog and the payload records by the events module's\n"
            + "# EventContractTest: do not edit. Refresh: ./mvnw -pl events test -Dasyncapi.refresh=true\n";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    @Test
    void everyEventTypeIsInTheCatalogOnceWithAKnownTopic() throws IllegalAccessException {
        List<String> declared = constants(EventTypes.class);
        List<String> catalogued = EventCatalog.ENTRIES.stream().map(EventCatalog.Entry::type).toList();

        assertThat(catalogued).as("EventCatalog.ENTRIES: one entry per EventTypes constant").containsExactlyInAnyOrderElementsOf(declared);
        List<String> topics = constants(Topics.class).stream().filter(t -> !t.equals(Topics.DLQ_SUFFIX)).toList();
        assertThat(EventCatalog.PRODUCERS.keySet()).containsExactlyInAnyOrderElementsOf(topics);
        assertThat(EventCatalog.ENTRIES).allSatisfy(entry -> assertThat(topics).contains(entry.topic()));
    }

    @Test
    void theCheckedInDocumentIsTheOneDerivedFromTheRecords() throws IOException {
        JsonNode derived = AsyncApiGenerator.document();
        if (Boolean.getBoolean("asyncapi.refresh")) {
            Files.createDirectories(DIRECTORY);
            Files.writeString(YAML_FILE, HEADER + YAML.writeValueAsString(derived), StandardCharsets.UTF_8);
            Files.writeString(JSON_FILE, JSON.writeValueAsString(derived) + "\n", StandardCharsets.UTF_8);
        }

        assertThat(Files.exists(YAML_FILE)).as(REFRESH + YAML_FILE).isTrue();
        assertThat(YAML.readTree(YAML_FILE.toFile())).as("events/" + YAML_FILE + " is out of date. " + REFRESH + YAML_FILE).isEqualTo(derived);
        assertThat(JSON.readTree(JSON_FILE.toFile())).as("events/" + JSON_FILE + " is out of date. " + REFRESH + JSON_FILE).isEqualTo(derived);
    }

    @Test
    void theDocumentValidatesAgainstTheAsyncApi300Schema() throws IOException {
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }

        Set<ValidationMessage> errors = schema.validate(YAML.readTree(YAML_FILE.toFile()));

        assertThat(errors).as("AsyncAPI 3.0.0 validation errors").isEmpty();
    }

    @Test
    void theSchemaCatchesAnInvalidDocument() throws IOException {
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        JsonNode broken = AsyncApiGenerator.document();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("operations").get("publishParticipants")).put("action", "publish");

        assertThat(schema.validate(broken)).isNotEmpty();
    }

    @Test
    void messageIdsFollowTheTypeNames() {
        assertThat(AsyncApiGenerator.messageId(EventTypes.PATIENT_CONSENT_GRANTED)).isEqualTo("patientConsentGrantedV1");
        assertThat(AsyncApiGenerator.messageId(EventTypes.SAFETY_FLAG_RAISED)).isEqualTo("assessmentSafetyFlagRaisedV1");
    }

    private static List<String> constants(Class<?> type) throws IllegalAccessException {
        List<String> values = new java.util.ArrayList<>();
        for (Field field : Arrays.stream(type.getDeclaredFields()).filter(f -> Modifier.isPublic(f.getModifiers())
                && Modifier.isStatic(f.getModifiers()) && f.getType() == String.class).toList()) {
            values.add((String) field.get(null));
        }
        return values;
    }
}
