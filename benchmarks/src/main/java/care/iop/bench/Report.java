package care.iop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** Writes {@code benchmarks.md} and the SVG charts (in {@code benchmarks/} beside it). */
public final class Report {
    private Report() {
    }

    public record Context(Options options, Machine machine, ZonedDateTime started, Duration took, String loadBefore, String loadAfter,
                          String quietNote, List<String> setup, List<String> findings) {
    }

    public static Path write(Context context, List<Scenario> scenarios) throws IOException {
        Path out = context.options().out();
        Path charts = out.resolve("benchmarks");
        Files.createDirectories(charts);
        for (Scenario s : scenarios) {
            if (s.chartFile != null && !s.chart.isEmpty()) {
                Files.writeString(charts.resolve(s.chartFile), LatencyChart.svg(s.chartTitle, s.chart));
            }
        }
        Options o = context.options();
        Machine m = context.machine();
        Optional<PreviousRun> previous = PreviousRun.of(out.resolve("benchmarks.md"));
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Measured numbers of the IOP Care stack on one machine, load generator included, written by the benchmark suite "
                + "itself (`benchmarks/`, `care.iop.bench.Benchmarks`). Nothing here is estimated: every number below comes from the "
                + "run described in this file. Issue 8 defines the scenarios a to g and their targets, issue 21 the worklist (h), issue 24 the time to steady speed (i), the comparison at 8 connections (j) and issue 23 the FHIR Patient read (k).\n\n");
        md.append("## How to reproduce\n\n```\n").append(o.command()).append("\n```\n\n");
        md.append("It builds if needed, starts its own stack (embedded PostgreSQL, a KRaft Kafka broker, the three services and the "
                + "gateway as separate processes, state in `benchmarks/target/stack`, every port shifted by 20000 so a running "
                + "`./iop up` is not disturbed), seeds the data through the API, runs the scenarios and rewrites this file and the "
                + "charts in `docs/benchmarks/`. `./iop bench --quick` is a short trial (15 s warm-up, 5 s measured, one repetition, "
                + "10,000 sessions) that writes to `benchmarks/target/quick/` instead; `--only d` (or any letters a to k) runs some "
                + "scenarios and writes to `benchmarks/target/partial/`. `--help` lists the other options.\n\n");
        md.append("## This run\n\n| | |\n| --- | --- |\n");
        row(md, "date (UTC)", context.started().withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        row(md, "command", "`" + o.command() + "`");
        row(md, "mode", o.quick() ? "quick (a trial, not the published numbers)" : "full");
        row(md, "CPUs (`nproc`)", Integer.toString(m.cpus()));
        row(md, "CPU model", m.cpuModel());
        row(md, "memory", m.memory());
        row(md, "JDK", m.jdk());
        row(md, "OS", m.os());
        row(md, "commit", "`" + m.commit() + "`");
        row(md, "load average (1/5/15 min) before / after", context.loadBefore() + " → " + context.loadAfter());
        row(md, "machine quiet?", context.quietNote());
        row(md, "repetitions", o.runs() + " per scenario; the median run is quoted (all runs are in the tables)");
        row(md, "durations", o.warmupText() + "; " + o.seconds() + " s measured per run");
        row(md, "total time of the suite", Scenario.fmt("%.1f min", context.took().toSeconds() / 60.0));
        md.append('\n');
        md.append("Everything shares the same 2 cores: the load generator (one Vert.x event loop), PostgreSQL, Kafka, three "
                + "services and the gateway. The gateway's per-client rate limit (50 req/s by default) is raised to 1,000,000 req/s "
                + "for the benchmark client through `IOP_GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND`/`_BURST`; the limiter still runs "
                + "on every request.\n\n");
        if (!context.setup().isEmpty()) {
            md.append("Setup of this run:\n\n");
            context.setup().forEach(line -> md.append("- ").append(line).append('\n'));
            md.append('\n');
        }
        md.append("## Targets vs measured\n\n| | scenario | target | measured (median run) | verdict |\n| --- | --- | --- | --- | --- |\n");
        for (Scenario s : scenarios) {
            md.append(Scenario.fmt("| %s | %s | %s | %s | %s |%n", s.id, s.title, s.target, s.measured,
                    s.pass == null ? "reported" : s.pass ? "PASS" : "**MISS**"));
        }
        md.append('\n');
        previous.ifPresent(run -> {
            md.append("### The previous run of this file\n\n").append(Scenario.fmt("%s, commit `%s`, %s. What changed in between: `git log "
                    + "--oneline %s..%s`; the experiments between the two runs, each measured, are in docs/performance-log.md.%n%n",
                    run.date(), run.commit(), run.jdk(), run.commit(), m.commit()));
            md.append("| | measured now | measured then |\n| --- | --- | --- |\n");
            for (Scenario s : scenarios) {
                md.append(Scenario.fmt("| %s | %s | %s |%n", s.id, s.measured, run.measuredOf(s.id)));
            }
            md.append('\n');
        });
        for (Scenario s : scenarios) {
            md.append("## ").append(s.id).append(". ").append(s.title).append("\n\n");
            md.append("Target: ").append(s.target).append(". Measured: ").append(s.measured).append(". ")
                    .append(s.pass == null ? "" : s.pass ? "**PASS**" : "**MISS**").append("\n\n");
            if (!s.header.isEmpty()) {
                md.append("| ").append(String.join(" | ", s.header)).append(" |\n|");
                s.header.forEach(h -> md.append(" --- |"));
                md.append('\n');
                for (List<String> r : s.rows) {
                    md.append("| ").append(String.join(" | ", r)).append(" |\n");
                }
                md.append('\n');
            }
            for (String note : s.notes) {
                md.append(note).append("\n\n");
            }
            if (s.chartFile != null && !s.chart.isEmpty()) {
                md.append("![").append(s.chartTitle).append("](benchmarks/").append(s.chartFile).append(")\n\n");
            }
            if (s.profile != null) {
                md.append("### Profile of the miss\n\n").append(s.profile).append('\n');
            }
        }
        if (!context.findings().isEmpty()) {
            md.append("## Findings\n\n");
            context.findings().forEach(f -> md.append("- ").append(f).append('\n'));
            md.append('\n');
        }
        md.append("Experiments between full runs (A/B measurements of one change with `--only`, and what was kept or reverted) are "
                + "recorded in [docs/performance-log.md](performance-log.md).\n\n");
        md.append("## Method\n\n");
        md.append("- Load: `ClosedLoopLoad`, a closed-loop generator on Vert.x: N requests in flight over keep-alive connections, each "
                + "answer immediately followed by the next request; latency from sending to the full body, recorded in an "
                + "HdrHistogram (3 significant digits, microseconds); the warm-up phase uses the same connections and is discarded. "
                + "Throughput = answers in the measured phase / its duration. An answer with another status than expected counts as "
                + "an error (and is still timed).\n");
        md.append("- Closed loop means the load adapts to the server: at saturation the latency percentiles grow with the "
                + "concurrency (Little's law); coordinated omission is not corrected, so tails are optimistic compared with an "
                + "open-loop test at the same rate.\n");
        md.append("- Each scenario runs ").append(o.runs()).append(" times; the quoted run is the median by throughput (a, b, c, g, j) or by "
                + "p99 (d, e, h); i runs once per load, from a cold start. Between scenarios the harness waits until every outbox is empty and no consumer applied an event for "
                + "2 s, so event processing left over from one scenario does not land in the next.\n");
        md.append("- Charts: latency against percentile (log \"nines\" axis) of the quoted runs.\n");
        md.append("- Profiles: when a target is missed, the scenario is run once more with JDK Flight Recorder (`jcmd <pid> JFR.start "
                + "settings=profile`) on the services involved; async-profiler is not available on this machine. The summary lists "
                + "where the CPU samples fell. These extra runs are not part of the numbers.\n");
        Path file = out.resolve("benchmarks.md");
        Files.writeString(file, md.toString());
        return file;
    }

    private static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(value).append(" |\n");
    }
}
