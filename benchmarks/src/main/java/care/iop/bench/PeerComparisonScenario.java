package care.iop.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;

/**
 * j: the loads of (a) and (b) at 8 connections with keep-alive, plus a patient read by id, through the gateway: the
 * shape of the comparison with a HAPI FHIR JPA server in issue 24 (wrk, 8 connections), so it can be repeated with
 * the suite. The peer's figures are quoted from the issue (one run on this machine); the suite does not start HAPI.
 */
final class PeerComparisonScenario {
    static final int CONNECTIONS = 8;
    /** HAPI FHIR JPA 8.8 on PostgreSQL 15, after 150 s of warm-up, as measured in issue 24. */
    static final double PEER_CREATES = 578;
    static final double PEER_READS = 1_902;
    static final double CREATES_TARGET = 1.5 * PEER_CREATES;
    static final double READS_TARGET = 2 * PEER_READS;

    private final Options options;
    private final BenchStack stack;
    private final Seeder seeder;
    private final Db db;
    private final ClosedLoopLoad load;

    PeerComparisonScenario(Options options, BenchStack stack, Vertx vertx, Seeder seeder, Db db) {
        this.options = options;
        this.stack = stack;
        this.seeder = seeder;
        this.db = db;
        this.load = new ClosedLoopLoad(vertx, new CpuMeter(stack));
    }

    Scenario run(List<UUID> patients, List<UUID> plans) throws Exception {
        String integration = seeder.integration();
        String clinician = seeder.clinician();
        AtomicLong sequence = new AtomicLong();
        Function<Long, ClosedLoopLoad.Call> creates = n -> new ClosedLoopLoad.Call(HttpMethod.POST, stack.gateway() + "/api/v1/patients",
                integration, seeder.patientBody("J", sequence.incrementAndGet()));
        Function<Long, ClosedLoopLoad.Call> patientReads = n -> new ClosedLoopLoad.Call(HttpMethod.GET,
                stack.gateway() + "/api/v1/patients/" + pick(patients), clinician, null);
        Function<Long, ClosedLoopLoad.Call> planReads = n -> new ClosedLoopLoad.Call(HttpMethod.GET,
                stack.gateway() + "/api/v1/plans/" + pick(plans), clinician, null);
        System.out.println("  j. " + CONNECTIONS + " connections through the gateway: creates, patient reads, plan reads");
        List<LoadResult> created = new ArrayList<>();
        List<LoadResult> read = new ArrayList<>();
        List<LoadResult> planned = new ArrayList<>();
        for (int i = 0; i < options.runs(); i++) {
            created.add(load.run("create a patient (b)", CONNECTIONS, options.warmupBefore(i), options.seconds(), creates, 201));
            System.out.println("    creates run " + (i + 1) + ": " + created.get(i).summary());
            db.awaitQuiet(300);
            read.add(load.run("read a patient by id", CONNECTIONS, options.warmupBefore(i), options.seconds(), patientReads, 200));
            System.out.println("    patient reads run " + (i + 1) + ": " + read.get(i).summary());
            planned.add(load.run("read a plan by id (a)", CONNECTIONS, options.warmupBefore(i), options.seconds(), planReads, 200));
            System.out.println("    plan reads run " + (i + 1) + ": " + planned.get(i).summary());
        }
        db.awaitQuiet(60);
        LoadResult c = Scenario.medianByThroughput(created);
        LoadResult r = Scenario.medianByThroughput(read);
        LoadResult p = Scenario.medianByThroughput(planned);

        Scenario s = new Scenario("j", "Creates and reads at " + CONNECTIONS + " connections through the gateway (the HAPI FHIR comparison)",
                Scenario.fmt(">= %,.0f creates/s and >= %,.0f patient reads/s (1.5x and 2x HAPI FHIR JPA on this machine)", CREATES_TARGET,
                        READS_TARGET));
        s.header.addAll(List.of("load", "run", "requests", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms", "p99.9 ms", "max ms"));
        Scenarios.addPathRows(s, "create a patient (b)", created, c);
        Scenarios.addPathRows(s, "read a patient by id", read, r);
        Scenarios.addPathRows(s, "read a plan by id (a)", planned, p);
        s.pass = c.throughput() >= CREATES_TARGET && r.throughput() >= READS_TARGET && c.errors() == 0 && r.errors() == 0;
        s.measured = Scenario.fmt("%,.0f creates/s (p50 %s, p99 %s ms), %,.0f patient reads/s (p50 %s, p99 %s ms), %,.0f plan reads/s",
                c.throughput(), Scenario.ms(c.p(50)), Scenario.ms(c.p(99)), r.throughput(), Scenario.ms(r.p(50)), Scenario.ms(r.p(99)),
                p.throughput());
        s.notes.add(Scenario.fmt("%d requests in flight over %d keep-alive connections (the `wrk -c 8` of issue 24), through the gateway, "
                + "%s, %d s measured. Creates: `POST /api/v1/patients` with an `integration` token and a new identifier each (as b); "
                + "patient reads: `GET /api/v1/patients/{id}` of %d patients at random with a `clinician` token (audited); plan reads: "
                + "`GET /api/v1/plans/{id}` as in a. The three loads alternate (creates, patient reads, plan reads) and the harness "
                + "waits after the creates until every event is applied.", CONNECTIONS, CONNECTIONS, options.warmupText(),
                options.seconds(), patients.size()));
        s.notes.add(Scenario.fmt("The peer, as issue 24 measured it on this machine (one run, `wrk`, 8 connections, HAPI FHIR JPA 8.8 on "
                + "PostgreSQL 15, alone on the machine, after 150 s of warm-up; the suite does not start it): **%,.0f creates/s**, p50 "
                + "12.8 ms, p99 41 ms; **%,.0f reads/s**, p50 3.9 ms, p99 15 ms. HAPI audits no read and runs no outbox, broker or "
                + "consumers; it has no second HTTP hop.", PEER_CREATES, PEER_READS));
        s.notes.add("**Where the CPU goes**, median runs, CPU ms per request by part. Creates (the consumers' share counts what they "
                + "applied meanwhile):\n\n" + c.cpuTable() + "\n\nPatient reads:\n\n" + r.cpuTable() + "\n\nPlan reads:\n\n"
                + p.cpuTable());
        s.chart.addAll(List.of(Scenarios.named(c, "create a patient"), Scenarios.named(r, "read a patient"), Scenarios.named(p, "read a plan")));
        s.chartTitle = "j. " + CONNECTIONS + " connections through the gateway, median runs";
        s.chartFile = "j-eight-connections.svg";
        s.profileProcesses = List.of("gateway", "participant-service", "plan-service", "session-service");
        s.rerun = () -> {
            try {
                load.run("profiled creates", CONNECTIONS, options.warmupSeconds(), options.seconds(), creates, 201);
                load.run("profiled patient reads", CONNECTIONS, options.warmupSeconds(), options.seconds(), patientReads, 200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
        return s;
    }

    private static <T> T pick(List<T> items) {
        return items.get(ThreadLocalRandom.current().nextInt(items.size()));
    }
}
