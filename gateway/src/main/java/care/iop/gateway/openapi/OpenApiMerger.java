package care.iop.gateway.openapi;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import care.iop.gateway.Routes;

/**
 * Merges the services' OpenAPI documents into one: all paths, the components of all (a name used by two
 * services for different definitions is renamed {@code <Service>_<Name>} in the later one, with its
 * {@code $ref}s rewritten; identical definitions are shared), tags, one bearer-JWT security scheme
 * required everywhere, and the gateway's servers.
 */
public final class OpenApiMerger {
    public static final String SECURITY_SCHEME = "bearer";
    private static final String REF_PREFIX = "#/components/";
    private static final String AUDIT_PATH = "/api/v1/audit";

    private final String title;
    private final String version;
    private final List<String> servers;

    public OpenApiMerger(String title, String version, List<String> servers) {
        this.title = title;
        this.version = version;
        this.servers = servers;
    }

    /** @param documents each service's document by service name, in the order they should appear */
    public JsonObject merge(Map<String, JsonObject> documents) {
        JsonObject paths = new JsonObject();
        JsonObject components = new JsonObject();
        JsonArray tags = new JsonArray();
        Map<String, Boolean> tagNames = new HashMap<>();
        String openapi = "3.0.3";
        boolean first = true;
        for (Map.Entry<String, JsonObject> entry : documents.entrySet()) {
            JsonObject document = entry.getValue().copy();
            if (first && document.getString("openapi") != null) {
                openapi = document.getString("openapi");
                first = false;
            }
            JsonObject own = document.getJsonObject("components", new JsonObject());
            own.remove("securitySchemes");
            Map<String, String> renames = renames(entry.getKey(), own, components);
            Object rewritten = rewriteRefs(document, renames);
            document = (JsonObject) rewritten;
            addComponents(document.getJsonObject("components", new JsonObject()), components, renames);
            addPaths(document.getJsonObject("paths", new JsonObject()), paths);
            for (Object tag : document.getJsonArray("tags", new JsonArray())) {
                if (tag instanceof JsonObject t && tagNames.putIfAbsent(t.getString("name", ""), true) == null) {
                    tags.add(t);
                }
            }
        }
        describeGatewayOperations(paths, components);
        components.put("securitySchemes", new JsonObject().put(SECURITY_SCHEME, new JsonObject()
                .put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "JWT")
                .put("description", "JWT from the identity provider (locally: ./iop token <role>)")));
        JsonArray serverList = new JsonArray();
        servers.forEach(url -> serverList.add(new JsonObject().put("url", url).put("description", "IOP Care gateway")));
        return new JsonObject()
                .put("openapi", openapi)
                .put("info", new JsonObject().put("title", title).put("version", version)
                        .put("description", "Every IOP Care service behind one gateway: " + String.join(", ", documents.keySet()) + "."))
                .put("servers", serverList)
                .put("security", new JsonArray().add(new JsonObject().put(SECURITY_SCHEME, new JsonArray())))
                .put("tags", tags)
                .put("paths", paths)
                .put("components", components);
    }

    /**
     * Component names of this document that must change: a name already merged with a different
     * definition. Repeated until stable, because renaming one component changes the ones referring to it.
     */
    private static Map<String, String> renames(String service, JsonObject own, JsonObject merged) {
        Map<String, String> renames = new LinkedHashMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String section : own.fieldNames()) {
                JsonObject ownSection = own.getJsonObject(section);
                JsonObject mergedSection = merged.getJsonObject(section, new JsonObject());
                if (ownSection == null) {
                    continue;
                }
                for (String name : ownSection.fieldNames()) {
                    String ref = REF_PREFIX + section + "/" + name;
                    if (renames.containsKey(ref) || !mergedSection.containsKey(name)) {
                        continue;
                    }
                    Object mine = rewriteRefs(ownSection.getValue(name), renames);
                    if (!mine.equals(mergedSection.getValue(name))) {
                        String renamed = uniqueName(capitalize(service) + "_" + name, mergedSection, ownSection);
                        renames.put(ref, REF_PREFIX + section + "/" + renamed);
                        changed = true;
                    }
                }
            }
        }
        return renames;
    }

    private static String uniqueName(String wanted, JsonObject mergedSection, JsonObject ownSection) {
        String name = wanted;
        for (int i = 2; mergedSection.containsKey(name) || ownSection.containsKey(name); i++) {
            name = wanted + i;
        }
        return name;
    }

    private static void addComponents(JsonObject own, JsonObject merged, Map<String, String> renames) {
        for (String section : own.fieldNames()) {
            JsonObject ownSection = own.getJsonObject(section);
            if (ownSection == null) {
                continue;
            }
            JsonObject mergedSection = merged.getJsonObject(section);
            if (mergedSection == null) {
                mergedSection = new JsonObject();
                merged.put(section, mergedSection);
            }
            for (String name : ownSection.fieldNames()) {
                String target = renames.getOrDefault(REF_PREFIX + section + "/" + name, REF_PREFIX + section + "/" + name)
                        .substring((REF_PREFIX + section + "/").length());
                mergedSection.getMap().putIfAbsent(target, ownSection.getValue(name));
            }
        }
    }

    private static void addPaths(JsonObject own, JsonObject merged) {
        for (String path : own.fieldNames()) {
            JsonObject operations = own.getJsonObject(path);
            JsonObject existing = merged.getJsonObject(path);
            if (existing == null) {
                merged.put(path, operations);
            } else {
                operations.forEach(op -> existing.getMap().putIfAbsent(op.getKey(), op.getValue()));
            }
        }
        // every operation uses the one bearer scheme
        merged.forEach(path -> {
            if (path.getValue() instanceof JsonObject ops) {
                ops.forEach(op -> {
                    if (op.getValue() instanceof JsonObject operation && operation.containsKey("security")) {
                        JsonArray security = operation.getJsonArray("security");
                        operation.put("security", security.isEmpty() ? security
                                : new JsonArray().add(new JsonObject().put(SECURITY_SCHEME, new JsonArray())));
                    }
                });
            }
        });
    }

    /**
     * Every service documents its own {@code GET /api/v1/audit} and {@code GET /api/v1/audit/verify}; behind
     * the gateway these paths are the gateway's own: the merge of all three trails (same parameters, same page
     * of entries), and the verification of all three chains ({@link AuditVerifyDocumentation}). They say so.
     */
    private static void describeGatewayOperations(JsonObject paths, JsonObject components) {
        AuditVerifyDocumentation.describe(paths, components, Routes.upstreamNames());
        JsonObject audit = paths.getJsonObject(AUDIT_PATH);
        JsonObject get = audit == null ? null : audit.getJsonObject("get");
        if (get != null) {
            get.put("summary", "Read the audit trail of every service")
                    .put("description", "Every read or write of patient data in participant-service, plan-service and session-service, "
                            + "merged in time order by the gateway, optionally for one patient and a time window [from, to). "
                            + "Each entry names the service that wrote it. Admins only.");
        }
    }

    /** A copy of {@code value} with every {@code $ref} found in {@code renames} replaced. */
    static Object rewriteRefs(Object value, Map<String, String> renames) {
        if (value instanceof JsonObject object) {
            JsonObject copy = new JsonObject();
            object.forEach(field -> {
                if ("$ref".equals(field.getKey()) && field.getValue() instanceof String ref) {
                    copy.put("$ref", renames.getOrDefault(ref, ref));
                } else {
                    copy.put(field.getKey(), rewriteRefs(field.getValue(), renames));
                }
            });
            return copy;
        }
        if (value instanceof JsonArray array) {
            JsonArray copy = new JsonArray();
            array.forEach(item -> copy.add(rewriteRefs(item, renames)));
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            return rewriteRefs(new JsonObject(castMap(map)), renames);
        }
        if (value instanceof List<?> list) {
            return rewriteRefs(new JsonArray(new java.util.ArrayList<>(list)), renames);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static String capitalize(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
