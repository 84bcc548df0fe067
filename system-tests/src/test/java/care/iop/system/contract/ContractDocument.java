package care.iop.system.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The checked-in merged API document ({@code system-tests/src/main/openapi/iop-care.json}), which the build
 * generates the Java client from: read, compared with the live one, and rewritten when asked to.
 */
public final class ContractDocument {
    /** Refreshes the checked-in document from the live one instead of failing on a difference. */
    public static final String UPDATE_SWITCH = "iop.openapi.update";
    public static final String REFRESH_COMMAND = "./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Dit.test=OpenApiContractIT -Dit.failIfNoSpecifiedTests=false -D" + UPDATE_SWITCH + "=true";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractDocument() {
    }

    public static Path path() {
        String configured = System.getProperty("iop.openapi.document");
        if (configured != null) {
            return Path.of(configured);
        }
        Path home = Path.of(System.getProperty("iop.home", "..")).toAbsolutePath().normalize();
        return home.resolve("system-tests/src/main/openapi/iop-care.json");
    }

    public static String read() {
        try {
            return Files.readString(path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code document} as the checked-in one: two spaces, one field or item a line, a final newline. */
    public static void write(JsonNode document) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
        try {
            Files.writeString(path(), JSON.writer(printer).writeValueAsString(document) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON pointers where the two documents differ (a member only in one, or another value), at most {@code limit}. */
    public static List<String> differences(JsonNode expected, JsonNode actual, int limit) {
        List<String> found = new ArrayList<>();
        diff("", expected, actual, found, limit);
        return found;
    }

    private static void diff(String pointer, JsonNode expected, JsonNode actual, List<String> found, int limit) {
        if (found.size() >= limit || expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!expected.has(name)) {
                    found.add(child + ": only in the live document");
                } else if (!actual.has(name)) {
                    found.add(child + ": only in the checked-in document");
                } else {
                    diff(child, expected.get(name), actual.get(name), found, limit);
                }
                if (found.size() >= limit) {
                    return;
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size() && found.size() < limit; i++) {
                diff(pointer + "/" + i, expected.get(i), actual.get(i), found, limit);
            }
        } else {
            found.add(pointer + ": checked-in " + abbreviate(expected) + ", live " + abbreviate(actual));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
