package care.iop.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;

import care.iop.devstack.Component;

/**
 * k (issue 23): {@code GET /fhir/R4/Patient/{id}} through the gateway, as scenario a reads plans (closed loop, keep-alive,
 * random ids of the seeded patients, a clinician's token, here with the SMART scope {@code user/Patient.rs}); once with
 * the suite's concurrency as (a), once with 8 connections as HAPI FHIR JPA 8.8 was measured on this machine (issue 23:
 * 1,902 reads/s, p99 15 ms; target: at least twice that), beside the JSON read of the same patients with 8 connections.
 * Then what the FHIR layer costs each service: after a {@code kill -9} and restart, the first and second FHIR answer
 * ({@code /fhir/R4/metadata}, which builds the one FhirContext on first use) and the resident memory before and after.
 */
final class FhirReadScenario {
    /** HAPI FHIR JPA 8.8 on PostgreSQL 15, this machine, 8 connections after 150 s of warm-up (issue 23). */
    static final double HAPI_JPA_READS = 1_902;
    static final int HAPI_CONNECTIONS = 8;

    private final Options options;
    private final BenchStack stack;
    private final Api api;
    private final Db db;
    private final ClosedLoopLoad load;

    FhirReadScenario(Options options, BenchStack stack, Vertx vertx, Api api, Db db) {
        this.options = options;
        this.stack = stack;
        this.api = api;
        this.db = db;
        this.load = new ClosedLoopLoad(vertx, new CpuMeter(stack));
    }

    Scenario run(List<UUID> patients) throws Exception {
        String token = stack.token("clinician", Map.of("scope", "user/Patient.rs"));
        String gateway = stack.gateway();
        api.expect(200, HttpMethod.GET, gateway + "/fhir/R4/Patient/" + patients.get(0), token, null);
        Function<Long, ClosedLoopLoad.Call> fhirReads = n -> new ClosedLoopLoad.Call(HttpMethod.GET,
                gateway + "/fhir/R4/Patient/" + pick(patients), token, null);
        Function<Long, ClosedLoopLoad.Call> jsonReads = n -> new ClosedLoopLoad.Call(HttpMethod.GET,
                gateway + "/api/v1/patients/" + pick(patients), token, null);
        int c = options.concurrency();
        System.out.println("  k. GET /fhir/R4/Patient/{id} through the gateway (" + c + " and " + HAPI_CONNECTIONS + " in flight), JSON beside it");
        List<LoadResult> fhir = new ArrayList<>();
        List<LoadResult> fhir8 = new ArrayList<>();
        List<LoadResult> json8 = new ArrayList<>();
        for (int i = 0; i < options.runs(); i++) {
            fhir.add(load.run("FHIR, " + c + " in flight", c, options.warmupBefore(i), options.seconds(), fhirReads, 200));
            System.out.println("    FHIR run " + (i + 1) + ": " + fhir.get(i).summary());
            fhir8.add(load.run("FHIR, 8 in flight", HAPI_CONNECTIONS, options.warmupBefore(i), options.seconds(), fhirReads, 200));
            System.out.println("    FHIR (8) run " + (i + 1) + ": " + fhir8.get(i).summary());
            json8.add(load.run("JSON, 8 in flight", HAPI_CONNECTIONS, options.warmupBefore(i), options.seconds(), jsonReads, 200));
            System.out.println("    JSON (8) run " + (i + 1) + ": " + json8.get(i).summary());
        }
        db.awaitQuiet(60);
        LoadResult f = Scenario.medianByThroughput(fhir);
        LoadResult f8 = Scenario.medianByThroughput(fhir8);
        LoadResult j8 = Scenario.medianByThroughput(json8);

        Scenario s = new Scenario("k", "GET /fhir/R4/Patient/{id} through the gateway",
                Scenario.fmt(">= %,.0f reads/s with %d connections (twice HAPI FHIR JPA 8.8 here)", 2 * HAPI_JPA_READS, HAPI_CONNECTIONS));
        s.loadRows("FHIR, " + c + " in flight ", fhir, f);
        s.loadRows("FHIR, 8 in flight ", fhir8, f8);
        s.loadRows("JSON, 8 in flight ", json8, j8);
        s.pass = f8.throughput() >= 2 * HAPI_JPA_READS && f8.errors() == 0 && f.errors() == 0;
        s.measured = Scenario.fmt("%,.0f reads/s, p99 %s ms with 8 connections (%.1f x HAPI JPA's %,.0f); %,.0f reads/s, p99 %s ms with %d",
                f8.throughput(), Scenario.ms(f8.p(99)), f8.throughput() / HAPI_JPA_READS, HAPI_JPA_READS, f.throughput(),
                Scenario.ms(f.p(99)), c);
        s.notes.add(Scenario.fmt("As (a): closed loop, keep-alive, %s, %d s measured, %d patients read at random through the gateway "
                + "with a `clinician` token carrying `scope: user/Patient.rs`; every read is audited by participant-service. "
                + "The reference is issue 23's measurement of HAPI FHIR JPA 8.8 on PostgreSQL 15 on this machine: %,.0f reads/s, "
                + "p99 15 ms with 8 connections after 150 s of warm-up.", options.warmupText(), options.seconds(), patients.size(),
                HAPI_JPA_READS));
        s.notes.add(Scenario.fmt("**FHIR against JSON** (8 in flight, median runs): the JSON read of the same patients %,.0f reads/s, "
                + "p99 %s ms; the FHIR read %,.0f reads/s (%.0f %%), p99 %s ms: the mapping to a US Core Patient and HAPI's JSON "
                + "serialisation instead of Jackson's.", j8.throughput(), Scenario.ms(j8.p(99)), f8.throughput(),
                100.0 * (f8.throughput() - j8.throughput()) / j8.throughput(), Scenario.ms(f8.p(99))));
        s.notes.add("Where the CPU goes (FHIR, " + c + " in flight, median run):\n\n" + f.cpuTable());
        s.notes.add(firstUse());
        s.chart.add(new LoadResult("FHIR, " + c + " in flight", f.requests(), f.errors(), f.seconds(), f.latencyMicros()));
        s.chart.add(new LoadResult("FHIR, 8 in flight", f8.requests(), f8.errors(), f8.seconds(), f8.latencyMicros()));
        s.chart.add(new LoadResult("JSON, 8 in flight", j8.requests(), j8.errors(), j8.seconds(), j8.latencyMicros()));
        s.chartTitle = "k. GET /fhir/R4/Patient/{id} through the gateway, median runs";
        s.chartFile = "k-fhir-patient-read.svg";
        s.profileProcesses = List.of("gateway", "participant-service");
        s.rerun = () -> {
            try {
                load.run("profiled", HAPI_CONNECTIONS, options.warmupSeconds(), options.seconds(), fhirReads, 200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        return s;
    }

    /**
     * What the FHIR layer costs each service at start: the one FhirContext is built when the first FHIR request arrives (the
     * {@code Fhir} class of the fhir module), so after a restart the first {@code /fhir/R4/metadata} pays the model scan and
     * the memory it keeps; the second shows the warm cost.
     */
    private String firstUse() throws Exception {
        StringBuilder table = new StringBuilder("**What the FHIR layer adds at start** (each service `kill -9`ed and restarted alone, "
                + "5 s idle, then two `GET /fhir/R4/metadata` directly on it, RSS 5 s after each step). The FhirContext is built on "
                + "first use, not at start, so it shows in the first FHIR answer and the memory after it, not in the time to healthy:\n\n"
                + "| service | healthy after restart | RSS idle | first FHIR answer | second | RSS after | FHIR adds |\n"
                + "| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Component component : BenchStack.components()) {
            String base = switch (component.name()) {
                case "participant-service" -> stack.participant();
                case "plan-service" -> stack.plan();
                case "session-service" -> stack.session();
                default -> null;
            };
            if (base == null) {
                continue;
            }
            double healthy = stack.killAndRestart(component).toMillis() / 1000.0;
            Thread.sleep(5000);
            double idle = stack.rssMb(component.name()).orElse(Double.NaN);
            double first = timed(base + "/fhir/R4/metadata");
            double second = timed(base + "/fhir/R4/metadata");
            Thread.sleep(5000);
            double after = stack.rssMb(component.name()).orElse(Double.NaN);
            System.out.printf("    %s: healthy in %.2f s, first FHIR answer %.0f ms, second %.1f ms, RSS %.0f -> %.0f MB%n", component.name(),
                    healthy, first, second, idle, after);
            table.append(Scenario.fmt("| %s | %.2f s | %.0f MB | %.0f ms | %s ms | %.0f MB | +%.0f ms, +%.0f MB |%n", component.name(), healthy,
                    idle, first, Scenario.ms(second), after, first - second, after - idle));
        }
        return table.toString();
    }

    private double timed(String url) {
        long start = System.nanoTime();
        ClosedLoopLoad.Response response = api.call(HttpMethod.GET, url, null, null);
        double millis = (System.nanoTime() - start) / 1e6;
        if (response.status() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.status());
        }
        return millis;
    }

    private static UUID pick(List<UUID> ids) {
        return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    }
}
