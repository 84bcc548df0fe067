package care.iop.gateway.fhir.export;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import care.iop.gateway.edge.Authentication;
import care.iop.gateway.edge.ClientResolver;
import care.iop.gateway.edge.Identity;
import care.iop.gateway.edge.RequestIds;
import care.iop.gateway.fhir.BadFhirRequest;
import care.iop.gateway.fhir.FhirBase;
import care.iop.gateway.fhir.FhirCalls;
import care.iop.gateway.fhir.FhirParameters;
import care.iop.gateway.fhir.FhirTypes;
import care.iop.gateway.fhir.OperationOutcomes;
import care.iop.gateway.fhir.SmartScopes;

/**
 * FHIR Bulk Data 2.0 at the gateway: the kick-off ({@code GET Patient/$export}, {@code GET Group/{id}/$export}, with
 * {@code Prefer: respond-async}, {@code _type}, {@code _since}, {@code _outputFormat} in the NDJSON variants), the
 * status URL ({@code GET} polls: 202 with {@code X-Progress} and {@code Retry-After} while running, 200 with the manifest
 * when done; {@code DELETE} cancels) and the files ({@code application/fhir+ndjson}). Only a backend service exports
 * (the integration or admin role, as the services' {@code FhirAccess} allows {@code system/} scopes, and a
 * {@code system/} scope that reads each type), and a job, its status and its files exist only for the token subject
 * that kicked it off; anyone else gets 404, as for a job that does not exist.
 */
@ApplicationScoped
public class ExportEndpoints {
    static final List<String> NDJSON = List.of("application/fhir+ndjson", "application/ndjson", "ndjson");
    private static final Set<String> PARAMETERS = Set.of("_type", "_since", "_outputFormat");
    private static final String RETRY_AFTER_SECONDS = "2";
    private static final String GROUP_SERVICE = "session";

    @Inject
    ExportJobs jobs;

    @Inject
    FhirCalls calls;

    @Inject
    FhirBase base;

    @Inject
    ClientResolver clients;

    /** Kicks off an export of every patient ({@code groupId} null) or of a Group's members. */
    public void kickOff(RoutingContext ctx, String groupId) {
        Identity identity = Authentication.identity(ctx);
        String prefer = ctx.request().getHeader("Prefer");
        if (prefer == null || !prefer.contains("respond-async")) {
            throw new BadFhirRequest(400, "invalid", "A bulk export runs asynchronously: send the header 'Prefer: respond-async'.", null);
        }
        FhirParameters params = new FhirParameters(ctx.queryParams(), PARAMETERS);
        params.oneOf("_outputFormat", NDJSON);
        String since = params.instant("_since");
        Map<String, List<String>> byService = byService(permittedTypes(identity, params.types("_type")));
        String request = base.of(ctx) + ctx.request().uri().substring(FhirTypes.BASE.length());
        if (groupId == null) {
            start(ctx, identity, new ExportJob.Request(request, byService, since, null, serviceHeaders(ctx)));
            return;
        }
        calls.get(ctx, GROUP_SERVICE, FhirTypes.BASE + "/Group/" + groupId, true)
                .onSuccess(group -> start(ctx, identity, new ExportJob.Request(request, byService, since, members(group), serviceHeaders(ctx))))
                .onFailure(error -> FhirCalls.answerFailure(ctx, error));
    }

    /** {@code GET} of a job's status URL. */
    public void status(RoutingContext ctx, String jobId) {
        ExportJob job = ownJob(ctx, jobId);
        switch (job.state()) {
            case QUEUED, RUNNING -> ctx.response().setStatusCode(202).putHeader("X-Progress", job.progress())
                    .putHeader("Retry-After", RETRY_AFTER_SECONDS).end();
            case FAILED -> OperationOutcomes.send(ctx, 500, "exception", "The export failed: " + String.join(" ", diagnostics(job)), null);
            default -> {
                ctx.response().putHeader("Content-Type", "application/json")
                        .putHeader("Expires", DateTimeFormatter.RFC_1123_DATE_TIME.format(jobs.expiresAt(job).atOffset(ZoneOffset.UTC)))
                        .end(manifest(job, base.of(ctx)).toBuffer());
            }
        }
    }

    /** {@code DELETE} of a job's status URL: the job stops, its files go, its status URL is 404 from now on. */
    public void cancel(RoutingContext ctx, String jobId) {
        ExportJob job = ownJob(ctx, jobId);
        jobs.cancel(job);
        ctx.response().setStatusCode(202).putHeader("Content-Type", OperationOutcomes.FHIR_JSON)
                .end(OperationOutcomes.outcome("information", "informational", "Export " + job.id() + " is cancelled; its files are deleted.", null)
                        .toBuffer());
    }

    /** {@code GET} of one output or error file. */
    public void file(RoutingContext ctx, String jobId, String name) {
        ExportJob job = ownJob(ctx, jobId);
        var path = jobs.file(job, name).orElseThrow(() -> new BadFhirRequest(404, "not-found", "Export " + jobId + " has no file " + name + ".", null));
        ctx.response().putHeader("Content-Type", "application/fhir+ndjson").sendFile(path.toString())
                .onFailure(error -> OperationOutcomes.send(ctx, 404, "Export " + jobId + " has no file " + name + " any more."));
    }

    /** The manifest of a completed job, its file URLs under the base the poller used. */
    static JsonObject manifest(ExportJob job, String base) {
        String files = base + "/" + FhirTypes.EXPORT_FILE + "/" + job.id() + "/";
        JsonArray output = new JsonArray();
        job.outputs().forEach((type, count) -> output.add(new JsonObject().put("type", type).put("url", files + ExportJobs.fileName(type))
                .put("count", count)));
        JsonArray errors = new JsonArray();
        if (!job.errors().isEmpty()) {
            errors.add(new JsonObject().put("type", "OperationOutcome").put("url", files + ExportJobs.ERROR_FILE).put("count", job.errors().size()));
        }
        return new JsonObject()
                .put("transactionTime", job.transactionTime().toString())
                .put("request", job.request().url())
                .put("requiresAccessToken", true)
                .put("output", output)
                .put("error", errors);
    }

    private void start(RoutingContext ctx, Identity identity, ExportJob.Request request) {
        ExportJob job = jobs.start(identity.subject(), request).orElse(null);
        if (job == null) {
            ctx.response().putHeader("Retry-After", "60");
            OperationOutcomes.send(ctx, 429, "throttled", "As many export jobs as this gateway keeps are queued or waiting to be "
                    + "downloaded; try again later.", null);
            return;
        }
        ctx.response().setStatusCode(202)
                .putHeader("Content-Location", base.of(ctx) + "/" + FhirTypes.EXPORT_STATUS + "/" + job.id())
                .putHeader("Content-Type", OperationOutcomes.FHIR_JSON)
                .end(OperationOutcomes.outcome("information", "informational", "Export " + job.id() + " started; poll the Content-Location URL.", null)
                        .toBuffer());
    }

    private ExportJob ownJob(RoutingContext ctx, String jobId) {
        return jobs.find(jobId, Authentication.identity(ctx).subject()).orElseThrow(() -> new BadFhirRequest(404, "not-found",
                "No export " + jobId + " for this caller. Jobs live in the memory of one gateway instance: after a restart, "
                        + "or once its files expired or it was cancelled, kick off again.", null));
    }

    /**
     * The types to export: those asked for ({@code _type}), each of which a {@code system/} scope must let the caller read
     * (else 403 naming it); without {@code _type}, every type the caller's system scopes read (none: 403).
     */
    static List<String> permittedTypes(Identity identity, Set<String> asked) {
        Set<String> scopes = identity.scopes();
        boolean backend = identity.hasRole("integration") || identity.hasRole("admin");
        if (!backend || !SmartScopes.anySystem(scopes)) {
            throw new BadFhirRequest(403, "forbidden", "Bulk export is for backend services: a token of the integration or admin "
                    + "role with a system/ scope, e.g. system/*.rs.", null);
        }
        if (asked.isEmpty()) {
            List<String> readable = SmartScopes.systemReadable(scopes, FhirTypes.types());
            if (readable.isEmpty()) {
                throw new BadFhirRequest(403, "forbidden", "No system/ scope of the token reads any resource type.", null);
            }
            return readable;
        }
        for (String type : asked) {
            if (!SmartScopes.systemMayRead(scopes, type)) {
                throw new BadFhirRequest(403, "forbidden", "No system/ scope of the token reads " + type + " (e.g. system/" + type + ".rs).", "_type");
            }
        }
        return List.copyOf(asked);
    }

    /** The types by the service that owns them, services and types in table order. */
    static Map<String, List<String>> byService(List<String> types) {
        Map<String, List<String>> byService = new LinkedHashMap<>();
        for (String type : FhirTypes.types()) {
            if (types.contains(type)) {
                byService.computeIfAbsent(FhirTypes.OWNERS.get(type), service -> new ArrayList<>()).add(type);
            }
        }
        return byService;
    }

    /** The patient ids of a Group's members ({@code member[].entity} references to a Patient). */
    static List<String> members(JsonObject group) {
        List<String> patients = new ArrayList<>();
        for (Object member : group.getJsonArray("member", new JsonArray())) {
            JsonObject entity = member instanceof JsonObject m ? m.getJsonObject("entity") : null;
            String reference = entity == null ? null : entity.getString("reference");
            int at = reference == null ? -1 : reference.lastIndexOf("Patient/");
            if (at >= 0 && !patients.contains(reference.substring(at + "Patient/".length()))) {
                patients.add(reference.substring(at + "Patient/".length()));
            }
        }
        return patients;
    }

    /** What the services are sent with each part request: the caller's token, the request id, the client's forwarding headers. */
    private Map<String, String> serviceHeaders(RoutingContext ctx) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        headers.set("Authorization", ctx.request().getHeader("Authorization"));
        headers.set(RequestIds.HEADER, RequestIds.of(ctx));
        clients.forwardTo(ctx, headers);
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach(header -> copy.put(header.getKey(), header.getValue()));
        return copy;
    }

    private static List<String> diagnostics(ExportJob job) {
        List<String> diagnostics = new ArrayList<>();
        for (String line : job.errors()) {
            diagnostics.add(new JsonObject(line).getJsonArray("issue").getJsonObject(0).getString("diagnostics"));
        }
        return diagnostics;
    }
}
