package care.iop.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import care.iop.devstack.Component;
import care.iop.devstack.LocalStack;
import care.iop.devstack.TrainingWorkload;
import care.iop.devstack.Tokens;

/**
 * The stack under test: the devstack's LocalStack with its own state folder and ports shifted by
 * 20000 (or {@code --port-offset}), run from a snapshot of the packaged applications (so a rebuild of a module while the
 * benchmark runs cannot swap a jar under a running service).
 */
public final class BenchStack implements AutoCloseable {
    public static final int PORT_OFFSET = 20_000;
    public static final String OPEN_RATE = "1000000";
    /** Rounds of the training workload before the archives of a new build are recorded: the images' default. */
    static final int TRAINING_ROUNDS = 200;

    private final LocalStack stack;
    private final Tokens tokens;
    private final int portOffset;

    private BenchStack(LocalStack stack, int portOffset) {
        this.stack = stack;
        this.portOffset = portOffset;
        this.tokens = new Tokens(stack.keys().privateKey(), Tokens.DEFAULT_ISSUER);
    }

    /** Copies the packaged applications, clears any earlier benchmark stack, starts a fresh one. */
    public static BenchStack start(Path home, Path packaged, int portOffset, PrintStream out) throws Exception {
        Path base = home.resolve("benchmarks/target");
        Path apps = base.resolve("apps");
        Path state = base.resolve("stack");
        LocalStack leftover = new LocalStack(apps, state, portOffset, out, Map.of());
        if (Files.isDirectory(state) && leftover.down()) {
            out.println("  stopped a benchmark stack left over from an earlier run");
        }
        delete(state);
        delete(apps);
        for (Component component : Component.all()) {
            Path from = packaged.resolve(component.module()).resolve("target/quarkus-app");
            if (!Files.isRegularFile(from.resolve("quarkus-run.jar"))) {
                throw new IllegalStateException("No packaged " + component.name() + " at " + from + "; build first (./iop build)");
            }
            copy(from, apps.resolve(component.module()).resolve("target/quarkus-app"));
        }
        // Open the gateway's per-client rate limit (50/s by default) for the single benchmark client; the
        // limiter itself still runs on every request.
        LocalStack stack = new LocalStack(apps, state, portOffset, out, System.getenv())
                .withComponentEnv(Map.of("IOP_GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND", OPEN_RATE, "IOP_GATEWAY_RATE_LIMIT_BURST", OPEN_RATE))
                .withClassDataArchives(base.resolve("cds"));
        BenchStack bench = new BenchStack(stack, portOffset);
        // Ctrl-C or a kill of the suite stops the stack's processes too (stop is safe to call twice).
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "bench-stack-stop"));
        try {
            if (!stack.classDataArchived()) {
                out.println("  first run of this build: starting the stack, training it (" + TRAINING_ROUNDS + " rounds of the images' "
                        + "training workload through the gateway) and stopping it, to record its class-data archives");
                stack.up();
                Map<String, String> tokenOfRole = new HashMap<>();
                Map<Integer, Integer> statuses = new TrainingWorkload(bench.gateway(), role -> tokenOfRole.computeIfAbsent(role, bench::token))
                        .run(TRAINING_ROUNDS);
                out.println("  training answers by status: " + statuses);
                stack.stop();
            }
            stack.up();
        } catch (Exception e) {
            stack.stop();
            throw e;
        }
        return bench;
    }

    public String gateway() {
        return stack.gatewayUrl();
    }

    public String participant() {
        return "http://localhost:" + stack.port(Component.SERVICES.get(0));
    }

    public String plan() {
        return "http://localhost:" + stack.port(Component.SERVICES.get(1));
    }

    public String session() {
        return "http://localhost:" + stack.port(Component.SERVICES.get(2));
    }

    public int postgresPort() {
        return LocalStack.POSTGRES_PORT + portOffset;
    }

    public String kafkaBootstrap() {
        return "localhost:" + (LocalStack.KAFKA_PORT + portOffset);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgresPort() + "/" + database;
    }

    public String token(String role) {
        return tokens.mint(role, "bench-" + role, null, 24 * 60);
    }

    /** A token of the role with further claims, e.g. the SMART {@code scope} of a FHIR client. */
    public String token(String role, java.util.Map<String, Object> claims) {
        return tokens.mint(role, "bench-" + role, null, 24 * 60, claims);
    }

    public String patientToken(UUID patientId) {
        return tokens.mint("patient", "bench-patient-" + patientId, patientId, 24 * 60);
    }

    /** A clinician's own token (claim {@code clinician_id}), with which they sign their plans as author. */
    public String clinicianToken(UUID clinicianId) {
        return tokens.mint("clinician", "bench-clinician-" + clinicianId, null, 24 * 60, java.util.Map.of("clinician_id", clinicianId.toString()));
    }

    /** Resident set size of a component's process in MB, from /proc/&lt;pid&gt;/status (VmRSS). */
    public Optional<Double> rssMb(String name) {
        return stack.process(name).filter(ProcessHandle::isAlive).flatMap(p -> rssMb(p.pid()));
    }

    public Optional<Long> pid(String name) {
        return stack.process(name).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
    }

    public static Optional<Double> rssMb(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/" + pid + "/status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** kill -9, then start the component alone and wait until healthy; returns the time to healthy. */
    public Duration killAndRestart(Component component) throws IOException, InterruptedException {
        stack.kill(component.name());
        stack.restart(component);
        return stack.timeToHealthy().get(component.name());
    }

    public Duration timeToHealthy(Component component) {
        return stack.timeToHealthy().get(component.name());
    }

    public static List<Component> components() {
        return Component.all();
    }

    @Override
    public void close() {
        stack.stop();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    // same modification times, so the class-data archives recorded for this build stay valid
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
