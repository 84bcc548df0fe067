package care.iop.gateway.fhir;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Merges the services' CapabilityStatements ({@code GET /fhir/R4/metadata} of each) into the one statement of the FHIR
 * base: every service's {@code rest[0].resource} entries as it declared them (type, profile, interactions, search
 * parameters with their expectations and combinations), sorted by type; the services' internal operations
 * ({@code $everything-part}, {@code $export-part}) left out and the gateway's own ({@code Patient/$everything},
 * {@code Patient/$export}, {@code Group/$export}) added; around them what only the front door can state: the SMART
 * security, the software, the public URL, the formats and the guides it instantiates.
 */
public final class CapabilityMerge {
    static final String US_CORE_SERVER = "http://hl7.org/fhir/us/core/CapabilityStatement/us-core-server";
    static final String BULK_DATA_SERVER = "http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data";
    static final String OAUTH_URIS = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";
    static final String SECURITY_SERVICE = "http://terminology.hl7.org/CodeSystem/restful-security-service";
    private static final String INTERNAL_OPERATION_SUFFIX = "-part";

    private CapabilityMerge() {
    }

    /** What the statement says about the server besides the services' resources. */
    public record Server(String base, String softwareVersion, String tokenEndpoint, Optional<String> authorizationEndpoint) {
    }

    /** The resource entries of every statement by type (the first service declaring a type wins), sorted by type. */
    public static JsonArray resources(List<JsonObject> statements) {
        Map<String, JsonObject> byType = new TreeMap<>();
        for (JsonObject statement : statements) {
            JsonArray rest = statement.getJsonArray("rest", new JsonArray());
            if (rest.isEmpty()) {
                continue;
            }
            for (Object entry : rest.getJsonObject(0).getJsonArray("resource", new JsonArray())) {
                if (entry instanceof JsonObject resource && resource.getString("type") != null) {
                    byType.putIfAbsent(resource.getString("type"), withoutInternalOperations(resource.copy()));
                }
            }
        }
        byType.computeIfPresent("Patient", (type, resource) -> withOperations(resource,
                operation("everything", "http://hl7.org/fhir/OperationDefinition/Patient-everything"),
                operation("export", "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export")));
        byType.computeIfPresent("Group", (type, resource) -> withOperations(resource,
                operation("export", "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/group-export")));
        return new JsonArray(List.copyOf(byType.values()));
    }

    /**
     * The statement of the FHIR base: {@code resources} as {@link #resources} merged them; {@code missing} names the
     * services that did not answer (their types are absent; the description says so).
     */
    public static JsonObject statement(JsonArray resources, Server server, Instant date, List<String> missing) {
        String description = "IOP Care's FHIR R4 API: one base over the participant, plan and session services, US Core 6.1 "
                + "where a profile applies, SMART v2 scopes, 42 CFR Part 2 labels and bulk export.";
        if (!missing.isEmpty()) {
            description += " Partial: the " + String.join(", ", missing) + " service(s) did not answer, so their resource types are "
                    + "missing from this statement until they do.";
        }
        return new JsonObject()
                .put("resourceType", "CapabilityStatement")
                .put("url", server.base() + "/metadata")
                .put("version", server.softwareVersion())
                .put("name", "IOPCareFhirServer")
                .put("title", "IOP Care FHIR R4 server")
                .put("status", "active")
                .put("experimental", false)
                .put("date", date.toString())
                .put("publisher", "IOP Care")
                .put("description", description)
                .put("kind", "instance")
                .put("instantiates", new JsonArray().add(US_CORE_SERVER).add(BULK_DATA_SERVER))
                .put("software", new JsonObject().put("name", "IOP Care").put("version", server.softwareVersion()))
                .put("implementation", new JsonObject().put("description", "IOP Care gateway").put("url", server.base()))
                .put("fhirVersion", "4.0.1")
                .put("format", new JsonArray().add(OperationOutcomes.FHIR_JSON).add("json"))
                .put("implementationGuide", new JsonArray().add("http://hl7.org/fhir/us/core/ImplementationGuide/hl7.fhir.us.core|6.1.0")
                        .add("http://hl7.org/fhir/uv/bulkdata/ImplementationGuide/hl7.fhir.uv.bulkdata|2.0.0"))
                .put("rest", new JsonArray().add(new JsonObject()
                        .put("mode", "server")
                        .put("documentation", "Each resource type is served by the service that owns its data; see docs/fhir.md.")
                        .put("security", security(server))
                        .put("resource", resources)));
    }

    private static JsonObject security(Server server) {
        JsonArray uris = new JsonArray().add(new JsonObject().put("url", "token").put("valueUri", server.tokenEndpoint()));
        server.authorizationEndpoint().ifPresent(authorize -> uris.add(new JsonObject().put("url", "authorize").put("valueUri", authorize)));
        return new JsonObject()
                .put("extension", new JsonArray().add(new JsonObject().put("url", OAUTH_URIS).put("extension", uris)))
                .put("cors", true)
                .put("service", new JsonArray().add(new JsonObject()
                        .put("coding", new JsonArray().add(new JsonObject().put("system", SECURITY_SERVICE).put("code", "SMART-on-FHIR")
                                .put("display", "SMART-on-FHIR")))
                        .put("text", "OAuth2 bearer tokens with SMART v2 scopes (" + server.base() + "/.well-known/smart-configuration)")))
                .put("description", "Every interaction but this statement and the SMART configuration needs a bearer token; SMART v2 "
                        + "scopes (system/, user/, patient/) apply on top of the roles.");
    }

    private static JsonObject withoutInternalOperations(JsonObject resource) {
        JsonArray operations = resource.getJsonArray("operation");
        if (operations != null) {
            JsonArray kept = new JsonArray();
            operations.forEach(op -> {
                if (!(op instanceof JsonObject o) || !o.getString("name", "").endsWith(INTERNAL_OPERATION_SUFFIX)) {
                    kept.add(op);
                }
            });
            if (kept.isEmpty()) {
                resource.remove("operation");
            } else {
                resource.put("operation", kept);
            }
        }
        return resource;
    }

    private static JsonObject withOperations(JsonObject resource, JsonObject... added) {
        JsonArray operations = resource.getJsonArray("operation", new JsonArray());
        for (JsonObject operation : added) {
            boolean present = operations.stream().anyMatch(op -> op instanceof JsonObject o && operation.getString("name").equals(o.getString("name")));
            if (!present) {
                operations.add(operation);
            }
        }
        return resource.put("operation", operations);
    }

    private static JsonObject operation(String name, String definition) {
        return new JsonObject().put("name", name).put("definition", definition);
    }
}
