package care.iop.devstack;

import java.nio.file.Path;
import java.util.List;

/** A Quarkus application of the stack: its name, module folder, HTTP port and database (null for the gateway). */
public record Component(String name, String module, int port, String database) {

    public static final List<Component> SERVICES = List.of(
            new Component("participant-service", "participant-service", 8081, "iop_participant"),
            new Component("plan-service", "plan-service", 8082, "iop_plan"),
            new Component("session-service", "session-service", 8083, "iop_session"));
    public static final Component GATEWAY = new Component("gateway", "gateway", 8080, null);

    public static List<Component> all() {
        return List.of(SERVICES.get(0), SERVICES.get(1), SERVICES.get(2), GATEWAY);
    }

    public Path runnerJar(Path home) {
        return home.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
