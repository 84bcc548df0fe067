package care.iop.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The training run of a container image (docs/operations.md, "Images, start time and warm-up"): starts the one
 * component the image holds with {@code -XX:AOTCacheOutput} (JDK 25, JEP 514/515) next to PostgreSQL and Kafka of its
 * own (embedded, as {@code ./iop up} starts them; the gateway gets a stub upstream instead), sends it a training
 * workload through its API, and stops it, so that the JVM writes an ahead-of-time cache of the classes it loaded and
 * linked and of the method profiles of the workload. The image then starts with {@code -XX:AOTCache}: fewer classes to
 * load at start, and profiles for the JIT from the first request.
 * <p>
 * Runs at image build, in the runtime stage, as the image's user and with the image's JVM, from the path the image
 * runs the application from: a cache is only used by the same JVM with the same class path.
 * <pre>
 *   java -cp '/training/*:/training/lib/*' care.iop.devstack.ImageTraining participant-service /deployments/quarkus-run.jar /deployments/app.aot
 * </pre>
 * The JVM options of the training run are {@code JAVA_OPTS} (the image's own), so that the cache fits the runtime.
 * {@code IOP_TRAINING_ROUNDS} (default 200) sets how many rounds of the workload run.
 */
public final class ImageTraining {
    private static final int PORT = 18_080;
    private static final int POSTGRES_PORT = 15_532;
    private static final int KAFKA_PORT = 19_192;
    private static final int STUB_PORT = 18_099;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);

    private final Component component;
    private final Path jar;
    private final Path cache;
    private final Path state;
    private final List<Process> processes = new ArrayList<>();
    private EmbeddedPostgresServer postgres;
    private Tokens tokens;
    /** One token per role: the services remember a verified token, as they do for a real client. */
    private final Map<String, String> tokenByRole = new HashMap<>();

    private ImageTraining(Component component, Path jar, Path cache, Path state) {
        this.component = component;
        this.jar = jar;
        this.cache = cache;
        this.state = state;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: ImageTraining <component> <quarkus-run.jar> <cache file>");
            System.exit(2);
        }
        Component component = Component.all().stream().filter(c -> c.name().equals(args[0])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No component " + args[0]));
        Path state = Files.createTempDirectory("iop-training");
        ImageTraining training = new ImageTraining(component, Path.of(args[1]).toAbsolutePath(), Path.of(args[2]).toAbsolutePath(), state);
        int rounds = Integer.parseInt(System.getenv().getOrDefault("IOP_TRAINING_ROUNDS", "200"));
        try {
            training.run(rounds);
        } finally {
            training.stopAll();
            delete(state);
        }
        System.exit(0);
    }

    private void run(int rounds) throws Exception {
        LocalKeys keys = LocalKeys.ensure(state.resolve("keys"));
        tokens = new Tokens(keys.privateKey(), Tokens.DEFAULT_ISSUER);
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(PORT));
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyFile().toUri().toString());
        if (component.database() != null) {
            postgres = EmbeddedPostgresServer.start(state.resolve("postgres"), POSTGRES_PORT);
            postgres.createDatabases(List.of(component.database()));
            DatabaseRoles roles = DatabaseRoles.fromEnvironment(Map.of());
            roles.apply(postgres.serverUrl(), EmbeddedPostgresServer.USER, "", List.of(component.database()));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(component.database()));
            env.putAll(roles.serviceEnvironment());
            KafkaBrokerProcess kafka = new KafkaBrokerProcess(state.resolve("kafka"), KAFKA_PORT);
            Path config = kafka.prepare(state.resolve("kafka.log"));
            processes.add(kafka.command(config).redirectErrorStream(true).redirectOutput(state.resolve("kafka.log").toFile()).start());
            await(kafka::isReady, KafkaBrokerProcess.startTimeout(), "Kafka");
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        } else {
            Thread stub = new Thread(ImageTraining::stubUpstream, "stub-upstream");
            stub.setDaemon(true);
            stub.start();
            for (String upstream : List.of("PARTICIPANT", "PLAN", "SESSION")) {
                env.put("IOP_GATEWAY_UPSTREAMS_" + upstream, "http://localhost:" + STUB_PORT);
            }
            env.put("IOP_GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND", "1000000");
            env.put("IOP_GATEWAY_RATE_LIMIT_BURST", "1000000");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String options = System.getenv().getOrDefault("JAVA_OPTS", "");
        if (!options.isBlank()) {
            command.addAll(List.of(options.trim().split("\\s+")));
        }
        command.add("-XX:AOTCacheOutput=" + cache);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(jar.getParent().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(env);
        long t0 = System.nanoTime();
        Process app = builder.start();
        processes.add(0, app);
        TrainingWorkload workload = new TrainingWorkload("http://localhost:" + PORT,
                role -> tokenByRole.computeIfAbsent(role, r -> tokens.mint(r, "training-" + r, null, 60)));
        await(workload::ready, READY_TIMEOUT, component.name());
        System.out.printf("%s ready in %.1f s; training with %d rounds%n", component.name(), (System.nanoTime() - t0) / 1e9, rounds);
        Map<Integer, Integer> statuses = workload.run(rounds);
        System.out.println("Training answers by status: " + statuses);
        app.destroy();
        if (!app.waitFor(300, TimeUnit.SECONDS)) {
            throw new IllegalStateException(component.name() + " did not stop");
        }
        processes.remove(app);
        if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
            throw new IllegalStateException("No AOT cache written to " + cache + " (JDK 25 or later needed)");
        }
        System.out.printf("AOT cache %s: %,d bytes%n", cache, Files.size(cache));
    }

    /** The gateway's upstreams during its training: every request answered 200 with a small JSON body, keep-alive. */
    private static void stubUpstream() {
        byte[] body = "{\"items\":[],\"page\":0,\"size\":20,\"total\":0,\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (ServerSocket server = new ServerSocket(STUB_PORT, 50, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket socket = server.accept();
                Thread connection = new Thread(() -> serve(socket, head, body), "stub-connection");
                connection.setDaemon(true);
                connection.start();
            }
        } catch (IOException e) {
            System.err.println("Stub upstream stopped: " + e);
        }
    }

    /** Reads requests (headers and a Content-Length body) and answers each with the same 200. */
    private static void serve(Socket socket, byte[] head, byte[] body) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            StringBuilder line = new StringBuilder();
            int contentLength = 0;
            boolean blank = true;
            for (int b; (b = in.read()) >= 0;) {
                if (b != '\n') {
                    if (b != '\r') {
                        line.append((char) b);
                    }
                    continue;
                }
                String header = line.toString();
                line.setLength(0);
                if (!header.isEmpty()) {
                    blank = false;
                    if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                        contentLength = Integer.parseInt(header.substring(15).trim());
                    }
                    continue;
                }
                if (blank) {
                    continue;
                }
                in.readNBytes(contentLength);
                out.write(head);
                out.write(body);
                out.flush();
                contentLength = 0;
                blank = true;
            }
        } catch (IOException | RuntimeException e) {
            // the connection ended
        }
    }

    private static void await(java.util.function.BooleanSupplier ready, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " not ready after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(250);
        }
    }

    private void stopAll() {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
