package care.iop.gateway.fhir.export;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import care.iop.gateway.fhir.FhirTypes;
import care.iop.gateway.fhir.OperationOutcomes;

/**
 * Runs one export job on a worker thread: for each service that owns a requested type, one after the other, streams
 * {@code GET /fhir/R4/$export-part?_type=&_since=&patient=} (NDJSON, with the caller's token) line by line into one file
 * per type, never holding more than a line. A service's types become output only when its whole part arrived; a service
 * that refuses, fails, breaks off or stays silent for the upstream timeout leaves no partial files, only an
 * OperationOutcome in the job's errors. A Group's patients go {@value #PATIENTS_PER_CALL} to a call so the request
 * target stays short.
 */
final class ExportRun implements Runnable {
    static final int PATIENTS_PER_CALL = 50;
    private static final Logger LOG = Logger.getLogger(ExportRun.class);
    private static final int MAX_ERROR_BODY = 8192;

    private final ExportJob job;
    private final HttpClient http;
    private final Map<String, URI> upstreams;
    private final Duration answerTimeout;
    private final Runnable whenDone;

    ExportRun(ExportJob job, HttpClient http, Map<String, URI> upstreams, Duration answerTimeout, Runnable whenDone) {
        this.job = job;
        this.http = http;
        this.upstreams = upstreams;
        this.answerTimeout = answerTimeout;
        this.whenDone = whenDone;
    }

    @Override
    public void run() {
        try {
            if (!job.cancelled()) {
                job.running();
                Files.createDirectories(job.dir());
                int failed = 0;
                for (Map.Entry<String, List<String>> service : job.request().typesByService().entrySet()) {
                    if (job.cancelled()) {
                        break;
                    }
                    if (!exportFrom(service.getKey(), service.getValue())) {
                        failed++;
                    }
                }
                if (!job.cancelled()) {
                    writeErrors();
                    job.finish(failed > 0 && failed == job.request().typesByService().size(), Instant.now());
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Export %s failed", job.id());
            job.addError(outcome("The export could not write its files.").encode());
            job.finish(true, Instant.now());
        } finally {
            if (job.cancelled()) {
                ExportJobs.deleteQuietly(job.dir());
            }
            whenDone.run();
        }
    }

    /** The part of one service, every batch of patients; true when it all arrived. */
    private boolean exportFrom(String service, List<String> types) throws IOException {
        List<List<String>> batches = batches(job.request().patients());
        if (batches.isEmpty()) {
            job.serviceProgress(service, "nothing to export (no patients)");
            return true;
        }
        job.serviceProgress(service, "running");
        TypeFiles files = new TypeFiles(job.dir(), service);
        try {
            for (List<String> batch : batches) {
                stream(service, types, batch, files);
            }
            files.commit(job);
            job.serviceProgress(service, "done (" + files.total() + " resources)");
            return true;
        } catch (PartFailed e) {
            files.discard();
            if (job.cancelled()) {
                return false;
            }
            LOG.warnf("Export %s: %s-service: %s", job.id(), service, e.getMessage());
            job.addError(outcome("The " + service + " service's part of the export (" + String.join(", ", types) + ") is missing: "
                    + e.getMessage()).encode());
            job.serviceProgress(service, "failed");
            return false;
        }
    }

    private void stream(String service, List<String> types, List<String> patients, TypeFiles files) throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request(service, types, patients), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new PartFailed(e instanceof java.net.http.HttpTimeoutException ? "the service did not answer in time."
                    : "the service is not reachable.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartFailed("the export was interrupted.");
        }
        try (InputStream body = response.body()) {
            job.reading(body);
            if (response.statusCode() != 200) {
                throw new PartFailed(refusal(response.statusCode(), body));
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    write(files, typeOf(line, types), line);
                    job.touch();
                    if (files.total() % 1000 == 0) {
                        job.serviceProgress(service, "running (" + files.total() + " resources)");
                    }
                }
            }
        } catch (IOException e) {
            throw new PartFailed(job.stalled() ? "the service stopped sending for longer than the upstream timeout." : "the answer broke off.");
        } finally {
            job.reading(null);
            job.clearStalled();
        }
    }

    /** One line to its type's file; a file the gateway cannot write (a full disk) fails the part, saying so. */
    private static void write(TypeFiles files, String type, String line) {
        try {
            files.write(type, line);
        } catch (IOException e) {
            LOG.warnf("Cannot write an export file: %s", e.getMessage());
            throw new PartFailed("the gateway could not write its export file (iop.gateway.fhir.export-dir full or not writable).");
        }
    }

    private HttpRequest request(String service, List<String> types, List<String> patients) {
        StringBuilder query = new StringBuilder("?_type=").append(String.join(",", types));
        if (job.request().since() != null) {
            query.append("&_since=").append(URLEncoder.encode(job.request().since(), StandardCharsets.UTF_8));
        }
        if (patients != null) {
            query.append("&patient=").append(String.join(",", patients));
        }
        String base = upstreams.get(service).toString().replaceAll("/$", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + FhirTypes.BASE + "/$export-part" + query))
                .GET().timeout(answerTimeout).header("Accept", "application/fhir+ndjson");
        job.request().headers().forEach(request::header);
        return request.build();
    }

    /** The resource type of one line, which must be a JSON resource of a type asked of this service. */
    private static String typeOf(String line, List<String> types) {
        String type;
        try {
            type = new JsonObject(line).getString("resourceType");
        } catch (DecodeException | ClassCastException e) {
            throw new PartFailed("the service sent a line that is not a JSON resource.");
        }
        if (type == null || !types.contains(type)) {
            throw new PartFailed("the service sent a resource of type " + type + ", which was not asked for.");
        }
        return type;
    }

    /** The diagnostics of a service's refusal (its OperationOutcome), else its status. */
    private static String refusal(int status, InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_ERROR_BODY);
        if (status < 500) {
            try {
                JsonObject outcome = new JsonObject(new String(bytes, StandardCharsets.UTF_8));
                String diagnostics = outcome.getJsonArray("issue").getJsonObject(0).getString("diagnostics");
                if (diagnostics != null) {
                    return "the service refused (" + status + "): " + diagnostics;
                }
            } catch (RuntimeException notAnOutcome) {
                // below
            }
            return "the service refused (" + status + ").";
        }
        return "the service failed (" + status + ").";
    }

    private void writeErrors() throws IOException {
        List<String> errors = job.errors();
        if (!errors.isEmpty()) {
            Files.write(job.dir().resolve(ExportJobs.ERROR_FILE), errors, StandardCharsets.UTF_8);
        }
    }

    private static JsonObject outcome(String diagnostics) {
        return OperationOutcomes.outcome("error", "exception", diagnostics, null);
    }

    /** All patients (one call without a filter), none (no calls), or the patients in batches. */
    static List<List<String>> batches(List<String> patients) {
        List<List<String>> batches = new ArrayList<>();
        if (patients == null) {
            batches.add(null);
            return batches;
        }
        for (int i = 0; i < patients.size(); i += PATIENTS_PER_CALL) {
            batches.add(patients.subList(i, Math.min(patients.size(), i + PATIENTS_PER_CALL)));
        }
        return batches;
    }

    /** A service's part failed; the message says why, for the error file (never a host, port or exception name). */
    private static final class PartFailed extends RuntimeException {
        PartFailed(String message) {
            super(message, null, false, false);
        }
    }

    /** The files of one service's part: written as {@code <Type>.ndjson.part}, renamed when the part is complete. */
    private static final class TypeFiles {
        private final Path dir;
        private final String service;
        private final Map<String, BufferedWriter> writers = new LinkedHashMap<>();
        private final Map<String, Long> counts = new LinkedHashMap<>();
        private long total;

        TypeFiles(Path dir, String service) {
            this.dir = dir;
            this.service = service;
        }

        void write(String type, String line) throws IOException {
            BufferedWriter writer = writers.get(type);
            if (writer == null) {
                writer = Files.newBufferedWriter(part(type), StandardCharsets.UTF_8);
                writers.put(type, writer);
            }
            writer.write(line);
            writer.write('\n');
            counts.merge(type, 1L, Long::sum);
            total++;
        }

        long total() {
            return total;
        }

        void commit(ExportJob job) throws IOException {
            close();
            for (Map.Entry<String, Long> count : counts.entrySet()) {
                Files.move(part(count.getKey()), dir.resolve(ExportJobs.fileName(count.getKey())), StandardCopyOption.REPLACE_EXISTING);
                job.addOutput(count.getKey(), count.getValue());
            }
        }

        void discard() {
            try {
                close();
            } catch (IOException e) {
                // deleted below either way
            }
            for (String type : writers.keySet()) {
                try {
                    Files.deleteIfExists(part(type));
                } catch (IOException e) {
                    LOG.warnf("Could not delete %s", part(type));
                }
            }
        }

        private void close() throws IOException {
            for (BufferedWriter writer : writers.values()) {
                writer.close();
            }
        }

        private Path part(String type) {
            return dir.resolve(service + "-" + type + ".ndjson.part");
        }
    }
}
