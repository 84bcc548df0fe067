package care.iop.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads YAML (with anchors and merge keys resolved, as Compose and kubectl do) into Jackson trees. */
final class YamlDocuments {
    static final ObjectMapper JSON = new ObjectMapper();

    private YamlDocuments() {
    }

    static JsonNode read(Path file) {
        List<JsonNode> documents = readAll(file);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + ": expected one YAML document, found " + documents.size());
        }
        return documents.get(0);
    }

    static List<JsonNode> readAll(Path file) {
        try {
            return parseAll(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    static List<JsonNode> parseAll(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        List<JsonNode> documents = new ArrayList<>();
        for (Object document : yaml.loadAll(text)) {
            if (document != null) {
                documents.add(JSON.valueToTree(document));
            }
        }
        return documents;
    }
}
