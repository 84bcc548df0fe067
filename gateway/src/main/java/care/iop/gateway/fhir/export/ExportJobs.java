package care.iop.gateway.fhir.export;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import care.iop.gateway.GatewayConfig;
import care.iop.gateway.Routes;
import care.iop.gateway.fhir.FhirConfig;
import care.iop.gateway.metrics.CacheGauges;

/**
 * The bulk export jobs of this gateway instance, in memory only: a restart loses them (a client polling a lost job gets
 * 404 and kicks off again; docs/fhir.md). At most {@code iop.gateway.fhir.export-max-jobs} are kept, queued, running or
 * finished; {@code export-threads} run at once. Their files live under {@code iop.gateway.fhir.export-dir}, one directory
 * per job, and are deleted with the job {@code export-file-ttl} after it finished, when it is cancelled, and (left over
 * by an earlier process) at start. A sweep every second expires jobs and stops a service stream that stays silent for
 * the upstream timeout.
 */
@ApplicationScoped
public class ExportJobs {
    static final String ERROR_FILE = "OperationOutcome-errors.ndjson";
    private static final String JOB_DIR_PREFIX = "job-";
    private static final Logger LOG = Logger.getLogger(ExportJobs.class);

    @Inject
    FhirConfig config;

    @Inject
    GatewayConfig gateway;

    @Inject
    MeterRegistry registry;

    private final Map<String, ExportJob> jobs = new ConcurrentHashMap<>();
    private Path root;
    private boolean temporaryRoot;
    private ExecutorService runners;
    private ScheduledExecutorService housekeeping;
    private HttpClient http;
    private Map<String, URI> upstreams;

    @PostConstruct
    void init() {
        try {
            Optional<Path> configured = config.exportDir();
            temporaryRoot = configured.isEmpty();
            root = configured.isPresent() ? Files.createDirectories(configured.get()) : Files.createTempDirectory("iop-fhir-export-");
            deleteJobDirectories();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot use the export directory (iop.gateway.fhir.export-dir): " + e.getMessage(), e);
        }
        AtomicInteger threads = new AtomicInteger();
        runners = Executors.newFixedThreadPool(config.exportThreads(), runnable -> daemon(runnable, "fhir-export-" + threads.incrementAndGet()));
        housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "fhir-export-sweep"));
        housekeeping.scheduleWithFixedDelay(() -> sweep(Instant.now()), 1, 1, TimeUnit.SECONDS);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(gateway.connectTimeout()).build();
        upstreams = new HashMap<>();
        Routes.upstreamNames().forEach(name -> upstreams.put(name, gateway.upstream(name)));
        CacheGauges.register(registry, "fhir-export-jobs", jobs::size);
    }

    @PreDestroy
    void stop() {
        runners.shutdownNow();
        housekeeping.shutdownNow();
        jobs.values().forEach(ExportJob::cancel);
        jobs.clear();
        deleteJobDirectories();
        if (temporaryRoot) {
            deleteQuietly(root);
        }
    }

    /** Starts a job for {@code owner}, or empty when as many jobs as allowed are kept already. */
    public Optional<ExportJob> start(String owner, ExportJob.Request request) {
        if (jobs.size() >= config.exportMaxJobs()) {
            return Optional.empty();
        }
        String id = UUID.randomUUID().toString();
        ExportJob job = new ExportJob(id, owner, request, Instant.now(), root.resolve(JOB_DIR_PREFIX + id));
        jobs.put(id, job);
        runners.execute(new ExportRun(job, http, upstreams, gateway.upstreamTimeout(), () -> done(job)));
        return Optional.of(job);
    }

    /** The job, if it exists and belongs to {@code owner} (another caller's job is as good as absent). */
    public Optional<ExportJob> find(String id, String owner) {
        ExportJob job = id == null ? null : jobs.get(id);
        return job != null && job.owner().equals(owner) ? Optional.of(job) : Optional.empty();
    }

    /** Cancels and forgets the job: from now on it is 404, its files are deleted. */
    public void cancel(ExportJob job) {
        jobs.remove(job.id());
        boolean running = job.state() == ExportJob.State.RUNNING;
        job.cancel();
        count("cancelled");
        if (!running) {
            housekeeping.execute(() -> deleteQuietly(job.dir()));
        }
    }

    /** When the job's files go (and with them the job); null while it runs. */
    public Instant expiresAt(ExportJob job) {
        return job.completedAt() == null ? null : job.completedAt().plus(config.exportFileTtl());
    }

    /** The file of one output type or of the errors, if the job produced it. */
    public Optional<Path> file(ExportJob job, String name) {
        boolean produced = name.equals(ERROR_FILE) ? !job.errors().isEmpty()
                : job.outputs().keySet().stream().anyMatch(type -> fileName(type).equals(name));
        return produced && job.completedAt() != null ? Optional.of(job.dir().resolve(name)) : Optional.empty();
    }

    static String fileName(String type) {
        return type + ".ndjson";
    }

    /** Drops the jobs whose files expired by {@code now} (deleting them) and stops service streams silent for too long. */
    public void sweep(Instant now) {
        long silentLimit = gateway.upstreamTimeout().toNanos();
        for (ExportJob job : jobs.values()) {
            Instant expires = expiresAt(job);
            if (expires != null && !now.isBefore(expires)) {
                jobs.remove(job.id());
                deleteQuietly(job.dir());
                count("expired");
            } else if (job.state() == ExportJob.State.RUNNING && System.nanoTime() - job.lastActivityNanos() > silentLimit) {
                job.abortStalled();
            }
        }
    }

    public int size() {
        return jobs.size();
    }

    private void done(ExportJob job) {
        if (!job.cancelled()) {
            count(job.state() == ExportJob.State.FAILED ? "failed" : "completed");
        }
    }

    private void count(String outcome) {
        Counter.builder("iop.gateway.fhir.export.jobs").description("Bulk export jobs by what became of them")
                .tag("outcome", outcome).register(registry).increment();
    }

    private void deleteJobDirectories() {
        try (Stream<Path> entries = Files.list(root)) {
            entries.filter(path -> path.getFileName().toString().startsWith(JOB_DIR_PREFIX)).forEach(ExportJobs::deleteQuietly);
        } catch (IOException e) {
            LOG.warnf("Could not clean the export directory %s: %s", root, e.getMessage());
        }
    }

    static void deleteQuietly(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warnf("Could not delete %s: %s", path, e.getMessage());
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
