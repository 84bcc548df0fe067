package care.iop.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time used by each part of the stack between two snapshots: the four components and Kafka (their
 * processes), PostgreSQL (every {@code postgres} process of the machine: the server, which runs
 * detached from this JVM, and its backends; nothing else runs one during a benchmark) and the load
 * generator (this JVM). Divided by the requests of a measured phase it says
 * what one request costs each part, which is where a throughput limit on 2 cores comes from.
 */
public final class CpuMeter {
    public static final String POSTGRES = "postgresql";
    public static final String LOAD_GENERATOR = "load generator";
    private static final List<String> PROCESSES = List.of("gateway", "participant-service", "plan-service", "session-service", "kafka");

    private final BenchStack stack;

    public CpuMeter(BenchStack stack) {
        this.stack = stack;
    }

    /** CPU seconds used so far, per part. */
    public Map<String, Double> snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String name : PROCESSES) {
            stack.pid(name).flatMap(ProcessHandle::of).flatMap(p -> p.info().totalCpuDuration())
                    .ifPresent(d -> seconds.put(name, d.toNanos() / 1e9));
        }
        seconds.put(POSTGRES, ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .mapToDouble(d -> d.toNanos() / 1e9).sum());
        seconds.put(LOAD_GENERATOR, ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9);
        return seconds;
    }

    /** CPU seconds per part from {@code before} to {@code after} (parts seen in both). */
    public static Map<String, Double> used(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((name, end) -> {
            Double start = before.get(name);
            if (start != null && end >= start) {
                used.put(name, end - start);
            }
        });
        return used;
    }

    /**
     * A markdown table: CPU milliseconds per request and cores busy, per part, for one measured
     * phase of {@code requests} requests over {@code seconds}.
     */
    public static String table(Map<String, Double> used, long requests, double seconds) {
        StringBuilder md = new StringBuilder("| part | CPU ms per request | cores busy |\n| --- | --- | --- |\n");
        double total = 0;
        for (Map.Entry<String, Double> e : used.entrySet()) {
            total += e.getValue();
            md.append(Scenario.fmt("| %s | %.2f | %.2f |%n", e.getKey(), 1000 * e.getValue() / Math.max(1, requests), e.getValue() / seconds));
        }
        md.append(Scenario.fmt("| **all** | **%.2f** | **%.2f** of 2 |", 1000 * total / Math.max(1, requests), total / seconds));
        return md.toString();
    }
}
