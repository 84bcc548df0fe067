package care.iop.bench;

import java.nio.file.Path;

/**
 * What {@code ./iop bench} was asked for. Full mode: 10 s warm-up, 20 s measured, 3 repetitions,
 * 100,000 sessions, results in {@code docs/}. {@code --quick}: 3 s / 5 s, 1 repetition, 10,000
 * sessions, results in {@code benchmarks/target/quick/} so the published numbers stay untouched.
 */
public record Options(boolean quick, int runs, int firstWarmupSeconds, int warmupSeconds, int seconds, int sessions, int concurrency,
                      int propagationEvents, int eventRate, boolean profile, String only, Path out, Path apps, int steadySeconds,
                      int portOffset) {

    private static final String ALL = "abcdefghijk";

    public static Options parse(String[] args, Path home) {
        boolean quick = false;
        Integer runs = null;
        Integer seconds = null;
        Integer warmup = null;
        Integer firstWarmup = null;
        Integer sessions = null;
        int concurrency = 32;
        int eventRate = 20;
        boolean profile = true;
        String only = ALL;
        Path out = null;
        Path apps = home;
        Integer steadySeconds = null;
        int portOffset = BenchStack.PORT_OFFSET;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--first-warmup" -> firstWarmup = Integer.parseInt(args[++i]);
                case "--sessions" -> sessions = Integer.parseInt(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--no-profile" -> profile = false;
                case "--only" -> only = args[++i].replace(",", "").toLowerCase(java.util.Locale.ROOT);
                case "--event-rate" -> eventRate = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]).toAbsolutePath();
                case "--apps" -> apps = Path.of(args[++i]).toAbsolutePath();
                case "--steady-seconds" -> steadySeconds = Integer.parseInt(args[++i]);
                case "--port-offset" -> portOffset = Integer.parseInt(args[++i]);
                case "-h", "--help" -> {
                    System.out.println("""
                            ./iop bench [--quick] [--runs N] [--seconds S] [--first-warmup S] [--warmup S] [--sessions N] [--concurrency C] [--no-profile] [--only LETTERS] [--out DIR] [--steady-seconds S] [--port-offset N]

                            Scenarios: a plan read (gateway and direct), b patient registration (the write path with the outbox), c a
                            patient's week with 100,000 sessions, d 200 concurrent bookings of a 12-seat group, e event propagation,
                            f time to healthy and RSS, g plain JDBC baseline, h a clinician's worklist, i time to steady speed after a
                            cold start (a and b in 5 s windows from the first request), j a and b plus a patient read at 8
                            connections (the HAPI FHIR comparison of issue 24), k FHIR Patient read through the gateway (issue 23) and
                            what the FHIR layer adds at start.

                              --quick        short runs (15 s first warm-up, 3 s, 5 s measured), 1 repetition, 10,000 sessions; writes to benchmarks/target/quick
                              --runs N       repetitions per scenario (default 3; the median run is quoted)
                              --seconds S    measured seconds per run (default 20)
                              --first-warmup S  discarded warm-up before the first run of each load (default 60, quick 15);
                                             from 30 s on it goes on until two 15 s windows agree within 5 % (at most 300 s):
                                             under saturation on 2 cores the JIT needs about three minutes to compile the hot paths with C2
                              --warmup S     discarded warm-up seconds before each further run (default 10)
                              --sessions N   sessions in the database for scenario c (default 100000)
                              --concurrency  requests in flight for the throughput scenarios (default 32)
                              --event-rate R patients registered per second in scenario e (default 20, well below the write capacity)
                              --no-profile   do not record a JFR profile of scenarios that miss their target
                              --only LETTERS run only these scenarios (e.g. --only d or --only a,g or --only i,j); writes to benchmarks/target/partial
                              --steady-seconds S  how long scenario i loads a cold stack, in 5 s windows (default 240, quick 60)
                              --port-offset N     shift every port of the benchmark stack by N (default 20000), e.g. to run beside another one
                              --out DIR      where benchmarks.md and the charts go (default docs/, quick: benchmarks/target/quick)
                              --apps DIR     take the packaged services from DIR/<module>/target/quarkus-app (default: this checkout)""");
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + " (see --help)");
            }
        }
        if (!only.matches("[" + ALL + "]+")) {
            throw new IllegalArgumentException("--only takes scenario letters of " + ALL + ", got " + only);
        }
        Path defaultOut = only.length() < ALL.length() ? home.resolve("benchmarks/target/partial")
                : quick ? home.resolve("benchmarks/target/quick") : home.resolve("docs");
        return new Options(quick,
                runs != null ? runs : (quick ? 1 : 3),
                firstWarmup != null ? firstWarmup : (quick ? 15 : 60),
                warmup != null ? warmup : (quick ? 3 : 10),
                seconds != null ? seconds : (quick ? 5 : 20),
                sessions != null ? sessions : (quick ? 10_000 : 100_000),
                concurrency,
                1_000,
                eventRate,
                profile,
                only,
                out != null ? out : defaultOut,
                apps,
                steadySeconds != null ? steadySeconds : (quick ? 60 : 240),
                portOffset);
    }

    /** Whether only some of the scenarios run ({@code --only}). */
    public boolean partial() {
        return only.length() < ALL.length();
    }

    /** Whether scenario {@code id} (a to j) is to run. */
    public boolean selected(char id) {
        return only.indexOf(id) >= 0;
    }

    /** Warm-up seconds before run {@code run} (0-based) of a load: longer before the first. */
    public int warmupBefore(int run) {
        return run == 0 ? firstWarmupSeconds : warmupSeconds;
    }

    /** The warm-up, in words, for the reports. */
    public String warmupText() {
        return firstWarmupSeconds + " s warm-up before the first run (for closed-loop loads at least that and until steady: two "
                + ClosedLoopLoad.WINDOW + " s windows within 5 % in throughput, at most " + ClosedLoopLoad.STEADY_LIMIT
                + " s; the times are under Setup) and " + warmupSeconds + " s before each further run (discarded)";
    }

    /** The command line that reproduces these options. */
    public String command() {
        StringBuilder command = new StringBuilder("./iop bench");
        if (quick) {
            command.append(" --quick");
        }
        if (partial()) {
            command.append(" --only ").append(only);
        }
        return command.toString();
    }
}
