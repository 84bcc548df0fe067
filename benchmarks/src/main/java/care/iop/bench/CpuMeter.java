package care.iop.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CPU time used by each part of the stack between two snapshots: the four components and Kafka (their
 * processes), PostgreSQL (every {@code postgres} process of the machine: the server, which runs
 * detached from this JVM, its backends and the backends that ended; nothing else runs one during a
 * benchmark) and the load
 * generator (this JVM). Divided by the requests of a measured phase it says
 * what one request costs each part, which is where a throughput limit on 2 cores comes from.
 */
public final class CpuMeter {
    public static final String POSTGRES = "postgresql";
    public static final String LOAD_GENERATOR = "load generator";
    private static final List<String> PROCESSES = List.of("gateway", "participant-service", "plan-service", "session-service", "kafka");

    /** USER_HZ of Linux, the unit of the times in /proc/<pid>/stat (100 on every mainstream kernel). */
    private static final double CLOCK_TICKS_PER_SECOND = 100.0;

    private final BenchStack stack;

    /** CPU seconds this JVM spent in snapshots so far: the meter's own cost, not the load generator's. */
    private double reading;

    public CpuMeter(BenchStack stack) {
        this.stack = stack;
    }

    /** CPU seconds used so far, per part; the load generator's without the snapshots' own reading of /proc. */
    public synchronized Map<String, Double> snapshot() {
        double start = ownCpuSeconds();
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String name : PROCESSES) {
            stack.pid(name).flatMap(ProcessHandle::of).flatMap(p -> p.info().totalCpuDuration())
                    .ifPresent(d -> seconds.put(name, d.toNanos() / 1e9));
        }
        seconds.put(POSTGRES, postgresSeconds());
        seconds.put(LOAD_GENERATOR, start - reading);
        reading += ownCpuSeconds() - start;
        return seconds;
    }

    private static double ownCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /**
     * CPU seconds of PostgreSQL so far: every live {@code postgres} process, plus what the backends that
     * already ended used (the server process's "children" times in {@code /proc/<pid>/stat}, which count
     * the CPU of the children it reaped). Without the latter the total would drop whenever a connection
     * closes between two snapshots (a pool shrinking, the JDBC baseline's connections) and lose that part.
     */
    static double postgresSeconds() {
        List<ProcessHandle> postgres = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .toList();
        Set<Long> pids = postgres.stream().map(ProcessHandle::pid).collect(Collectors.toSet());
        double seconds = 0;
        for (ProcessHandle process : postgres) {
            long[] times = procStatTimes(process.pid());
            boolean server = process.parent().map(parent -> !pids.contains(parent.pid())).orElse(true);
            seconds += (times[0] + times[1] + (server ? times[2] + times[3] : 0)) / CLOCK_TICKS_PER_SECOND;
        }
        return seconds;
    }

    /** utime, stime, cutime, cstime (clock ticks) of {@code /proc/<pid>/stat}; zeros when the process is gone. */
    private static long[] procStatTimes(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is the state (field 3 of proc(5)); utime..cstime are fields 14..17
            return new long[] { Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]), Long.parseLong(fields[14]) };
        } catch (IOException | RuntimeException e) {
            return new long[4];
        }
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
