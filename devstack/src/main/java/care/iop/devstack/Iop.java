package care.iop.devstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/** Entry point of the {@code ./iop} script: {@code up}, {@code down}, {@code status}, {@code token}, {@code audit verify}. */
public final class Iop {
    private static final String USAGE = """
            usage: ./iop <command>
              up                                      start PostgreSQL, Kafka, the services and the gateway; Ctrl-C stops all
              down                                    stop a stack started by ./iop up in another terminal
              status                                  show what runs where
              token <role> [--patient <id>] [--clinician <id>] [--sub <name>] [--ttl <minutes>] [--client <id>] [--purpose <purpose>]
                    [--scope <scopes>]
                                                      print a signed JWT; roles: admin, clinician, scheduler, integration, patient;
                                                      --clinician sets clinician_id (a clinician token that signs plans as
                                                      their author), --client sets azp (the client a Part 2 consent names),
                                                      --purpose the purpose_of_use claim (TREATMENT, PAYMENT, HEALTH_CARE_OPERATIONS),
                                                      --scope the SMART scopes for /fhir/R4, space-separated and quoted
                                                      ('system/*.rs', 'system/*.cruds', 'user/*.rs', 'patient/*.rs'; docs/fhir.md)
              audit verify                            verify the audit hash chain of each service database of the running
                                                      stack; exit status 1 when one is broken
            """;

    private Iop() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("iop.home", ".")).toAbsolutePath().normalize();
        LocalStack stack = new LocalStack(home, System.out, System.getenv()).withClassDataArchives(home.resolve(".iop/cds"));
        String command = args.length == 0 ? "help" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        switch (command) {
            case "up" -> up(stack);
            case "down" -> System.out.println(stack.down() ? "IOP Care stopped." : "Nothing was running.");
            case "status" -> stack.status();
            case "token" -> System.out.println(token(stack, rest));
            case "audit" -> {
                if (!rest.equals(List.of("verify"))) {
                    System.out.print(USAGE);
                    System.exit(2);
                }
                System.exit(AuditVerify.run(stack, System.out));
            }
            default -> {
                System.out.print(USAGE);
                System.exit(command.equals("help") ? 0 : 2);
            }
        }
    }

    private static void up(LocalStack stack) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping IOP Care...");
            stack.stop();
            stopped.countDown();
        }, "iop-shutdown"));
        System.out.println("Starting IOP Care (logs in .iop/logs/)");
        try {
            stack.up();
        } catch (RuntimeException e) {
            System.err.println("\nStart failed: " + e.getMessage());
            System.exit(1);
        }
        System.out.println("""

                  Gateway      http://localhost:8080
                  Swagger UI   http://localhost:8080/q/swagger-ui
                  Health       http://localhost:8080/q/health
                  Token        ./iop token admin     (then: curl -H "Authorization: Bearer $TOKEN" ...)
                  FHIR R4      http://localhost:8080/fhir/R4/metadata
                               (an EHR backend's token: ./iop token integration --client ehr-local --scope 'system/*.cruds')

                Ctrl-C (or ./iop down in another terminal) stops everything.""");
        stopped.await();
    }

    static String token(LocalStack stack, List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("token needs a role: " + Tokens.ROLES);
        }
        String role = args.get(0);
        String subject = "local-" + role;
        UUID patient = null;
        int ttl = 480;
        Map<String, Object> claims = new HashMap<>();
        for (int i = 1; i + 1 < args.size(); i += 2) {
            switch (args.get(i)) {
                case "--patient" -> patient = UUID.fromString(args.get(i + 1));
                case "--clinician" -> claims.put("clinician_id", UUID.fromString(args.get(i + 1)).toString());
                case "--sub" -> subject = args.get(i + 1);
                case "--ttl" -> ttl = Integer.parseInt(args.get(i + 1));
                case "--client" -> claims.put("azp", args.get(i + 1));
                case "--purpose" -> claims.put("purpose_of_use", args.get(i + 1));
                case "--scope" -> claims.put("scope", args.get(i + 1).trim());
                default -> throw new IllegalArgumentException("Unknown option " + args.get(i));
            }
        }
        if (role.equals("patient") && patient == null) {
            throw new IllegalArgumentException("a patient token needs --patient <patient id>");
        }
        String issuer = System.getenv().getOrDefault("IOP_JWT_ISSUER", Tokens.DEFAULT_ISSUER);
        String audience = System.getenv().getOrDefault("IOP_JWT_AUDIENCE", Tokens.DEFAULT_AUDIENCE);
        return new Tokens(stack.keys().privateKey(), issuer, audience).mint(role, subject, patient, ttl, claims);
    }
}
