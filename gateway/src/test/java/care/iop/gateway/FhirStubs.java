package care.iop.gateway;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The FHIR faces of the stub services, as FHIR-FOUNDATION.md describes the real ones: {@code /fhir/R4/metadata} (a
 * CapabilityStatement of the service's types, an internal {@code -part} operation included), {@code Patient/{id}/$everything-part}
 * (a Bundle), {@code $export-part} (NDJSON for {@code _type} and {@code patient}), and session-service's Groups. Every part
 * request is logged per service ({@code GET <control>/<name>/received}) so a test sees what the gateway asked.
 */
public final class FhirStubs {
    public static final String PATIENT = "0f000000-0000-4000-8000-000000000001";
    public static final String UNKNOWN_PATIENT = "0f000000-0000-4000-8000-000000000404";
    public static final String FAILING_PATIENT = "0f000000-0000-4000-8000-000000000500";
    /** Observations plan-service holds for {@link #PATIENT}; with its Patient, Consent, CarePlan, 2 Goals, 2 Appointments, 1 Encounter. */
    public static final int OBSERVATIONS = 120;
    public static final int EVERYTHING_TOTAL = 2 + OBSERVATIONS + 3 + 3;
    /** The patients of an export of every patient. */
    public static final List<String> ALL_PATIENTS = List.of("1a000000-0000-4000-8000-000000000001", "1a000000-0000-4000-8000-000000000002",
            "1a000000-0000-4000-8000-000000000003");
    public static final String GROUP = "9a000000-0000-4000-8000-000000000001";
    public static final List<String> GROUP_MEMBERS = List.of("2b000000-0000-4000-8000-000000000001", "2b000000-0000-4000-8000-000000000002");
    public static final String EMPTY_GROUP = "9a000000-0000-4000-8000-000000000000";
    /** Its member's session-service part sends one line, then nothing until the gateway hangs up. */
    public static final String SLOW_GROUP = "9a000000-0000-4000-8000-00000000000s";
    public static final String SLOW_PATIENT = "2b000000-0000-4000-8000-0000000000ff";
    /** Its member's plan-service part fails with a raw 500. */
    public static final String BOOM_GROUP = "9a000000-0000-4000-8000-00000000000b";
    public static final String BOOM_PATIENT = "2b000000-0000-4000-8000-0000000000bb";
    public static final String MISSING_GROUP = "9a000000-0000-4000-8000-00000000000f";

    private static final Map<String, List<String>> TYPES = Map.of(
            "participant", List.of("Patient", "Practitioner", "PractitionerRole", "Consent"),
            "plan", List.of("CarePlan", "Goal", "QuestionnaireResponse", "Observation", "Flag"),
            "session", List.of("Appointment", "Slot", "Schedule", "Group", "Encounter"));
    private static final String EXPECTATION = "http://hl7.org/fhir/StructureDefinition/capabilitystatement-expectation";
    private static final String COMBINATION = "http://hl7.org/fhir/StructureDefinition/capabilitystatement-search-parameter-combination";

    private final Vertx vertx;
    private final Map<String, List<JsonObject>> received = new ConcurrentHashMap<>();

    FhirStubs(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Whether this is a FHIR request the stubs answer themselves (others are echoed as any request). */
    boolean handles(String path) {
        return path.equals("/fhir/R4/metadata") || path.endsWith("/$everything-part") || path.equals("/fhir/R4/$export-part")
                || path.matches("/fhir/R4/Group/9a000000-[^/]+");
    }

    void handle(String name, HttpServerRequest request) {
        String path = request.path();
        if (path.equals("/fhir/R4/metadata")) {
            fhir(request, 200, metadata(name));
            return;
        }
        received.computeIfAbsent(name, key -> new CopyOnWriteArrayList<>()).add(new JsonObject().put("path", path).put("query", request.query())
                .put("requestId", request.getHeader("X-Request-Id")).put("authorization", request.getHeader("Authorization"))
                .put("forwardedHost", request.getHeader("X-Forwarded-Host")).put("forwardedPrefix", request.getHeader("X-Forwarded-Prefix")));
        if (request.getHeader("Authorization") == null) {
            fhir(request, 401, outcome("login", "A bearer token is required."));
        } else if (path.endsWith("/$everything-part")) {
            everythingPart(name, request, path.split("/")[4]);
        } else if (path.equals("/fhir/R4/$export-part")) {
            exportPart(name, request);
        } else {
            group(name, request, path.substring("/fhir/R4/Group/".length()));
        }
    }

    /** The part requests a service received, as JSON lines. */
    JsonArray received(String name) {
        return new JsonArray(new ArrayList<>(received.getOrDefault(name, List.of())));
    }

    static JsonObject metadata(String name) {
        JsonArray resources = new JsonArray();
        for (String type : TYPES.get(name)) {
            JsonObject resource = new JsonObject().put("type", type)
                    .put("interaction", new JsonArray().add(new JsonObject().put("code", "read")).add(new JsonObject().put("code", "search-type")))
                    .put("searchParam", new JsonArray().add(param("_id", "token", "SHALL")).add(param("patient", "reference", "SHALL")));
            if (type.equals("Patient")) {
                resource.put("extension", new JsonArray().add(new JsonObject().put("url", COMBINATION).put("extension", new JsonArray()
                        .add(new JsonObject().put("url", "required").put("valueString", "birthdate"))
                        .add(new JsonObject().put("url", "required").put("valueString", "name"))
                        .add(new JsonObject().put("url", EXPECTATION).put("valueCode", "SHALL")))));
                resource.put("operation", new JsonArray().add(new JsonObject().put("name", "everything-part")
                        .put("definition", "https://iop.care/fhir/OperationDefinition/everything-part")));
            }
            resources.add(resource);
        }
        return new JsonObject().put("resourceType", "CapabilityStatement").put("status", "active").put("date", "2026-01-01")
                .put("kind", "instance").put("fhirVersion", "4.0.1").put("format", new JsonArray().add("json"))
                .put("rest", new JsonArray().add(new JsonObject().put("mode", "server").put("resource", resources)
                        .put("operation", new JsonArray().add(new JsonObject().put("name", "export-part")
                                .put("definition", "https://iop.care/fhir/OperationDefinition/export-part")))));
    }

    private static JsonObject param(String name, String type, String expectation) {
        return new JsonObject().put("extension", new JsonArray().add(new JsonObject().put("url", EXPECTATION).put("valueCode", expectation)))
                .put("name", name).put("type", type);
    }

    private void everythingPart(String name, HttpServerRequest request, String patient) {
        if (UNKNOWN_PATIENT.equals(patient) && name.equals("participant")) {
            fhir(request, 404, outcome("not-found", "Patient/" + patient + " is not known."));
            return;
        }
        if (FAILING_PATIENT.equals(patient) && name.equals("session")) {
            request.response().setStatusCode(500).putHeader("Content-Type", "text/plain").end("java.lang.IllegalStateException at db-session:5432");
            return;
        }
        List<JsonObject> resources = new ArrayList<>();
        if (!UNKNOWN_PATIENT.equals(patient)) {
            switch (name) {
                case "participant" -> {
                    resources.add(resource("Patient", patient, patient));
                    resources.add(resource("Consent", "consent-" + patient, patient));
                }
                case "plan" -> {
                    resources.add(resource("CarePlan", "plan-" + patient, patient));
                    resources.add(resource("Goal", "goal-1-" + patient, patient));
                    resources.add(resource("Goal", "goal-2-" + patient, patient));
                    for (int i = 0; i < OBSERVATIONS; i++) {
                        resources.add(resource("Observation", "obs-" + i + "-" + patient, patient));
                    }
                }
                default -> {
                    resources.add(resource("Appointment", "appt-1-" + patient, patient));
                    resources.add(resource("Appointment", "appt-2-" + patient, patient));
                    resources.add(resource("Encounter", "enc-1-" + patient, patient));
                }
            }
        }
        JsonArray entries = new JsonArray();
        resources.forEach(resource -> entries.add(new JsonObject().put("fullUrl", "http://internal/" + resource.getString("id")).put("resource", resource)));
        fhir(request, 200, new JsonObject().put("resourceType", "Bundle").put("type", "collection").put("entry", entries));
    }

    private void exportPart(String name, HttpServerRequest request) {
        List<String> types = Arrays.asList(request.getParam("_type", "").split(","));
        String patientParam = request.getParam("patient");
        List<String> patients = patientParam == null ? ALL_PATIENTS : Arrays.asList(patientParam.split(","));
        if (name.equals("plan") && patients.contains(BOOM_PATIENT)) {
            request.response().setStatusCode(500).putHeader("Content-Type", "text/plain").end("boom");
            return;
        }
        HttpServerResponse response = request.response().setChunked(true).putHeader("Content-Type", "application/fhir+ndjson");
        for (String patient : patients) {
            for (String type : types) {
                int copies = type.equals("Observation") ? 2 : type.equals("Patient") || type.equals("Consent") || type.equals("Goal")
                        || type.equals("Appointment") || type.equals("Encounter") ? 1 : 0;
                for (int i = 0; i < copies; i++) {
                    String id = type.equals("Patient") ? patient : type.toLowerCase() + "-" + i + "-" + patient;
                    response.write(resource(type, id, patient).encode() + "\n");
                }
            }
        }
        if (name.equals("session") && patients.contains(SLOW_PATIENT)) {
            response.write(resource("Appointment", "appt-slow", SLOW_PATIENT).encode() + "\n");
            long timer = vertx.setTimer(StubUpstreams.SLOW_MILLIS * 4, id -> response.end());
            request.connection().closeHandler(closed -> {
                vertx.cancelTimer(timer);
                received.computeIfAbsent(name, key -> new CopyOnWriteArrayList<>()).add(new JsonObject().put("closed", SLOW_PATIENT));
            });
            return;
        }
        response.end();
    }

    private void group(String name, HttpServerRequest request, String id) {
        List<String> members = switch (id) {
            case GROUP -> GROUP_MEMBERS;
            case EMPTY_GROUP -> List.of();
            case SLOW_GROUP -> List.of(SLOW_PATIENT);
            case BOOM_GROUP -> List.of(BOOM_PATIENT, GROUP_MEMBERS.get(0));
            default -> null;
        };
        if (members == null || !name.equals("session")) {
            fhir(request, 404, outcome("not-found", "Group/" + id + " is not known."));
            return;
        }
        JsonArray member = new JsonArray();
        members.forEach(patient -> member.add(new JsonObject().put("entity", new JsonObject().put("reference", "Patient/" + patient))));
        fhir(request, 200, new JsonObject().put("resourceType", "Group").put("id", id).put("type", "person").put("actual", true)
                .put("member", member));
    }

    /** The smallest valid R4 resource of each type the stubs serve, about {@code patient} (the gateway passes it on unread). */
    private static JsonObject resource(String type, String id, String patient) {
        JsonObject resource = new JsonObject().put("resourceType", type).put("id", id).put("meta", new JsonObject().put("tag", new JsonArray()
                .add(new JsonObject().put("system", "urn:test:patient").put("code", patient))));
        JsonObject subject = new JsonObject().put("reference", "Patient/" + patient);
        switch (type) {
            case "Consent" -> resource.put("status", "active").put("patient", subject)
                    .put("scope", concept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy"))
                    .put("category", new JsonArray().add(concept("http://terminology.hl7.org/CodeSystem/consentcategorycodes", "npp")))
                    .put("policy", new JsonArray().add(new JsonObject().put("uri", "https://iop.care/policies/group-participation")));
            case "CarePlan" -> resource.put("status", "active").put("intent", "plan").put("subject", subject);
            case "Goal" -> resource.put("lifecycleStatus", "active").put("description", new JsonObject().put("text", "Fewer symptoms"))
                    .put("subject", subject);
            case "Observation" -> resource.put("status", "final").put("code", new JsonObject().put("text", "PHQ-9 total score"))
                    .put("subject", subject).put("effectiveDateTime", "2026-03-02T13:00:00Z")
                    .put("performer", new JsonArray().add(subject));
            case "Appointment" -> resource.put("status", "booked").put("start", "2026-03-02T13:00:00Z").put("end", "2026-03-02T16:00:00Z")
                    .put("participant", new JsonArray().add(new JsonObject().put("actor", subject).put("status", "accepted")));
            case "Encounter" -> resource.put("status", "finished").put("subject", subject)
                    .put("class", new JsonObject().put("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode").put("code", "AMB"));
            default -> {
                // Patient: nothing is required
            }
        }
        return resource;
    }

    private static JsonObject concept(String system, String code) {
        return new JsonObject().put("coding", new JsonArray().add(new JsonObject().put("system", system).put("code", code)));
    }

    static JsonObject outcome(String code, String diagnostics) {
        return new JsonObject().put("resourceType", "OperationOutcome").put("issue", new JsonArray()
                .add(new JsonObject().put("severity", "error").put("code", code).put("diagnostics", diagnostics)));
    }

    private static void fhir(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/fhir+json").end(body.encode());
    }
}
