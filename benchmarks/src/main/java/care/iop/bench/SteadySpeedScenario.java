package care.iop.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;

import care.iop.devstack.Component;
import care.iop.devstack.LocalStack;

/**
 * i: time to steady speed. The services and the gateway are killed and started again (cold JVMs, as after a rollout or
 * a crash; with whatever class-data archive or AOT cache the stack maps), then the loads of (a) and (b) run from the
 * first request on, measured in consecutive {@value #WINDOW} s windows. Steady is the mean of the last
 * {@value #STEADY_WINDOWS} windows; the time to steady is the end of the first window from which on every
 * {@value #ROLLING} consecutive windows keep at least 95 % of it.
 */
final class SteadySpeedScenario {
    static final int WINDOW = 5;
    static final int STEADY_WINDOWS = 6;
    static final int ROLLING = 3;
    static final int FIRST_SECONDS = 30;

    private final Options options;
    private final BenchStack stack;
    private final Seeder seeder;
    private final Db db;
    private final ClosedLoopLoad load;

    SteadySpeedScenario(Options options, BenchStack stack, Vertx vertx, Seeder seeder, Db db) {
        this.options = options;
        this.stack = stack;
        this.seeder = seeder;
        this.db = db;
        this.load = new ClosedLoopLoad(vertx, new CpuMeter(stack));
    }

    /** How one load reached its speed after a cold start. */
    record Ramp(String name, Map<String, Duration> healthy, List<ClosedLoopLoad.Window> windows, double steady, int secondsToSteady,
                double firstShare, double firstCpuMs, double steadyCpuMs) {

        boolean pass() {
            return secondsToSteady >= 0 && secondsToSteady <= FIRST_SECONDS && firstShare >= 0.75
                    && windows.stream().mapToLong(ClosedLoopLoad.Window::errors).sum() == 0;
        }
    }

    Scenario run(List<UUID> plans) throws Exception {
        int c = options.concurrency();
        String clinician = seeder.clinician();
        String integration = seeder.integration();
        AtomicLong sequence = new AtomicLong();
        Function<Long, ClosedLoopLoad.Call> planReads = n -> new ClosedLoopLoad.Call(HttpMethod.GET,
                stack.gateway() + "/api/v1/plans/" + plans.get(ThreadLocalRandom.current().nextInt(plans.size())), clinician, null);
        Function<Long, ClosedLoopLoad.Call> creates = n -> new ClosedLoopLoad.Call(HttpMethod.POST, stack.gateway() + "/api/v1/patients",
                integration, seeder.patientBody("I", sequence.incrementAndGet()));
        System.out.println("  i. time to steady speed after a cold start of the services and the gateway");
        Ramp a = ramp("a, GET /api/v1/plans/{id}", c, planReads, 200);
        Ramp b = ramp("b, POST /api/v1/patients", c, creates, 201);
        db.awaitQuiet(300);

        Scenario s = new Scenario("i", "Time to steady speed after a cold start (a and b through the gateway)",
                "steady within " + FIRST_SECONDS + " s of healthy, and the first " + FIRST_SECONDS + " s at >= 75 % of steady");
        s.header.addAll(List.of("load", "healthy after start (slowest)", "steady req/s", "time to 95 % of steady", "first 30 s, share of steady",
                "CPU ms per request, first 30 s / steady", "errors", "verdict"));
        for (Ramp r : List.of(a, b)) {
            Duration slowest = r.healthy().values().stream().max(Duration::compareTo).orElse(Duration.ZERO);
            s.rows.add(List.of(r.name(), Scenario.fmt("%.1f s", slowest.toMillis() / 1000.0), Scenario.fmt("%,.0f", r.steady()),
                    r.secondsToSteady() < 0 ? "not within the run" : Scenario.fmt("**%d s**", r.secondsToSteady()),
                    Scenario.fmt("**%.0f %%**", 100 * r.firstShare()), Scenario.fmt("%.2f / %.2f", r.firstCpuMs(), r.steadyCpuMs()),
                    Long.toString(r.windows().stream().mapToLong(ClosedLoopLoad.Window::errors).sum()), r.pass() ? "PASS" : "MISS"));
        }
        s.pass = a.pass() && b.pass();
        s.measured = Scenario.fmt("a: steady (%,.0f req/s) after %s, first 30 s at %.0f %%; b: steady (%,.0f req/s) after %s, first 30 s "
                + "at %.0f %%", a.steady(), seconds(a), 100 * a.firstShare(), b.steady(), seconds(b), 100 * b.firstShare());
        s.notes.add(Scenario.fmt("Before each load, the three services and the gateway are killed (`kill -9`) and started again one after "
                + "the other (`%s`, with the class-data archive or AOT cache the stack recorded for this build and JDK), each "
                + "waited for until healthy; then %d requests in flight through the gateway from the first request on, without "
                + "warm-up, for %d s, counted in %d s windows. Steady = the mean of the last %d windows; time to steady = the end "
                + "of the first window from which on every %d consecutive windows keep at least 95 %% of it; first 30 s = the "
                + "answers of the first %d windows against %d s at steady speed. (a) reads the %d plans of a; (b) registers new "
                + "patients as b does. Healthy after start, per component: a %s; b %s.", String.join(" ", LocalStack.JVM_OPTIONS), c,
                options.steadySeconds(), WINDOW, STEADY_WINDOWS, ROLLING, FIRST_SECONDS / WINDOW, FIRST_SECONDS, plans.size(),
                healthyText(a), healthyText(b)));
        s.notes.add("Throughput per " + WINDOW + " s window (req/s), from the first request on:\n\n" + windowTable(List.of(a, b)));
        s.notes.add("The CPU column: the CPU of the whole stack (services, gateway, PostgreSQL, Kafka, load generator) per answered "
                + "request in the first 30 s and at steady speed: what the JIT compilers and the interpreter cost a cold start.");
        return s;
    }

    private Ramp ramp(String name, int concurrency, Function<Long, ClosedLoopLoad.Call> calls, int status) throws Exception {
        db.awaitQuiet(300);
        Map<String, Duration> healthy = new LinkedHashMap<>();
        for (Component component : BenchStack.components()) {
            healthy.put(component.name(), stack.killAndRestart(component));
        }
        System.out.println("    " + name + ": restarted, healthy after " + healthy);
        List<ClosedLoopLoad.Window> windows = load.timeline(concurrency, options.steadySeconds(), WINDOW, calls, status);
        int n = windows.size();
        double steady = rate(windows.subList(Math.max(0, n - STEADY_WINDOWS), n));
        int reached = -1;
        for (int w = 0; w < n && reached < 0; w++) {
            boolean holds = true;
            for (int k = w; k + ROLLING <= n && holds; k++) {
                holds = rate(windows.subList(k, k + ROLLING)) >= 0.95 * steady;
            }
            if (holds) {
                reached = (w + 1) * WINDOW;
            }
        }
        List<ClosedLoopLoad.Window> first = windows.subList(0, Math.min(n, FIRST_SECONDS / WINDOW));
        double firstShare = steady == 0 ? 0 : rate(first) / steady;
        Ramp ramp = new Ramp(name, healthy, windows, steady, reached, firstShare, cpuMs(first),
                cpuMs(windows.subList(Math.max(0, n - STEADY_WINDOWS), n)));
        System.out.printf("    %s: steady %.0f req/s after %d s, first 30 s at %.0f %% (windows: %s)%n", name, steady, reached, 100 * firstShare,
                windows.stream().map(w -> Long.toString(w.requests() / WINDOW)).toList());
        return ramp;
    }

    private static double rate(List<ClosedLoopLoad.Window> windows) {
        return windows.isEmpty() ? 0 : windows.stream().mapToLong(ClosedLoopLoad.Window::requests).sum() / (double) (windows.size() * WINDOW);
    }

    private static double cpuMs(List<ClosedLoopLoad.Window> windows) {
        long requests = windows.stream().mapToLong(ClosedLoopLoad.Window::requests).sum();
        double cpu = windows.stream().flatMap(w -> w.cpuSeconds().values().stream()).mapToDouble(Double::doubleValue).sum();
        return requests == 0 ? 0 : 1000 * cpu / requests;
    }

    private static String seconds(Ramp r) {
        return r.secondsToSteady() < 0 ? "more than the run" : r.secondsToSteady() + " s";
    }

    private static String healthyText(Ramp r) {
        List<String> parts = new ArrayList<>();
        r.healthy().forEach((name, took) -> parts.add(Scenario.fmt("%s %.1f s", name, took.toMillis() / 1000.0)));
        return String.join(", ", parts);
    }

    private static String windowTable(List<Ramp> ramps) {
        int n = ramps.stream().mapToInt(r -> r.windows().size()).max().orElse(0);
        StringBuilder md = new StringBuilder("| seconds |");
        ramps.forEach(r -> md.append(' ').append(r.name()).append(" |"));
        md.append("\n| --- |");
        ramps.forEach(r -> md.append(" --- |"));
        md.append('\n');
        for (int w = 0; w < n; w++) {
            md.append(Scenario.fmt("| %d-%d |", w * WINDOW, (w + 1) * WINDOW));
            for (Ramp r : ramps) {
                md.append(w < r.windows().size() ? Scenario.fmt(" %,.0f |", r.windows().get(w).requests() / (double) WINDOW) : " |");
            }
            md.append('\n');
        }
        return md.toString().stripTrailing();
    }
}
