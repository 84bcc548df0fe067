package care.iop.gateway;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Three stub services (participant, plan, session) on free ports, plus a control server that takes one
 * down and brings it back ({@code POST /<name>/down}, {@code /<name>/up}). Each stub echoes what it
 * received as JSON, serves an OpenAPI document, a paged audit trail, an audit chain verification and
 * readiness, answers a {@code Consistency-Token} given as {@code ?answerToken=}, and misbehaves on request: paths ending in {@code /slow} answer after {@link #SLOW_MILLIS}, in {@code /boom} with a raw 500.
 */
public final class StubUpstreams {
    public static final List<String> NAMES = List.of("participant", "plan", "session");
    public static final long SLOW_MILLIS = 15_000;
    /** The patient whose entries the audit trails hold, one in each service. */
    public static final String AUDIT_PATIENT = "7d6f3b9e-1c2a-4e5f-8a9b-0c1d2e3f4a5b";
    public static final int PARTICIPANT_AUDIT_ENTRIES = 105;

    private final Vertx vertx = Vertx.vertx();
    private final Map<String, Integer> ports = new HashMap<>();
    private final Map<String, HttpServer> servers = new HashMap<>();
    private HttpServer control;
    private final FhirStubs fhir = new FhirStubs(vertx);

    public Map<String, Integer> start() throws Exception {
        for (String name : NAMES) {
            HttpServer server = listen(name, 0);
            servers.put(name, server);
            ports.put(name, server.actualPort());
        }
        control = vertx.createHttpServer().requestHandler(this::control).listen(0).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        return ports;
    }

    public int controlPort() {
        return control.actualPort();
    }

    public void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private HttpServer listen(String name, int port) throws Exception {
        return vertx.createHttpServer().requestHandler(request -> handle(name, request)).listen(port)
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void control(HttpServerRequest request) {
        String[] parts = request.path().split("/");
        String name = parts.length > 2 ? parts[1] : "";
        if (!ports.containsKey(name)) {
            request.response().setStatusCode(404).end();
            return;
        }
        if ("received".equals(parts[2])) { // the FHIR part requests this stub received (FhirStubs)
            request.response().putHeader("Content-Type", "application/json").end(fhir.received(name).encode());
            return;
        }
        io.vertx.core.Future<String> done = "down".equals(parts[2])
                ? servers.get(name).close().map("down")
                : vertx.createHttpServer().requestHandler(r -> handle(name, r)).listen(ports.get(name))
                        .map(server -> {
                            servers.put(name, server);
                            return "up";
                        });
        done.onSuccess(state -> request.response().end(state))
                .onFailure(e -> request.response().setStatusCode(500).end(e.toString()));
    }

    private void handle(String name, HttpServerRequest request) {
        request.body().onComplete(body -> dispatch(name, request, body.succeeded() && body.result() != null ? body.result().toString() : ""));
    }

    private void dispatch(String name, HttpServerRequest request, String body) {
        String path = request.path();
        if (path.equals("/q/health/ready")) {
            json(request, 200, new JsonObject().put("status", "UP"));
        } else if (path.equals("/q/openapi")) {
            json(request, 200, openApi(name));
        } else if (path.equals("/api/v1/audit")) {
            audit(name, request);
        } else if (path.equals("/api/v1/audit/verify")) {
            verifyChain(name, request);
        } else if (path.matches("/api/v1/worklists/clinicians/[^/]+/(plan|session)-items")) {
            worklistItems(name, request, path.split("/")[5]);
        } else if (fhir.handles(path)) {
            fhir.handle(name, request);
        } else if (path.endsWith("/slow")) {
            vertx.setTimer(SLOW_MILLIS, id -> echo(name, request, body));
        } else if (path.endsWith("/boom")) {
            request.response().setStatusCode(500).putHeader("Content-Type", "text/plain")
                    .end("java.lang.IllegalStateException: connection to db-" + name + ":5432 lost\n\tat care.iop.internal.Repo.load");
        } else {
            echo(name, request, body);
        }
    }

    /** A clinician whose session-items answer after {@link #SLOW_MILLIS}, and one whose worklist the services refuse (403). */
    public static final String SLOW_WORKLIST = "5a0e1d2c-0000-4000-8000-000000000001";
    public static final String REFUSED_WORKLIST = "5a0e1d2c-0000-4000-8000-000000000002";

    /** Each service's worklist items: one overdue and one due item of plan-service, one undated and one due of session-service. */
    private void worklistItems(String name, HttpServerRequest request, String clinician) {
        if (REFUSED_WORKLIST.equals(clinician)) {
            request.response().setStatusCode(403).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("type", "https://iop.care/problems/forbidden").put("status", 403)
                            .put("detail", "A clinician reads only its own worklist; admins read anyone's").encode());
            return;
        }
        JsonArray items = "plan".equals(name)
                ? new JsonArray().add(item("REVIEW_DUE", "2026-12-08T00:00:00-05:00", false, "00000000-0000-4000-8000-00000000000b"))
                        .add(item("SAFETY_FLAG", "2026-12-07T00:00:00-05:00", true, "00000000-0000-4000-8000-00000000000a"))
                : new JsonArray().add(item("NOTE_TO_SIGN", null, false, "00000000-0000-4000-8000-00000000000d"))
                        .add(item("SESSION", "2026-12-07T10:00:00-05:00", false, "00000000-0000-4000-8000-00000000000c"));
        JsonObject answer = new JsonObject().put("clinicianId", clinician).put("generatedAt", "2026-12-07T09:00:00-05:00").put("items", items)
                .put("authorization", request.getHeader("Authorization")).put("requestId", request.getHeader("X-Request-Id"));
        if ("session".equals(name) && SLOW_WORKLIST.equals(clinician)) {
            vertx.setTimer(SLOW_MILLIS, id -> json(request, 200, answer));
        } else {
            json(request, 200, answer);
        }
    }

    private static JsonObject item(String kind, String dueAt, boolean overdue, String resourceId) {
        JsonObject item = new JsonObject().put("kind", kind).put("summary", kind).put("resourceType", "Thing").put("resourceId", resourceId)
                .put("overdue", overdue).put("action", new JsonObject().put("method", "GET").put("href", "/api/v1/things/" + resourceId));
        return dueAt == null ? item : item.put("dueAt", dueAt);
    }

    private void echo(String name, HttpServerRequest request, String body) {
        if (request.getHeader("Idempotency-Key") != null) {
            request.response().putHeader("Idempotent-Replayed", "true");
        }
        json(request, 200, new JsonObject()
                .put("upstream", name)
                .put("method", request.method().name())
                .put("path", request.path())
                .put("query", request.query())
                .put("authorization", request.getHeader("Authorization"))
                .put("requestId", request.getHeader("X-Request-Id"))
                .put("contentType", request.getHeader("Content-Type"))
                .put("forwardedFor", request.getHeader("X-Forwarded-For"))
                .put("forwardedProto", request.getHeader("X-Forwarded-Proto"))
                .put("forwardedHost", request.getHeader("X-Forwarded-Host"))
                .put("forwardedPrefix", request.getHeader("X-Forwarded-Prefix"))
                .put("accept", request.getHeader("Accept"))
                .put("otherForwarding", otherForwarding(request))
                .put("idempotencyKey", request.getHeader("Idempotency-Key"))
                .put("testHooks", new JsonArray(request.headers().names().stream().map(String::toLowerCase)
                        .filter(n -> n.startsWith("x-iop-test-")).sorted().toList()))
                .put("consistencyToken", request.getHeader("Consistency-Token"))
                .put("body", body));
    }

    /** Forwarding headers other than X-Forwarded-For/-Proto/-Host that reached the stub (the gateway must drop them). */
    private static JsonArray otherForwarding(HttpServerRequest request) {
        JsonArray names = new JsonArray();
        request.headers().names().stream().map(String::toLowerCase).sorted()
                .filter(name -> name.equals("forwarded") || name.equals("x-real-ip")
                        || name.startsWith("x-forwarded-") && !List.of("x-forwarded-for", "x-forwarded-proto", "x-forwarded-host").contains(name))
                .forEach(names::add);
        return names;
    }

    private static void json(HttpServerRequest request, int status, JsonObject body) {
        // a write answers what it changed (read-your-writes): ?answerToken=<Consistency-Token>[&answerStatus=<status>]
        String token = request.getParam("answerToken");
        if (token != null) {
            request.response().putHeader("Consistency-Token", token);
            status = Integer.parseInt(request.getParam("answerStatus", String.valueOf(status)));
        }
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    /** Every path a stub service documents. */
    public static List<String> documentedPaths(String name) {
        return switch (name) {
            case "participant" -> List.of("/api/v1/patients", "/api/v1/patients/{id}", "/api/v1/clinicians", "/api/v1/audit",
                    "/api/v1/audit/verify");
            case "plan" -> List.of("/api/v1/plans", "/api/v1/plans/{id}", "/api/v1/assessments", "/api/v1/outcomes", "/api/v1/audit",
                    "/api/v1/audit/verify");
            default -> List.of("/api/v1/sessions", "/api/v1/session-series", "/api/v1/schedules/{clinicianId}", "/api/v1/audit",
                    "/api/v1/audit/verify");
        };
    }

    /**
     * A document like the services' ones: the same {@code Problem} and {@code AuditChainReport} schemas in each
     * (the verify path answers the latter), and an {@code Item} schema whose definition differs per service (a
     * clash the gateway must resolve), referenced from the other paths.
     */
    static JsonObject openApi(String name) {
        JsonObject paths = new JsonObject();
        for (String path : documentedPaths(name)) {
            JsonArray parameters = new JsonArray();
            Matcher template = Pattern.compile("\\{([^}]+)}").matcher(path);
            while (template.find()) {
                parameters.add(new JsonObject().put("name", template.group(1)).put("in", "path").put("required", true)
                        .put("schema", new JsonObject().put("type", "string")));
            }
            paths.put(path, new JsonObject().put("get", new JsonObject()
                    .put("operationId", name + path.replaceAll("[^A-Za-z]", "_"))
                    .put("parameters", parameters)
                    .put("tags", new JsonArray().add(name))
                    .put("security", new JsonArray().add(new JsonObject().put("SecurityScheme", new JsonArray())))
                    .put("responses", new JsonObject()
                            .put("200", new JsonObject().put("description", "OK").put("content", new JsonObject().put("application/json",
                                    new JsonObject().put("schema", new JsonObject().put("$ref", "#/components/schemas/"
                                            + (path.endsWith("/verify") ? "AuditChainReport" : "Page"))))))
                            .put("400", new JsonObject().put("description", "Bad").put("content", new JsonObject().put("application/problem+json",
                                    new JsonObject().put("schema", new JsonObject().put("$ref", "#/components/schemas/Problem"))))))));
        }
        JsonObject schemas = new JsonObject()
                .put("Problem", new JsonObject().put("type", "object").put("properties", new JsonObject()
                        .put("type", new JsonObject().put("type", "string")).put("status", new JsonObject().put("type", "integer"))))
                .put("Item", new JsonObject().put("type", "object").put("properties", new JsonObject()
                        .put(name + "Field", new JsonObject().put("type", "string"))))
                .put("Page", new JsonObject().put("type", "object").put("properties", new JsonObject()
                        .put("items", new JsonObject().put("type", "array").put("items", new JsonObject().put("$ref", "#/components/schemas/Item")))))
                .put("AuditChainReport", new JsonObject().put("type", "object").put("properties", new JsonObject()
                        .put("valid", new JsonObject().put("type", "boolean")).put("headHash", new JsonObject().put("type", "string"))));
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", name + "-service API").put("version", "1.0"))
                .put("tags", new JsonArray().add(new JsonObject().put("name", name)))
                .put("paths", paths)
                .put("components", new JsonObject()
                        .put("schemas", schemas)
                        .put("securitySchemes", new JsonObject().put("SecurityScheme", new JsonObject().put("type", "http").put("scheme", "bearer"))));
    }

    /**
     * The audit trail of one stub: participant entries every 3 minutes from 00:00, plan from 00:01, session
     * from 00:02 (written with a +01:00 offset, so only instant order interleaves them right).
     */
    static List<JsonObject> auditEntries(String name) {
        int index = NAMES.indexOf(name);
        int count = "participant".equals(name) ? PARTICIPANT_AUDIT_ENTRIES : 3;
        List<JsonObject> entries = new ArrayList<>();
        OffsetDateTime base = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < count; i++) {
            OffsetDateTime at = base.plusMinutes(3L * i + index);
            if ("session".equals(name)) {
                at = at.withOffsetSameInstant(ZoneOffset.ofHours(1));
            }
            entries.add(new JsonObject()
                    .put("id", name + "-" + i)
                    .put("occurredAt", at.toString())
                    .put("service", name + "-service")
                    .put("action", "READ")
                    .put("resourceType", "Thing")
                    .put("patientId", i == 1 ? AUDIT_PATIENT : null)
                    .put("outcome", "SUCCESS"));
        }
        return entries;
    }

    private static void audit(String name, HttpServerRequest request) {
        if (request.getHeader("Authorization") == null) {
            request.response().setStatusCode(401).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("status", 401).encode());
            return;
        }
        String from = request.getParam("from");
        if (from != null && !from.matches("\\d{4}-.*")) {
            request.response().setStatusCode(400).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("type", "https://iop.care/problems/validation-error").put("status", 400)
                            .put("detail", "from: must be an ISO-8601 date-time with offset").encode());
            return;
        }
        String patientId = request.getParam("patientId");
        List<JsonObject> entries = auditEntries(name).stream()
                .filter(entry -> patientId == null || patientId.equals(entry.getString("patientId")))
                .toList();
        int page = Integer.parseInt(request.getParam("page", "0"));
        int size = Integer.parseInt(request.getParam("size", "20"));
        int start = Math.min(page * size, entries.size());
        json(request, 200, new JsonObject()
                .put("items", new JsonArray(new ArrayList<>(entries.subList(start, Math.min(start + size, entries.size())))))
                .put("page", page).put("size", size).put("total", entries.size()));
    }

    /** chain_seq of the last sealed link of a stub's audit chain: one link per entry of its trail. */
    public static long chainHead(String name) {
        return auditEntries(name).size();
    }

    /** The hash of link {@code seq} of a stub's audit chain (64 hex digits, different in every stub). */
    public static String linkHash(String name, long seq) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest((name + ":" + seq).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * As the services' {@code GET /api/v1/audit/verify}: an intact chain of {@link #chainHead} links, checked
     * against the anchor if one is given ({@code ANCHOR_MISSING} beyond the head, {@code ANCHOR_MISMATCH} for
     * another hash than {@link #linkHash}).
     */
    private static void verifyChain(String name, HttpServerRequest request) {
        if (request.getHeader("Authorization") == null) {
            request.response().setStatusCode(401).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("status", 401).encode());
            return;
        }
        long head = chainHead(name);
        JsonObject report = new JsonObject().put("valid", true).put("sealedRows", head).put("unsealedRows", 0)
                .put("headSeq", head).put("headHash", linkHash(name, head));
        String anchorSeq = request.getParam("anchorSeq");
        if (anchorSeq != null) {
            long seq = Long.parseLong(anchorSeq);
            String problem = seq > head ? "ANCHOR_MISSING"
                    : linkHash(name, seq).equalsIgnoreCase(request.getParam("anchorHash")) ? null : "ANCHOR_MISMATCH";
            if (problem != null) {
                report.put("valid", false).put("firstBrokenLink", new JsonObject().put("chainSeq", seq)
                        .put("auditId", seq > head ? null : seq).put("problem", problem).put("detail", problem + " at link " + seq));
            }
        }
        json(request, 200, report);
    }
}
