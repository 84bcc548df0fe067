package care.iop.deploy;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** RFC 6902 add, replace and remove (the operations the overlays use); a path that does not apply is an error. */
final class JsonPatch {
    private JsonPatch() {
    }

    static void apply(ObjectNode document, ArrayNode operations) {
        for (JsonNode operation : operations) {
            String op = operation.path("op").asText();
            List<String> tokens = tokens(operation.path("path").asText());
            if (tokens.isEmpty()) {
                throw new KustomizeRenderer.KustomizeException("JSON patch on the whole document is not supported");
            }
            JsonNode parent = document;
            for (String token : tokens.subList(0, tokens.size() - 1)) {
                parent = child(parent, token, operation);
            }
            String last = tokens.get(tokens.size() - 1);
            switch (op) {
                case "add" -> add(parent, last, operation.get("value"), operation);
                case "replace" -> {
                    child(parent, last, operation);
                    set(parent, last, operation.get("value"), operation);
                }
                case "remove" -> {
                    child(parent, last, operation);
                    if (parent.isObject()) {
                        ((ObjectNode) parent).remove(last);
                    } else {
                        ((ArrayNode) parent).remove(Integer.parseInt(last));
                    }
                }
                default -> throw new KustomizeRenderer.KustomizeException("JSON patch op '" + op + "' is not supported");
            }
        }
    }

    private static List<String> tokens(String pointer) {
        List<String> tokens = new ArrayList<>();
        if (pointer.isEmpty()) {
            return tokens;
        }
        if (!pointer.startsWith("/")) {
            throw new KustomizeRenderer.KustomizeException("bad JSON pointer " + pointer);
        }
        for (String token : pointer.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static JsonNode child(JsonNode parent, String token, JsonNode operation) {
        JsonNode child = null;
        if (parent.isObject()) {
            child = parent.get(token);
        } else if (parent.isArray() && token.matches("\\d+")) {
            child = parent.get(Integer.parseInt(token));
        }
        if (child == null) {
            throw new KustomizeRenderer.KustomizeException("JSON patch path does not exist: " + operation);
        }
        return child;
    }

    private static void add(JsonNode parent, String token, JsonNode value, JsonNode operation) {
        if (parent.isArray()) {
            ArrayNode array = (ArrayNode) parent;
            if (token.equals("-")) {
                array.add(value.deepCopy());
            } else if (token.matches("\\d+") && Integer.parseInt(token) <= array.size()) {
                array.insert(Integer.parseInt(token), value.deepCopy());
            } else {
                throw new KustomizeRenderer.KustomizeException("JSON patch index out of range: " + operation);
            }
        } else {
            set(parent, token, value, operation);
        }
    }

    private static void set(JsonNode parent, String token, JsonNode value, JsonNode operation) {
        if (value == null) {
            throw new KustomizeRenderer.KustomizeException("JSON patch without value: " + operation);
        }
        if (parent.isObject()) {
            ((ObjectNode) parent).set(token, value.deepCopy());
        } else if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(token), value.deepCopy());
        } else {
            throw new KustomizeRenderer.KustomizeException("JSON patch parent is not a container: " + operation);
        }
    }
}
