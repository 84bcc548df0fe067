package care.iop.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.vertx.core.Vertx;

import care.iop.devstack.Component;

/**
 * {@code ./iop bench}: starts its own stack, seeds it through the API, runs the scenarios of
 * issue 8 (a to g), the worklist of issue 21 (h), and issue 24's time to steady speed (i) and 8-connection comparison (j) with warm-up and repetitions and writes {@code docs/benchmarks.md} with SVG
 * charts in {@code docs/benchmarks/}.
 */
public final class Benchmarks {
    static final String CHILD = "iop.bench.child";
    private static final int CLINICIANS = 50;
    private static final int RACE_PATIENTS = 200;

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("iop.home", ".")).toAbsolutePath().normalize();
        Options options = Options.parse(args, home);
        if (System.getProperty(CHILD) == null && !absoluteClassPath().equals(System.getProperty("java.class.path"))) {
            System.exit(relaunch(args, home));
        }
        run(options, home);
        System.exit(0);
    }

    /** The stack's Kafka broker runs with this JVM's class path from another directory: start again with an absolute one. */
    private static int relaunch(String[] args, Path home) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Diop.home=" + home, "-D" + CHILD + "=true", "-cp", absoluteClassPath(), Benchmarks.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        Process child = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (child.isAlive()) {
                child.destroy();
                try {
                    child.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }));
        return child.waitFor();
    }

    /** The Kafka broker of the stack is started with this JVM's class path from another directory: make it absolute. */
    private static String absoluteClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.endsWith("*")) {
                entries.add(Path.of(entry.substring(0, entry.length() - 1)).toAbsolutePath() + java.io.File.separator + "*");
            } else {
                entries.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    static void run(Options options, Path home) throws Exception {
        ZonedDateTime started = ZonedDateTime.now();
        long t0 = System.nanoTime();
        String loadBefore = Machine.loadAverage();
        double load1 = Machine.load1();
        long builds = ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("plexus-classworlds")).count();
        String quiet = load1 < 1.0 && builds == 0 ? "yes: 1-minute load " + load1 + " and no Maven build running at the start"
                : "NO: 1-minute load average " + load1 + " and " + builds + " Maven build(s) running at the start; the numbers were "
                        + "taken under that extra load";
        Machine machine = Machine.describe(home);
        System.out.println("IOP Care benchmarks (" + (options.quick() ? "quick" : "full") + "), load average " + loadBefore);
        System.out.println("Starting the benchmark stack (ports +" + options.portOffset() + ")");
        Vertx vertx = Vertx.vertx();
        List<Scenario> scenarios = new ArrayList<>();
        List<String> setup = new ArrayList<>();
        try (BenchStack stack = BenchStack.start(home, options.apps(), options.portOffset(), System.out)) {
            Map<String, Duration> firstStart = new HashMap<>();
            for (Component component : BenchStack.components()) {
                firstStart.put(component.name(), stack.timeToHealthy(component));
            }
            Thread.sleep(5000);
            Map<String, Double> rssAfterStart = new HashMap<>();
            for (Component component : BenchStack.components()) {
                stack.rssMb(component.name()).ifPresent(mb -> rssAfterStart.put(component.name(), mb));
            }
            System.out.println("  RSS after start (MB): " + rssAfterStart);
            Api api = new Api(vertx, 64);
            Db db = new Db(stack);
            Seeder seeder = new Seeder(api, stack);
            Scenarios run = new Scenarios(options, stack, vertx, seeder, api, db);
            try (RssSampler rss = new RssSampler(stack)) {
                System.out.println("Seeding through the API");
                long s0 = System.nanoTime();
                List<UUID> clinicians = seeder.clinicians(CLINICIANS + 1, 0);
                UUID raceClinician = clinicians.remove(CLINICIANS);
                List<UUID> schedulePatients = seeder.eligiblePatients("S", CLINICIANS, clinicians);
                List<UUID> racePatients = seeder.eligiblePatients("R", RACE_PATIENTS, clinicians);
                List<UUID> all = new ArrayList<>(schedulePatients);
                all.addAll(racePatients);
                List<UUID> plans = seeder.planIds(all);
                WorklistScenario worklist = new WorklistScenario(options, stack, vertx, seeder, api, db);
                UUID worklistClinician = null;
                if (options.selected('h')) {
                    long w0 = System.nanoTime();
                    worklistClinician = worklist.seed(seeder.clinicians(1, CLINICIANS + 1).get(0));
                    setup.add(Scenario.fmt("For (h): a clinician with %d patients, their flags, sessions, attendance and no-shows, created "
                            + "through the API in %.0f s.", WorklistScenario.PATIENTS, (System.nanoTime() - w0) / 1e9));
                }
                setup.add(Scenario.fmt("%d clinicians and %d patients, each with a signed group consent, preferences and an active plan "
                        + "(%d plans), created through the API in %.0f s.", clinicians.size() + 1, all.size(), plans.size(),
                        (System.nanoTime() - s0) / 1e9));
                Scenarios.Calendar calendar = null;
                if (options.selected('c')) {
                    calendar = run.seedCalendar(clinicians, schedulePatients);
                    setup.add(Scenario.fmt("%,d sessions and %,d bookings created through the API in %.0f s (%.0f sessions/s).",
                            calendar.sessions(), calendar.bookings(), calendar.seedTime().toMillis() / 1000.0, calendar.perSecond()));
                    if (seeder.createdWithoutBody.get() > 0) {
                        setup.add(Scenario.fmt("%,d of the session creates answered 201 with an empty body (the id was taken from "
                                + "Location); every other create answered its session.", seeder.createdWithoutBody.get()));
                    }
                }
                for (String database : Db.DATABASES) {
                    db.execute(database, "analyze");
                }
                System.out.println("  waiting until the events of the seeding are applied everywhere");
                db.awaitQuiet(900);
                setup.add(Scenario.fmt("Seeding done and every event applied after %.0f s.", (System.nanoTime() - s0) / 1e9));

                if (options.selected('a') || options.selected('g')) {
                    run.planReads(plans).stream().filter(s -> options.selected(s.id.charAt(0))).forEach(scenarios::add);
                }
                if (calendar != null) {
                    scenarios.add(run.weekAgenda(calendar));
                }
                if (options.selected('b')) {
                    scenarios.add(run.patientWrites());
                }
                if (options.selected('e')) {
                    scenarios.add(run.propagation());
                }
                if (worklistClinician != null) {
                    scenarios.add(worklist.run(worklistClinician));
                }
                if (options.selected('j')) {
                    scenarios.add(new PeerComparisonScenario(options, stack, vertx, seeder, db).run(all, plans));
                }
                db.awaitQuiet(120);
                int raceDay = (int) Math.ceil(options.sessions() / (double) (CLINICIANS * 8)) + 10;
                if (options.selected('d')) {
                    scenarios.add(run.groupRace(raceClinician, racePatients, raceDay));
                }
                if (options.selected('k')) { // issue 23: the FHIR Patient read, and what FHIR costs each service at start
                    scenarios.add(new FhirReadScenario(options, stack, vertx, api, db).run(all));
                }
                if (!run.steadyWarmups().isEmpty()) {
                    setup.add("First warm-ups, until steady: " + String.join("; ", run.steadyWarmups()) + ".");
                }
                Map<String, Double> peak = rss.peak();
                setup.add(rss.otherBuilds() == 0 ? "No other Maven build ran during the measurements (checked every 0.5 s)."
                        : Scenario.fmt("**Other Maven builds ran during the measurements** (up to %d at once, seen by the 0.5 s sampler): "
                                + "their CPU use is in these numbers.", rss.otherBuilds()));
                if (options.profile()) {
                    profileMisses(stack, scenarios, home);
                }
                if (options.selected('i')) {
                    // after the profiles: it restarts every service, so what runs after it starts cold
                    scenarios.add(new SteadySpeedScenario(options, stack, vertx, seeder, db).run(plans));
                }
                if (options.selected('f')) {
                    scenarios.add(run.restarts(rssAfterStart, peak, firstStart));
                }
            }
            api.close();
        } finally {
            vertx.close();
        }
        scenarios.sort(Comparator.comparing(s -> s.id));
        String loadAfter = Machine.loadAverage();
        List<String> findings = options.partial() ? List.of() : findings();
        Path file = Report.write(new Report.Context(options, machine, started, Duration.ofNanos(System.nanoTime() - t0), loadBefore, loadAfter,
                quiet, setup, findings), scenarios);
        System.out.println();
        scenarios.forEach(s -> System.out.println((s.pass == null ? "  --  " : s.pass ? "  PASS " : "  MISS ") + s.id + ". " + s.title + ": "
                + s.measured));
        System.out.println("\nWrote " + file + " and its charts.");
    }

    /**
     * Measured explanations that hold for the whole run. The JWT check: what one RS256 signature
     * check costs with the C1-only JIT the devstack used before and with the default tiered JIT it
     * uses now; the services remember verified tokens ({@code CachingJwtParser}), so a client pays it
     * once per token.
     */
    private static List<String> findings() {
        List<String> findings = new ArrayList<>();
        try {
            System.out.println("Measuring the cost of one RS256 check (C1 only vs default JIT)");
            double c1 = JwtVerifyCost.measure(List.of("-XX:TieredStopAtLevel=1"));
            double c2 = JwtVerifyCost.measure(List.of());
            findings.add(Scenario.fmt("**JWT signature check.** Measured in a separate JVM after the run (`care.iop.bench.JwtVerifyCost`, "
                    + "2048-bit key, best of 4 rounds of 2 s): **%.0f µs** per RS256 check with `-XX:TieredStopAtLevel=1` (C1 only, the "
                    + "flag the devstack started the services with until the first run exposed it) and **%.0f µs** with the default "
                    + "tiered JIT the devstack uses now (C2 has the BigInteger intrinsics RSA relies on). Checking every request at "
                    + "3,000 req/s would cost %.1f CPU-seconds per second with C1 only (the machine has 2), %.2f with C2. The gateway "
                    + "and, since the first run, every service remember a verified token until it expires "
                    + "(`CachingJwtParser` of the `jwt` module), so a client pays the check once per token.", c1, c2,
                    3000 * c1 / 1e6, 3000 * c2 / 1e6));
        } catch (Exception e) {
            findings.add("The RS256 cost check failed: " + e);
        }
        return findings;
    }

    /** One extra run of each missed scenario with JFR on the services involved; the summary goes into the report. */
    private static void profileMisses(BenchStack stack, List<Scenario> scenarios, Path home) {
        Profiler profiler = new Profiler(home.resolve("benchmarks/target/jfr"));
        for (Scenario s : scenarios) {
            if (!Boolean.FALSE.equals(s.pass) || s.rerun == null) {
                continue;
            }
            System.out.println("  profiling the miss of " + s.id + " with JFR on " + s.profileProcesses);
            Map<String, Path> files = new HashMap<>();
            Map<String, Long> pids = new HashMap<>();
            try {
                for (String name : s.profileProcesses) {
                    Optional<Long> pid = stack.pid(name);
                    if (pid.isPresent()) {
                        files.put(name, profiler.start(name + "-" + s.id, pid.get()));
                        pids.put(name, pid.get());
                    }
                }
                s.rerun.run();
                StringBuilder text = new StringBuilder();
                for (String name : s.profileProcesses) {
                    if (pids.containsKey(name)) {
                        profiler.stop(pids.get(name));
                        text.append(Profiler.summarize(name, files.get(name))).append('\n');
                    }
                }
                s.profile = text.toString();
            } catch (Exception e) {
                s.profile = "Profiling failed: " + e + "\n";
                System.out.println("    " + s.profile);
            }
        }
    }
}
