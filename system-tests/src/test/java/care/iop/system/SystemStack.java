package care.iop.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import care.iop.devstack.Component;
import care.iop.devstack.LocalKeys;
import care.iop.devstack.LocalStack;
import care.iop.devstack.Tokens;

/**
 * The whole system as separate processes, started once for all system tests: the packaged
 * services and gateway (from each module's target/quarkus-app), an embedded PostgreSQL and a
 * Kafka broker process. Ports are shifted by {@link #PORT_OFFSET} so a developer's running
 * {@code ./iop up} stack is never disturbed; state lives in {@code system-tests/target/stack}.
 */
public final class SystemStack {
    /** 10,000 unless {@code -Diop.system.port-offset} says otherwise (two checkouts on one machine). */
    public static final int PORT_OFFSET = Integer.getInteger("iop.system.port-offset", 10_000);
    private static SystemStack instance;

    private final LocalStack stack;
    private final Tokens tokens;

    private SystemStack(LocalStack stack, Tokens tokens) {
        this.stack = stack;
        this.tokens = tokens;
    }

    public static synchronized SystemStack get() throws Exception {
        if (instance == null) {
            Path home = Path.of(System.getProperty("iop.home", "..")).toAbsolutePath().normalize();
            Path state = home.resolve("system-tests/target/stack");
            if (Files.exists(state)) {
                try (var walk = Files.walk(state)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            // The journey compares the outcomes of five patients to stay short; production suppresses buckets under 11
            // patients (the CMS small-cell rule, proven in plan-service's tests), so the journey's stack lowers it.
            // The crash test (IdempotentRetryAfterCrashIT) turns on the test hook that halts a service right after the commit
            // of a request carrying X-IOP-Test-Halt-After-Commit; the local stack and Kubernetes never do.
            LocalStack stack = new LocalStack(home, state, PORT_OFFSET, System.out, Map.of())
                    .withComponentEnv(Map.of("IOP_OUTCOMES_MIN_BUCKET_SIZE", "5", "IOP_IDEMPOTENCY_TEST_HOOKS_HALT_AFTER_COMMIT", "true"));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "system-stack-stop"));
            stack.up();
            LocalKeys keys = stack.keys();
            instance = new SystemStack(stack, new Tokens(keys.privateKey(), Tokens.DEFAULT_ISSUER));
        }
        return instance;
    }

    public String gatewayUrl() {
        return stack.gatewayUrl();
    }

    public String serviceUrl(Component component) {
        return "http://localhost:" + stack.port(component);
    }

    public String token(String role) {
        return tokens.mint(role, "system-" + role, null, 60);
    }

    /** A token of the role for a subject of its own (a caller of its own for the gateway's rate limit and remembered writes). */
    public String token(String role, String subject) {
        return tokens.mint(role, subject, null, 60);
    }

    /** A token for a client outside the program, e.g. an EHR: role {@code integration}, client identity {@code azp}. */
    public String clientToken(String role, String clientId, Map<String, Object> claims) {
        Map<String, Object> all = new java.util.HashMap<>(claims);
        all.put("azp", clientId);
        return tokens.mint(role, "system-" + clientId, null, 60, all);
    }

    public String patientToken(java.util.UUID patientId) {
        return tokens.mint("patient", "system-patient-" + patientId, patientId, 60);
    }

    /** A clinician's own token (claim {@code clinician_id}): the one that signs the clinician's plans as their author. */
    public String clinicianToken(java.util.UUID clinicianId) {
        return tokens.mint("clinician", "system-clinician-" + clinicianId, null, 60, Map.of("clinician_id", clinicianId.toString()));
    }

    public LocalStack processes() {
        return stack;
    }
}
