package care.iop.gateway.openapi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import care.iop.gateway.Routes;

/**
 * Merges the services' OpenAPI documents into one: all paths, the components of all (a name used by two
 * services for different definitions is renamed {@code <Service>_<Name>} in the later one, with its
 * {@code $ref}s rewritten; identical definitions are shared; components no path refers to, directly or through
 * other components, are left out), tags, one bearer-JWT security scheme required everywhere, and the gateway's
 * info and servers. Operation ids stay unique: an id that a later service uses for another operation becomes
 * {@code <service><Id>} there (the build refuses such a clash, see system-tests' OpenApiContractIT; this keeps
 * the served document valid meanwhile). The services' FHIR endpoints ({@code /fhir/...}) are left out: FHIR clients read the
 * API from the CapabilityStatement the gateway merges at {@code /fhir/R4/metadata}, the services' internal parts are not
 * reachable through the gateway, and HAPI's resource models are no JSON API schemas.
 */
public final class OpenApiMerger {
    public static final String SECURITY_SCHEME = "bearer";
    private static final String REF_PREFIX = "#/components/";
    private static final String AUDIT_PATH = "/api/v1/audit";
    private static final String FHIR_PATHS = "/fhir/";

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final JsonObject info;
    private final List<String> servers;

    /**
     * @param info the document's info without its description (title, version, contact, license), as
     *             {@link #info} makes it
     * @param servers the gateway's public URLs
     */
    public OpenApiMerger(JsonObject info, List<String> servers) {
        this.info = info;
        this.servers = servers;
    }

    /**
     * The info object of a merged document. {@code license} is a name and then either an SPDX identifier or a URL
     * (OpenAPI 3.1 allows one of them): a value starting with {@code http} is the URL; may be null.
     */
    public static JsonObject info(String title, String version, String contactName, String contactUrl, String licenseName, String license) {
        JsonObject licenseObject = new JsonObject().put("name", licenseName);
        if (license != null && !license.isBlank()) {
            licenseObject.put(license.startsWith("http") ? "url" : "identifier", license);
        }
        return new JsonObject().put("title", title).put("version", version)
                .put("contact", new JsonObject().put("name", contactName).put("url", contactUrl))
                .put("license", licenseObject);
    }

    /** @param documents each service's document by service name, in the order they should appear */
    public JsonObject merge(Map<String, JsonObject> documents) {
        JsonObject paths = new JsonObject();
        JsonObject components = new JsonObject();
        JsonArray tags = new JsonArray();
        Map<String, Boolean> tagNames = new HashMap<>();
        Map<String, String> operationIds = new HashMap<>();
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
            addPaths(entry.getKey(), document.getJsonObject("paths", new JsonObject()), paths, operationIds);
            for (Object tag : document.getJsonArray("tags", new JsonArray())) {
                if (tag instanceof JsonObject t && tagNames.putIfAbsent(t.getString("name", ""), true) == null) {
                    tags.add(t);
                }
            }
        }
        describeGatewayOperations(paths, components);
        dropUnreferenced(paths, components);
        components.put("securitySchemes", new JsonObject().put(SECURITY_SCHEME, new JsonObject()
                .put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "JWT")
                .put("description", "JWT from the identity provider (locally: ./iop token <role>)")));
        JsonArray serverList = new JsonArray();
        servers.forEach(url -> serverList.add(new JsonObject().put("url", url).put("description", "IOP Care gateway")));
        return new JsonObject()
                .put("openapi", openapi)
                .put("info", info.copy()
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

    private static void addPaths(String service, JsonObject own, JsonObject merged, Map<String, String> operationIds) {
        for (String path : own.fieldNames()) {
            if (path.startsWith(FHIR_PATHS)) {
                continue; // the FHIR API is described by its CapabilityStatement (/fhir/R4/metadata), not here
            }
            JsonObject operations = own.getJsonObject(path);
            JsonObject existing = merged.getJsonObject(path);
            if (existing == null) {
                existing = new JsonObject();
                merged.put(path, existing);
            }
            for (String method : operations.fieldNames()) {
                if (existing.containsKey(method)) {
                    continue;
                }
                Object value = operations.getValue(method);
                if (value instanceof JsonObject operation && METHODS.contains(method)) {
                    uniqueOperationId(service, operation, method + " " + path, operationIds);
                }
                existing.put(method, value);
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

    /** Keeps the operation's id unless another operation has it already: then {@code <service><Id>}. */
    private static void uniqueOperationId(String service, JsonObject operation, String where, Map<String, String> operationIds) {
        String id = operation.getString("operationId");
        if (id == null) {
            return;
        }
        String unique = id;
        for (int i = 2; operationIds.containsKey(unique); i++) {
            unique = service + capitalize(id) + (i > 2 ? Integer.toString(i - 1) : "");
        }
        operationIds.put(unique, where);
        operation.put("operationId", unique);
    }

    /**
     * Removes the components that no path refers to, directly or through other components: a service's own
     * version of a path another service documents first (each service's audit paths) leaves its components
     * behind. Security schemes are kept (operations name them, not {@code $ref} them).
     */
    private static void dropUnreferenced(JsonObject paths, JsonObject components) {
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        collectRefs(paths, pending);
        while (!pending.isEmpty()) {
            String ref = pending.pop();
            if (!ref.startsWith(REF_PREFIX) || !reached.add(ref)) {
                continue;
            }
            String[] sectionAndName = ref.substring(REF_PREFIX.length()).split("/", 2);
            JsonObject section = components.getJsonObject(sectionAndName[0]);
            if (section != null && sectionAndName.length == 2) {
                collectRefs(section.getValue(sectionAndName[1]), pending);
            }
        }
        for (String section : List.copyOf(components.fieldNames())) {
            if (!(components.getValue(section) instanceof JsonObject named) || "securitySchemes".equals(section)) {
                continue;
            }
            named.fieldNames().removeIf(name -> !reached.contains(REF_PREFIX + section + "/" + name));
            if (named.isEmpty()) {
                components.remove(section);
            }
        }
    }

    private static void collectRefs(Object value, Deque<String> refs) {
        if (value instanceof JsonObject object) {
            object.forEach(field -> {
                if ("$ref".equals(field.getKey()) && field.getValue() instanceof String ref) {
                    refs.push(ref);
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (value instanceof JsonArray array) {
            array.forEach(item -> collectRefs(item, refs));
        }
    }

    /**
     * Every service documents its own {@code GET /api/v1/audit} and {@code GET /api/v1/audit/verify}; behind
     * the gateway these paths are the gateway's own: the merge of all three trails (same parameters, same page
     * of entries), and the verification of all three chains ({@link AuditVerifyDocumentation}). They say so. The worklist
     * merge is the gateway's alone ({@link WorklistDocumentation}).
     */
    private static void describeGatewayOperations(JsonObject paths, JsonObject components) {
        AuditVerifyDocumentation.describe(paths, components, Routes.upstreamNames());
        WorklistDocumentation.describe(paths, components);
        JsonObject audit = paths.getJsonObject(AUDIT_PATH);
        JsonObject get = audit == null ? null : audit.getJsonObject("get");
        if (get != null) {
            get.put("operationId", "searchAuditEntries")
                    .put("summary", "Read the audit trail of every service")
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
