package care.iop.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Starts and stops the local stack: PostgreSQL (embedded, or external via {@code IOP_JDBC_URL}; the
 * services connect as the application role and migrate as the owner role of {@link DatabaseRoles}),
 * a KRaft Kafka broker (or external via {@code IOP_KAFKA_BOOTSTRAP}), the three services and the
 * gateway as separate processes. State lives under {@code .iop/}: data, logs, keys, pid files.
 */
public final class LocalStack {
    public static final int POSTGRES_PORT = 15432;
    public static final int KAFKA_PORT = 9092;
    /**
     * How each service and the gateway JVM is started: a small heap with the serial collector (four
     * JVMs share the machine) and the default tiered JIT (C1-only would start a little sooner but
     * runs RSA signature checks and JSON several times slower; see docs/benchmarks.md). A heap fixed
     * at 256 MB with a 48 MB young generation was tried and measured worse on the 200-booking burst
     * (docs/performance-log.md).
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC");
    /** How long a component may take to become healthy: 120 s, or {@code IOP_HEALTH_TIMEOUT_SECONDS} (a busy shared machine). */
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(Long.parseLong(
            System.getenv().getOrDefault("IOP_HEALTH_TIMEOUT_SECONDS", "120")));
    /**
     * A Quarkus JVM stops in about a second, but the first stop of a build also writes its class-data
     * archive: 20 to 30 s when four JVMs write theirs at once on 2 cores.
     */
    private static final Duration APPLICATION_STOP_TIMEOUT = Duration.ofSeconds(90);

    private final Path home;
    private final Path state;
    private final int portOffset;
    private final PrintStream out;
    private final Map<String, String> env;
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, Process> byName = new HashMap<>();
    private final Map<String, ProcessBuilder> builders = new HashMap<>();
    private final Map<String, Duration> timeToHealthy = new java.util.LinkedHashMap<>();
    private final Map<String, String> componentEnv = new HashMap<>();
    private EmbeddedPostgresServer postgres;
    private ClassDataArchives archives;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** The developer's stack: state under {@code .iop/}, default ports. */
    public LocalStack(Path home, PrintStream out, Map<String, String> env) {
        this(home, home.resolve(".iop"), 0, out, env);
    }

    /**
     * A stack with its own state folder and every port shifted by {@code portOffset}, so that system
     * tests never collide with a developer's running stack.
     */
    public LocalStack(Path home, Path state, int portOffset, PrintStream out, Map<String, String> env) {
        this.home = home;
        this.state = state;
        this.portOffset = portOffset;
        this.out = out;
        this.env = env;
    }

    /** Extra environment for every service and the gateway (e.g. a benchmark raising the gateway's rate limit). */
    public LocalStack withComponentEnv(Map<String, String> extra) {
        componentEnv.putAll(extra);
        return this;
    }

    /** Starts the Quarkus JVMs with application class-data sharing, archives kept in {@code dir}. */
    public LocalStack withClassDataArchives(Path dir) {
        archives = new ClassDataArchives(dir);
        return this;
    }

    /** Whether every Quarkus JVM of this build has a class-data archive (false without class-data sharing). */
    public boolean classDataArchived() {
        return archives != null && archives.complete(Component.all(), home);
    }

    public int port(Component component) {
        return component.port() + portOffset;
    }

    public String gatewayUrl() {
        return "http://localhost:" + port(Component.GATEWAY);
    }

    /**
     * The PostgreSQL server of this stack without a database: {@code IOP_JDBC_URL} (an external server,
     * administered as {@code IOP_DB_USER}/{@code IOP_DB_PASSWORD}) or the embedded one.
     */
    public String jdbcBase() {
        return env.getOrDefault("IOP_JDBC_URL", "jdbc:postgresql://localhost:" + (POSTGRES_PORT + portOffset));
    }

    /** The owner role (migrations) and application role (services) of the service databases. */
    public DatabaseRoles databaseRoles() {
        return DatabaseRoles.fromEnvironment(env);
    }

    public Path logs() {
        return state.resolve("logs");
    }

    public Path runDir() {
        return state.resolve("run");
    }

    public LocalKeys keys() {
        return LocalKeys.ensure(state.resolve("keys"));
    }

    /** Starts everything and returns once every component is healthy. */
    public void up() throws IOException, InterruptedException {
        long stackStart = System.nanoTime();
        Files.createDirectories(logs());
        Files.createDirectories(runDir());
        Optional<Long> running = readPid(runDir().resolve("iop.pid")).filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        if (running.isPresent()) {
            throw new IllegalStateException("A stack is already running (pid " + running.get() + "); run ./iop down first");
        }
        Files.writeString(runDir().resolve("iop.pid"), Long.toString(ProcessHandle.current().pid()));
        LocalKeys keys = keys();

        String jdbcBase = jdbcBase();
        List<String> databases = Component.SERVICES.stream().map(Component::database).toList();
        DatabaseRoles roles = databaseRoles();
        if (env.get("IOP_JDBC_URL") == null) {
            int postgresPort = POSTGRES_PORT + portOffset;
            requireFree(postgresPort, "PostgreSQL");
            long t = System.nanoTime();
            postgres = EmbeddedPostgresServer.start(state.resolve("postgres"), postgresPort);
            postgres.createDatabases(databases);
            roles.apply(postgres.serverUrl(), EmbeddedPostgresServer.USER, "", databases);
            report("postgresql", postgresPort, t);
        } else {
            String admin = env.getOrDefault("IOP_DB_USER", EmbeddedPostgresServer.USER);
            String adminPassword = env.getOrDefault("IOP_DB_PASSWORD", "");
            EmbeddedPostgresServer.createDatabases(jdbcBase, admin, adminPassword, databases);
            roles.apply(jdbcBase, admin, adminPassword, databases);
            out.printf("  %-20s external %s (databases ready)%n", "postgresql", jdbcBase);
        }

        String bootstrap = env.get("IOP_KAFKA_BOOTSTRAP");
        if (bootstrap == null) {
            KafkaBrokerProcess kafka = new KafkaBrokerProcess(state.resolve("kafka"), KAFKA_PORT + portOffset);
            requireFree(KAFKA_PORT + portOffset, "Kafka");
            requireFree(kafka.controllerPort(), "Kafka controller");
            long t = System.nanoTime();
            Path log = logs().resolve("kafka.log");
            Path config = kafka.prepare(log);
            start("kafka", kafka.command(config), log);
            await("kafka", kafka::isReady, KafkaBrokerProcess.startTimeout());
            bootstrap = kafka.bootstrapServers();
            report("kafka (KRaft)", KAFKA_PORT + portOffset, t);
        } else {
            out.printf("  %-20s external %s%n", "kafka", bootstrap);
        }

        List<Component> components = Component.all();
        for (Component component : components) {
            requireFree(port(component), component.name());
        }
        Map<Component, Long> started = new HashMap<>();
        for (Component component : components) {
            Map<String, String> config = new HashMap<>();
            config.put("QUARKUS_HTTP_PORT", Integer.toString(port(component)));
            config.put("IOP_GATEWAY_UPSTREAMS_PARTICIPANT", "http://localhost:" + port(Component.SERVICES.get(0)));
            config.put("IOP_GATEWAY_UPSTREAMS_PLAN", "http://localhost:" + port(Component.SERVICES.get(1)));
            config.put("IOP_GATEWAY_UPSTREAMS_SESSION", "http://localhost:" + port(Component.SERVICES.get(2)));
            config.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
            config.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            config.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyFile().toUri().toString());
            if (component.database() != null) {
                config.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcBase + "/" + component.database());
                config.putAll(roles.serviceEnvironment());
            }
            ProcessBuilder builder = new ProcessBuilder(command(component));
            builder.environment().putAll(config);
            builder.environment().putAll(componentEnv);
            started.put(component, System.nanoTime());
            start(component.name(), builder, logs().resolve(component.name() + ".log"));
        }
        for (Component component : components) {
            await(component.name(), () -> isHealthy(port(component)), HEALTH_TIMEOUT);
            report(component.name(), port(component), started.get(component));
        }
        out.printf("%nIOP Care is up in %.1f s.%n", (System.nanoTime() - stackStart) / 1e9);
    }

    /** Kills a component like a crash would ({@code kill -9}): no shutdown hooks, no graceful close. */
    public synchronized void kill(String name) throws InterruptedException {
        Process process = byName.get(name);
        if (process == null) {
            throw new IllegalArgumentException("No component " + name);
        }
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts a killed or stopped component again with the same command and waits until it is healthy. */
    public void restart(Component component) throws IOException, InterruptedException {
        ProcessBuilder builder = builders.get(component.name());
        Process old = byName.get(component.name());
        if (old != null && old.isAlive()) {
            throw new IllegalStateException(component.name() + " is still running");
        }
        synchronized (this) {
            processes.remove(old);
        }
        builder.command(command(component));
        long t = System.nanoTime();
        start(component.name(), builder, logs().resolve(component.name() + ".log"));
        await(component.name(), () -> isHealthy(port(component)), HEALTH_TIMEOUT);
        report(component.name(), port(component), t);
    }

    private List<String> command(Component component) {
        List<String> command = new ArrayList<>();
        command.add(javaBin());
        command.addAll(JVM_OPTIONS);
        if (archives != null) {
            command.addAll(archives.options(component, home));
        }
        command.addAll(List.of("-jar", component.runnerJar(home).toString()));
        return command;
    }

    /**
     * Stops every process this stack started: the Quarkus JVMs together (each may be writing its
     * class-data archive on the way out), then the broker, then PostgreSQL. Safe to call twice.
     */
    public synchronized void stop() {
        List<Component> running = Component.all().stream().filter(c -> processes.contains(byName.get(c.name()))).toList();
        List<Process> applications = running.stream().map(c -> byName.get(c.name())).toList();
        List<Process> others = new ArrayList<>(processes);
        others.removeAll(applications);
        List<Boolean> stopped = stopTogether(applications, APPLICATION_STOP_TIMEOUT);
        for (int i = 0; i < running.size(); i++) {
            if (archives != null && stopped.get(i)) {
                archives.keep(running.get(i), home);
            }
        }
        Collections.reverse(others);
        others.forEach(process -> stopTogether(List.of(process), Duration.ofSeconds(20)));
        processes.clear();
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        try (var files = Files.list(runDir())) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // nothing to clean
        }
    }

    /** Asks every process to stop, then waits; for each, whether it was running and stopped by itself in time. */
    private static List<Boolean> stopTogether(List<Process> group, Duration timeout) {
        List<Boolean> wasRunning = group.stream().map(Process::isAlive).toList();
        for (Process process : group) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Boolean> stopped = new ArrayList<>();
        for (Process process : group) {
            boolean exited;
            try {
                exited = process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (!exited) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                exited = false;
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            stopped.add(exited && wasRunning.get(stopped.size()));
        }
        return stopped;
    }

    /** Stops a stack started by another {@code ./iop up}: signals it, then removes any leftover process. */
    public boolean down() throws Exception {
        boolean found = false;
        Optional<Long> launcher = readPid(runDir().resolve("iop.pid"));
        if (launcher.isPresent()) {
            Optional<ProcessHandle> handle = ProcessHandle.of(launcher.get());
            if (handle.isPresent() && handle.get().isAlive()) {
                found = true;
                handle.get().destroy();
                handle.get().onExit().get(150, TimeUnit.SECONDS);
            }
        }
        if (Files.isDirectory(runDir())) {
            try (var files = Files.list(runDir())) {
                for (Path file : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                    Optional<ProcessHandle> leftover = readPid(file).flatMap(ProcessHandle::of);
                    if (leftover.isPresent() && leftover.get().isAlive()) {
                        found = true;
                        leftover.get().destroyForcibly();
                    }
                    Files.deleteIfExists(file);
                }
            }
        }
        Optional<ProcessHandle> postmaster = readPid(state.resolve("postgres/postmaster.pid")).flatMap(ProcessHandle::of);
        if (postmaster.isPresent() && postmaster.get().isAlive()) {
            found = true;
            postmaster.get().destroy();
            postmaster.get().onExit().get(30, TimeUnit.SECONDS);
        }
        return found;
    }

    /** One line per component: port, pid and health. */
    public void status() throws IOException {
        out.printf("%-20s %-6s %-8s %s%n", "COMPONENT", "PORT", "PID", "STATE");
        out.printf("%-20s %-6d %-8s %s%n", "postgresql", POSTGRES_PORT,
                readPid(state.resolve("postgres/postmaster.pid")).map(String::valueOf).orElse("-"),
                isListening(POSTGRES_PORT) ? "UP" : "DOWN");
        out.printf("%-20s %-6d %-8s %s%n", "kafka", KAFKA_PORT, pidOf("kafka"), isListening(KAFKA_PORT) ? "UP" : "DOWN");
        for (Component component : Component.all()) {
            out.printf("%-20s %-6d %-8s %s%n", component.name(), component.port(), pidOf(component.name()),
                    isHealthy(component.port()) ? "UP" : (isListening(component.port()) ? "STARTING" : "DOWN"));
        }
    }

    private String pidOf(String name) {
        return readPid(runDir().resolve(name + ".pid")).map(String::valueOf).orElse("-");
    }

    private void start(String name, ProcessBuilder builder, Path log) throws IOException {
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.directory(home.toFile());
        Process process = builder.start();
        synchronized (this) {
            processes.add(process);
            byName.put(name, process);
            builders.put(name, builder);
        }
        Files.writeString(runDir().resolve(name + ".pid"), Long.toString(process.pid()));
    }

    private void await(String name, BooleanSupplier ready, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            Process process = processes.isEmpty() ? null : processes.get(processes.size() - 1);
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not healthy after " + timeout.toSeconds() + " s; see " + logs().resolve(name + ".log"));
            }
            if (processes.stream().anyMatch(p -> !p.isAlive())) {
                throw new IllegalStateException("A component exited while " + name + " was starting; see the logs in " + logs());
            }
            Thread.sleep(200);
        }
    }

    private void report(String name, int port, long startedNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        timeToHealthy.put(name, took);
        out.printf("  %-20s :%-6d healthy in %5.1f s%n", name, port, took.toMillis() / 1e3);
    }

    /** How long each component took from process start to healthy, in start order (the last start of each). */
    public Map<String, Duration> timeToHealthy() {
        return Map.copyOf(timeToHealthy);
    }

    /** The operating-system process of a component started by this stack. */
    public Optional<ProcessHandle> process(String name) {
        return Optional.ofNullable(byName.get(name)).map(Process::toHandle);
    }

    private boolean isHealthy(int port) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean isListening(int port) {
        try (var socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("localhost", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " for " + what + " is in use; is a stack already running? Try ./iop status or ./iop down");
        }
    }

    private static Optional<Long> readPid(Path file) {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(file).stream().findFirst().orElse("").trim();
            return first.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void checkWritable(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
