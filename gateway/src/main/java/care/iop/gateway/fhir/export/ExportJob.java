package care.iop.gateway.fhir.export;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One bulk export: who asked for what (owner, request, types by service, {@code _since}, the patients of a Group), its
 * state as the runner moves it on, and what it produced: one NDJSON file per resource type with its count, and the
 * OperationOutcomes of services that failed. Kept in memory by {@link ExportJobs} only; a gateway restart loses it.
 */
public final class ExportJob {
    /** The states a client can observe; {@code CANCELLED} jobs are already gone from {@link ExportJobs}. */
    public enum State { QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED }

    /** What the caller asked: the kick-off URL, types per service in table order, since (may be null), patients (null: all). */
    public record Request(String url, Map<String, List<String>> typesByService, String since, List<String> patients,
            Map<String, String> headers) {
    }

    private final String id;
    private final String owner;
    private final Request request;
    private final Instant transactionTime;
    private final Path dir;
    private final Map<String, String> serviceProgress = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Long> counts = Collections.synchronizedMap(new TreeMap<>());
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private volatile State state = State.QUEUED;
    private volatile Instant completedAt;
    private volatile boolean cancelled;
    private volatile boolean stalled;
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile Closeable current;

    public ExportJob(String id, String owner, Request request, Instant transactionTime, Path dir) {
        this.id = id;
        this.owner = owner;
        this.request = request;
        this.transactionTime = transactionTime;
        this.dir = dir;
        request.typesByService().keySet().forEach(service -> serviceProgress.put(service, "waiting"));
    }

    public String id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public Request request() {
        return request;
    }

    public Instant transactionTime() {
        return transactionTime;
    }

    public Path dir() {
        return dir;
    }

    public State state() {
        return state;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public boolean cancelled() {
        return cancelled;
    }

    boolean stalled() {
        return stalled;
    }

    long lastActivityNanos() {
        return lastActivityNanos;
    }

    /** The types written so far (a service's types only once it finished them all) and how many resources each holds. */
    public Map<String, Long> outputs() {
        synchronized (counts) {
            return new TreeMap<>(counts);
        }
    }

    /** One line per failed service: the OperationOutcome saying why (NDJSON of the error file). */
    public List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    /** {@code X-Progress} while running: each service and how far it got. */
    public String progress() {
        synchronized (serviceProgress) {
            List<String> parts = new ArrayList<>();
            serviceProgress.forEach((service, text) -> parts.add(service + ": " + text));
            return (state == State.QUEUED ? "queued; " : "") + String.join("; ", parts);
        }
    }

    void running() {
        state = State.RUNNING;
        touch();
    }

    void serviceProgress(String service, String text) {
        serviceProgress.put(service, text);
        touch();
    }

    void touch() {
        lastActivityNanos = System.nanoTime();
    }

    void addOutput(String type, long count) {
        counts.merge(type, count, Long::sum);
    }

    void addError(String outcomeLine) {
        errors.add(outcomeLine);
    }

    void finish(boolean failed, Instant at) {
        completedAt = at;
        state = failed ? State.FAILED : State.COMPLETED;
    }

    /** The stream being read, closed by {@link #cancel} or when the service stalls. */
    void reading(Closeable stream) {
        current = stream;
    }

    /** Stops the job: the service stream being read is closed, the runner stops at once and removes the files. */
    public void cancel() {
        cancelled = true;
        state = State.CANCELLED;
        closeCurrent();
    }

    /** A service went silent mid-stream for longer than the upstream timeout: its part fails, the job goes on. */
    void abortStalled() {
        stalled = true;
        closeCurrent();
    }

    void clearStalled() {
        stalled = false;
    }

    private void closeCurrent() {
        Closeable stream = current;
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                // the runner sees the stream end either way
            }
        }
    }
}
