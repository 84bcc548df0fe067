package care.iop.system.contract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * What the merged API document must be for an integrator to generate a client from it: valid for the
 * swagger-parser (the parser openapi-generator uses), and on top of that what that parser lets pass:
 * every operation has a unique, verb-first operationId and a declared, described tag; every header has a
 * schema; every default has its schema's type; every JSON answer has a schema; no oneOf or anyOf without a
 * discriminator; no unused component; info names a contact and a licence.
 */
public final class OpenApiRules {
    /** The verbs an operationId may start with (docs/gateway.md, "Generating a client"). */
    public static final Set<String> VERBS = Set.of("get", "search", "list", "create", "replace", "delete", "cancel", "book",
            "record", "discharge", "revoke", "acknowledge", "switch", "change", "compare", "reschedule", "verify");
    private static final Pattern OPERATION_ID = Pattern.compile("[a-z]+(?:[A-Z][a-z0-9]*)+|[a-z]+");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String REF_PREFIX = "#/components/";

    private OpenApiRules() {
    }

    /** Every message of the swagger-parser (errors and warnings alike), then every broken rule; empty when the document is fit. */
    public static List<String> check(String json, JsonNode document) {
        List<String> problems = new ArrayList<>(parserMessages(json));
        problems.addAll(rules(document));
        return problems;
    }

    public static List<String> parserMessages(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        List<String> messages = new ArrayList<>();
        if (result.getMessages() != null) {
            result.getMessages().forEach(message -> messages.add("swagger-parser: " + message));
        }
        if (result.getOpenAPI() == null) {
            messages.add("swagger-parser: not an OpenAPI document");
        }
        return messages;
    }

    public static List<String> rules(JsonNode document) {
        List<String> problems = new ArrayList<>();
        info(document.path("info"), problems);
        Map<String, Boolean> tags = new HashMap<>();
        document.path("tags").forEach(tag -> {
            tags.put(tag.path("name").asText(), true);
            if (tag.path("description").asText().isBlank()) {
                problems.add("tag " + tag.path("name").asText() + ": no description");
            }
        });
        Map<String, String> operationIds = new HashMap<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                operation(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue(), tags, operationIds, problems);
            }
        }));
        document.path("components").path("headers").fields()
                .forEachRemaining(header -> header(header.getValue(), "components.headers." + header.getKey(), problems));
        document.path("components").path("responses").fields()
                .forEachRemaining(response -> response(response.getValue(), "components.responses." + response.getKey(), problems));
        walk(document, "", problems);
        unused(document, problems);
        return problems;
    }

    private static void info(JsonNode info, List<String> problems) {
        for (String field : List.of("title", "version")) {
            if (info.path(field).asText().isBlank()) {
                problems.add("info: no " + field);
            }
        }
        if (info.path("contact").path("name").asText().isBlank()
                || info.path("contact").path("url").asText().isBlank() && info.path("contact").path("email").asText().isBlank()) {
            problems.add("info: no contact (name and url or email)");
        }
        if (info.path("license").path("name").asText().isBlank()) {
            problems.add("info: no license");
        }
    }

    private static void operation(String where, JsonNode operation, Map<String, Boolean> tags, Map<String, String> operationIds,
                                  List<String> problems) {
        String id = operation.path("operationId").asText("");
        if (id.isBlank()) {
            problems.add(where + ": no operationId");
        } else {
            String firstWord = id.split("(?=[A-Z0-9])")[0];
            if (!OPERATION_ID.matcher(id).matches() || !VERBS.contains(firstWord)) {
                problems.add(where + ": operationId " + id + " is not lowerCamelCase starting with one of " + VERBS);
            }
            String other = operationIds.putIfAbsent(id, where);
            if (other != null) {
                problems.add(where + ": operationId " + id + " is also the id of " + other);
            }
        }
        if (!operation.path("tags").isArray() || operation.path("tags").isEmpty()) {
            problems.add(where + ": no tag");
        }
        operation.path("tags").forEach(tag -> {
            if (!tags.containsKey(tag.asText())) {
                problems.add(where + ": tag " + tag.asText() + " is not declared in tags");
            }
        });
        operation.path("responses").fields().forEachRemaining(response -> response(response.getValue(), where + " " + response.getKey(), problems));
    }

    private static void response(JsonNode response, String where, List<String> problems) {
        response.path("headers").fields().forEachRemaining(header -> header(header.getValue(), where + " header " + header.getKey(), problems));
        if (where.matches(".* 2\\d\\d")) {
            response.path("content").fields().forEachRemaining(media -> {
                JsonNode schema = media.getValue().path("schema");
                if (media.getKey().contains("json") && (schema.isMissingNode() || schema.isObject() && schema.isEmpty())) {
                    problems.add(where + " " + media.getKey() + ": no schema (a generated client could not read the answer)");
                }
            });
        }
    }

    private static void header(JsonNode header, String where, List<String> problems) {
        if (!header.has("$ref") && !header.has("schema") && !header.has("content")) {
            problems.add(where + ": neither schema nor content");
        }
    }

    /** Over every object: defaults of the schema's type; oneOf and anyOf only with a discriminator. */
    private static void walk(JsonNode node, String where, List<String> problems) {
        if (node.isObject()) {
            JsonNode type = node.get("type");
            if (type != null && type.isTextual() && node.has("default") && !fits(type.asText(), node.get("default"))) {
                problems.add(where + ": default " + node.get("default") + " is not of type " + type.asText());
            }
            for (String composition : List.of("oneOf", "anyOf")) {
                if (node.path(composition).isArray() && node.path(composition).size() > 1 && !node.has("discriminator")) {
                    problems.add(where + ": " + composition + " without a discriminator (its branches may not be distinguishable)");
                }
            }
            node.fields().forEachRemaining(field -> walk(field.getValue(), where + "/" + field.getKey(), problems));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "/" + i, problems);
            }
        }
    }

    private static boolean fits(String type, JsonNode value) {
        return switch (type) {
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "string" -> value.isTextual();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> true;
        };
    }

    /** Components no path refers to, directly or through other components (security schemes are named, not referred to). */
    private static void unused(JsonNode document, List<String> problems) {
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        refs(document.path("paths"), pending);
        while (!pending.isEmpty()) {
            String ref = pending.pop();
            if (ref.startsWith(REF_PREFIX) && reached.add(ref)) {
                String[] sectionAndName = ref.substring(REF_PREFIX.length()).split("/", 2);
                if (sectionAndName.length == 2) {
                    refs(document.path("components").path(sectionAndName[0]).path(sectionAndName[1]), pending);
                }
            }
        }
        document.path("components").fields().forEachRemaining(section -> {
            if (!section.getKey().equals("securitySchemes")) {
                for (Iterator<String> names = section.getValue().fieldNames(); names.hasNext(); ) {
                    String ref = REF_PREFIX + section.getKey() + "/" + names.next();
                    if (!reached.contains(ref)) {
                        problems.add(ref + ": not used");
                    }
                }
            }
        });
    }

    private static void refs(JsonNode node, Deque<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    refs.push(field.getValue().asText());
                } else {
                    refs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> refs(item, refs));
        }
    }
}
