package care.iop.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;

import care.iop.devstack.Component;

/** The scenarios a to g of the benchmark suite (issue 8), each returning what the report shows. */
public final class Scenarios {
    private final Options options;
    private final BenchStack stack;
    private final Vertx vertx;
    /** How the CPU tables of a, b and c are read. */
    private static final String WHERE_THE_CPU_GOES = "**Where the CPU goes**: for the median run, the CPU time each process used during "
            + "the measured phase divided by the requests answered, and the cores it kept busy";

    private final CpuMeter cpu;
    private final ClosedLoopLoad load;
    private final FixedRateLoad openLoad;
    private final Seeder seeder;
    private final Api api;
    private final Db db;

    public Scenarios(Options options, BenchStack stack, Vertx vertx, Seeder seeder, Api api, Db db) {
        this.options = options;
        this.stack = stack;
        this.vertx = vertx;
        this.cpu = new CpuMeter(stack);
        this.load = new ClosedLoopLoad(vertx, cpu);
        this.openLoad = new FixedRateLoad(vertx);
        this.seeder = seeder;
        this.api = api;
        this.db = db;
    }

    private interface Run {
        LoadResult run(int index) throws Exception;
    }

    private List<LoadResult> repeat(String label, Run run) throws Exception {
        List<LoadResult> runs = new ArrayList<>();
        for (int i = 0; i < options.runs(); i++) {
            LoadResult result = run.run(i);
            System.out.println("    " + label + " run " + (i + 1) + ": " + result.summary());
            runs.add(result);
        }
        return runs;
    }

    private static <T> T pick(List<T> items) {
        return items.get(ThreadLocalRandom.current().nextInt(items.size()));
    }

    // ---------------------------------------------------------------------------------------------- a + g

    /** a: GET /api/v1/plans/{id} directly on plan-service and through the gateway; g: the same row over plain JDBC. */
    public List<Scenario> planReads(List<UUID> planIds) throws Exception {
        String token = seeder.clinician();
        int c = options.concurrency();
        System.out.println("  g. plain JDBC baseline");
        List<LoadResult> jdbc = repeat("jdbc", i -> db.baseline("plain JDBC", planIds, c, options.warmupBefore(i), options.seconds()));
        db.awaitQuiet(60);
        // The two paths alternate (direct, gateway, direct, ...) so that JIT warm-up still going on favours neither.
        System.out.println("  a. GET /api/v1/plans/{id} directly on plan-service and through the gateway, alternating");
        Function<Long, ClosedLoopLoad.Call> directReads = n -> new ClosedLoopLoad.Call(HttpMethod.GET,
                stack.plan() + "/api/v1/plans/" + pick(planIds), token, null);
        Function<Long, ClosedLoopLoad.Call> gatewayReads = n -> new ClosedLoopLoad.Call(HttpMethod.GET,
                stack.gateway() + "/api/v1/plans/" + pick(planIds), token, null);
        // The same reads by a caller outside the program (integration token): a Part 2 disclosure under the patient's consent.
        String ehr = seeder.integration();
        Function<Long, ClosedLoopLoad.Call> externalReads = n -> new ClosedLoopLoad.Call(HttpMethod.GET,
                stack.plan() + "/api/v1/plans/" + pick(planIds), ehr, null);
        List<LoadResult> direct = new ArrayList<>();
        List<LoadResult> gateway = new ArrayList<>();
        List<LoadResult> external = new ArrayList<>();
        for (int i = 0; i < options.runs(); i++) {
            direct.add(load.run("plan-service direct", c, options.warmupBefore(i), options.seconds(), directReads, 200));
            System.out.println("    direct run " + (i + 1) + ": " + direct.get(i).summary());
            gateway.add(load.run("through the gateway", c, options.warmupBefore(i), options.seconds(), gatewayReads, 200));
            System.out.println("    gateway run " + (i + 1) + ": " + gateway.get(i).summary());
            external.add(load.run("plan-service direct, external caller with consent", c, options.warmupBefore(i), options.seconds(),
                    externalReads, 200));
            System.out.println("    external run " + (i + 1) + ": " + external.get(i).summary());
        }
        db.awaitQuiet(60);

        LoadResult g = Scenario.medianByThroughput(gateway);
        LoadResult d = Scenario.medianByThroughput(direct);
        LoadResult x = Scenario.medianByThroughput(external);
        LoadResult j = Scenario.medianByThroughput(jdbc);

        Scenario a = new Scenario("a", "GET /api/v1/plans/{id}: through the gateway and directly on plan-service",
                ">= 3,000 req/s with p99 < 20 ms through the gateway");
        a.header.addAll(List.of("path", "run", "requests", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms", "p99.9 ms", "max ms"));
        addPathRows(a, "gateway", gateway, g);
        addPathRows(a, "direct", direct, d);
        addPathRows(a, "direct, external with consent", external, x);
        a.pass = g.throughput() >= 3000 && g.p(99) < 20 && g.errors() == 0;
        a.measured = Scenario.fmt("%,.0f req/s, p99 %s ms (gateway); %,.0f req/s, p99 %s ms (direct)", g.throughput(), Scenario.ms(g.p(99)),
                d.throughput(), Scenario.ms(d.p(99)));
        a.notes.add(Scenario.fmt("%d requests in flight (closed loop, keep-alive), %s, %d s measured, %d plans read at random, "
                + "a `clinician` token. Every read is audited by plan-service (one `audit_event` insert per GET).", c, options.warmupText(),
                options.seconds(), planIds.size()));
        a.notes.add(Scenario.fmt("**The gateway's cost** (median runs): throughput %,.0f → %,.0f req/s (%.0f %%), p50 %s → %s ms (+%s ms), "
                + "p99 %s → %s ms (+%s ms).", d.throughput(), g.throughput(), 100.0 * (g.throughput() - d.throughput()) / d.throughput(),
                Scenario.ms(d.p(50)), Scenario.ms(g.p(50)), Scenario.ms(g.p(50) - d.p(50)), Scenario.ms(d.p(99)), Scenario.ms(g.p(99)),
                Scenario.ms(g.p(99) - d.p(99))));
        a.notes.add(Scenario.fmt("**What a Part 2 disclosure costs** (median runs, directly on plan-service): a clinician's read %,.0f req/s, "
                + "p99 %s ms; the same plans read by an integration caller under each patient's PART2_DISCLOSURE consent %,.0f req/s "
                + "(%.0f %%), p99 %s ms: the consent lookup, the re-disclosure notice and the recipient and consent in the audit row.",
                d.throughput(), Scenario.ms(d.p(99)), x.throughput(), 100.0 * (x.throughput() - d.throughput()) / d.throughput(),
                Scenario.ms(x.p(99))));
        a.notes.add(WHERE_THE_CPU_GOES + ". Through the gateway:\n\n" + g.cpuTable() + "\n\nDirectly on plan-service:\n\n" + d.cpuTable());
        a.chart.addAll(List.of(named(g, "gateway"), named(d, "direct"), named(x, "direct, external with consent")));
        a.chartTitle = "a. GET /api/v1/plans/{id}, median runs";
        a.chartFile = "a-plan-read.svg";
        a.profileProcesses = List.of("gateway", "plan-service");
        a.rerun = () -> rethrow(() -> load.run("profiled", c, options.warmupSeconds(), options.seconds(), gatewayReads, 200));

        Scenario gs = new Scenario("g", "Physical baseline: plain JDBC reading the same plan row", "ratio of (a) to it, reported");
        gs.loadRows("", jdbc, j);
        gs.measured = Scenario.fmt("%,.0f reads/s, p99 %s ms; (a) through the gateway reaches %.1f %% of it, directly %.1f %%", j.throughput(),
                Scenario.ms(j.p(99)), 100 * g.throughput() / j.throughput(), 100 * d.throughput() / j.throughput());
        gs.notes.add(Scenario.fmt("%d threads, each with its own connection to the same PostgreSQL (no pool), `select * from care_plan where id = ?` "
                + "(prepared) on the same %d plan ids, every column read; same warm-up and duration as (a). The load generator runs "
                + "in the same JVM and on the same 2 cores as everything else, as for (a).", c, planIds.size()));
        gs.notes.add(Scenario.fmt("**Ratio (a)/(g)**: gateway %.3f, direct %.3f (throughput of the median runs). The API does more "
                + "than the baseline per request: HTTP parsing, JWT check, one read of the plan, one audit insert and commit, JSON; "
                + "through the gateway also a second HTTP hop.", g.throughput() / j.throughput(), d.throughput() / j.throughput()));
        gs.chart.addAll(List.of(named(j, "plain JDBC"), named(d, "API direct"), named(g, "API via gateway")));
        gs.chartTitle = "g. plain JDBC vs the API, median runs";
        gs.chartFile = "g-jdbc-baseline.svg";
        return List.of(a, gs);
    }

    /** One row per run of one series ({@code path}) of a table with several, the quoted run marked. */
    static void addPathRows(Scenario s, String path, List<LoadResult> runs, LoadResult quoted) {
        for (int i = 0; i < runs.size(); i++) {
            LoadResult r = runs.get(i);
            s.rows.add(List.of(path, r == quoted ? "**" + (i + 1) + " (median)**" : Integer.toString(i + 1), Scenario.fmt("%,d", r.requests()),
                    Scenario.fmt("%,d", r.errors()), Scenario.fmt("%,.0f", r.throughput()), Scenario.ms(r.p(50)), Scenario.ms(r.p(95)),
                    Scenario.ms(r.p(99)), Scenario.ms(r.p(99.9)), Scenario.ms(r.latencyMicros().getMaxValue() / 1000.0)));
        }
    }

    /** The same result under another name (a chart's legend). */
    static LoadResult named(LoadResult r, String name) {
        return new LoadResult(name, r.requests(), r.errors(), r.seconds(), r.latencyMicros());
    }

    // ---------------------------------------------------------------------------------------------- b

    /** b: POST /api/v1/patients through the gateway, a unique identifier per request. */
    public Scenario patientWrites() throws Exception {
        String token = seeder.integration();
        int c = options.concurrency();
        AtomicLong sequence = new AtomicLong();
        System.out.println("  b. POST /api/v1/patients through the gateway");
        List<LoadResult> runs = new ArrayList<>();
        for (int i = 0; i < options.runs(); i++) {
            LoadResult result = load.run("POST /patients", c, options.warmupBefore(i), options.seconds(),
                    n -> new ClosedLoopLoad.Call(HttpMethod.POST, stack.gateway() + "/api/v1/patients", token,
                            seeder.patientBody("W", sequence.incrementAndGet())), 201);
            System.out.println("    run " + (i + 1) + ": " + result.summary());
            runs.add(result);
            System.out.println("    waiting for the other services to apply the events of this run");
            db.awaitQuiet(300);
        }
        LoadResult m = Scenario.medianByThroughput(runs);
        Scenario b = new Scenario("b", "POST /api/v1/patients (the write path with the outbox), through the gateway", ">= 800 req/s");
        b.loadRows("", runs, m);
        b.pass = m.throughput() >= 800 && m.errors() == 0;
        b.measured = Scenario.fmt("%,.0f req/s, p99 %s ms", m.throughput(), Scenario.ms(m.p(99)));
        b.notes.add(Scenario.fmt("%d requests in flight, %s, %d s measured, an `integration` token, a new identifier per request "
                + "(no 409). Each request: validation, insert of patient and identifier, audit row and outbox row in one transaction; "
                + "the relay then publishes `patient.registered` and plan-service and session-service apply it (their work runs on the "
                + "same 2 cores during the measurement). Between runs the harness waits until every outbox is empty and the consumers "
                + "are idle.", c, options.warmupText(), options.seconds()));
        b.notes.add(WHERE_THE_CPU_GOES + "; the consumers' share counts what they applied meanwhile:\n\n" + m.cpuTable());
        b.chart.add(named(m, "POST /patients"));
        b.chartTitle = "b. POST /api/v1/patients, median run";
        b.chartFile = "b-patient-write.svg";
        b.profileProcesses = List.of("participant-service");
        b.rerun = () -> rethrow(() -> load.run("profiled", c, options.warmupSeconds(), options.seconds(),
                n -> new ClosedLoopLoad.Call(HttpMethod.POST, stack.gateway() + "/api/v1/patients", token,
                        seeder.patientBody("P", sequence.incrementAndGet())), 201));
        return b;
    }

    // ---------------------------------------------------------------------------------------------- c

    /** The sessions of scenario c: who is in the calendar, for which weeks agendas are read. */
    public record Calendar(List<UUID> patients, int weeks, long sessions, long bookings, Duration seedTime, double perSecond) {
    }

    /**
     * Seeds {@code options.sessions()} sessions through the API: per clinician and day one individual
     * session (08:00, with the clinician's own patient) and seven group sessions (09:00-16:00), in a
     * room of the clinician's own; each patient is also booked into a colleague's 10:00 group on
     * Monday, Wednesday and Friday of the weeks whose agendas are read.
     */
    public Calendar seedCalendar(List<UUID> clinicians, List<UUID> patients) throws InterruptedException {
        int perDay = 8;
        int cs = clinicians.size();
        int days = (int) Math.ceil(options.sessions() / (double) (cs * perDay));
        int total = cs * days * perDay;
        int weeks = Math.max(1, Math.min(4, days / 7));
        System.out.printf("  c. seeding %,d sessions (%d clinicians x %d days x %d) through POST /api/v1/sessions%n", total, cs, days, perDay);
        // The first individual session of each patient waits until session-service knows the active plan.
        Parallel.run(cs, 16, c -> seeder.session("INDIVIDUAL", clinicians.get(c), patients.get(c), seeder.slot(0, 0), 50, "Room " + c, null));
        Map<String, UUID> groups = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        int remaining = total - cs;
        Parallel.run(remaining, 24, n -> {
            int i = n + cs;
            int c = i % cs;
            int k = i / cs;
            int day = k / perDay;
            int slot = k % perDay;
            if (slot == 0) {
                seeder.session("INDIVIDUAL", clinicians.get(c), patients.get(c), seeder.slot(day, 0), 50, "Room " + c, null);
            } else {
                UUID id = seeder.session("GROUP", clinicians.get(c), null, seeder.slot(day, slot), 50, "Room " + c, 12);
                if (slot == 2 && day < weeks * 7 && (day % 7 == 0 || day % 7 == 2 || day % 7 == 4)) {
                    groups.put(c + "/" + day, id);
                }
            }
        }, "sessions");
        Duration seedTime = Duration.ofNanos(System.nanoTime() - start);
        double rate = remaining / (seedTime.toNanos() / 1e9);
        List<String> bookings = new ArrayList<>(groups.keySet());
        Parallel.run(bookings.size(), 16, n -> {
            String[] key = bookings.get(n).split("/");
            int c = Integer.parseInt(key[0]);
            UUID patient = patients.get((c + cs - 1) % cs); // the colleague's patient: a group of clinician c+1 for patient c
            JsonNode booking = api.expectEventually(201, Duration.ofSeconds(60), HttpMethod.POST,
                    stack.session() + "/api/v1/sessions/" + groups.get(bookings.get(n)) + "/participants", seeder.scheduler(),
                    Map.of("patientId", patient));
            if (!"BOOKED".equals(booking.path("status").asText())) {
                throw new IllegalStateException("Expected BOOKED: " + booking);
            }
        });
        long sessions = db.count("iop_session", "select count(*) from therapy_session");
        long booked = db.count("iop_session", "select count(*) from booking");
        System.out.printf("    %,d sessions and %,d bookings in the database (%.0f sessions/s through the API)%n", sessions, booked, rate);
        return new Calendar(patients, weeks, sessions, booked, seedTime, rate);
    }

    /** c: GET /api/v1/schedules/patients/{id}?from=&to= for one week, with a patient's own token, through the gateway. */
    public Scenario weekAgenda(Calendar calendar) throws Exception {
        Map<UUID, String> tokens = new HashMap<>();
        calendar.patients().forEach(p -> tokens.put(p, stack.patientToken(p)));
        int c = options.concurrency();
        JsonNode sample = api.expect(200, HttpMethod.GET, stack.gateway() + "/api/v1/schedules/patients/" + calendar.patients().get(1)
                + "?from=" + seeder.day(0) + "&to=" + seeder.day(6), tokens.get(calendar.patients().get(1)), null);
        int entries = sample.path("entries").size();
        System.out.println("  c. a patient's week (" + entries + " entries in a sample week)");
        Function<Long, ClosedLoopLoad.Call> weeks = n -> {
            UUID patient = pick(calendar.patients());
            int week = ThreadLocalRandom.current().nextInt(calendar.weeks());
            return new ClosedLoopLoad.Call(HttpMethod.GET, stack.gateway() + "/api/v1/schedules/patients/" + patient + "?from="
                    + seeder.day(week * 7) + "&to=" + seeder.day(week * 7 + 6), tokens.get(patient), null);
        };
        List<LoadResult> runs = repeat("agenda", i -> load.run("week agenda", c, options.warmupBefore(i), options.seconds(), weeks, 200));
        LoadResult m = Scenario.medianByThroughput(runs);
        // The same requests at a fixed rate of half that throughput: the latency a client sees when the service is not saturated.
        double rate = Math.max(10, Math.floor(m.throughput() / 20) * 10);
        List<LoadResult> open = repeat("agenda, open loop at " + (int) rate + " req/s",
                i -> openLoad.run("open loop", rate, c, options.warmupSeconds(), options.seconds(), weeks, 200));
        LoadResult o = Scenario.medianByP99(open);
        db.awaitQuiet(60);
        Scenario s = new Scenario("c", Scenario.fmt("A patient's week of sessions with %,d sessions in the database", calendar.sessions()),
                "p99 < 25 ms");
        s.loadRows("", runs, m);
        s.loadRows("open loop ", open, o);
        s.pass = m.p(99) < 25 && m.errors() == 0;
        s.measured = Scenario.fmt("p99 %s ms at %,.0f req/s (%d in flight); at a fixed %,.0f req/s (open loop): p99 %s ms",
                Scenario.ms(m.p(99)), m.throughput(), c, rate, Scenario.ms(o.p(99)));
        s.notes.add(Scenario.fmt("`GET /api/v1/schedules/patients/{id}?from=<Monday>&to=<Sunday>` through the gateway with the patient's own "
                + "`patient` token, %d requests in flight, %d patients x %d weeks chosen at random, %s, %d s measured. "
                + "A sample week holds %d agenda entries (7 individual sessions and 3 group bookings).", c, calendar.patients().size(),
                calendar.weeks(), options.warmupText(), options.seconds(), entries));
        s.notes.add(Scenario.fmt("The verdict is taken from the closed loop (rows 1 to %d): %d requests in flight, the next sent as soon as "
                + "an answer arrives, so the service is saturated and the latency is mostly queueing. The \"open loop\" rows send the "
                + "same requests at a fixed %,.0f req/s (half the closed loop's median throughput) over up to %d connections, "
                + "whatever the answers take, and time each from the moment it was due (`FixedRateLoad`, no coordinated omission; "
                + "%d s warm-up, %d s measured, median by p99): the latency a patient's app sees when the service is not saturated.",
                runs.size(), c, rate, c, options.warmupSeconds(), options.seconds()));
        s.notes.add(Scenario.fmt("Database: %,d sessions and %,d bookings, seeded through `POST /api/v1/sessions` and "
                + "`POST /api/v1/sessions/{id}/participants` (24 in flight, directly on session-service) in %.0f s, %.0f sessions/s; "
                + "%d clinicians, each with 1 individual session (with their own patient) and 7 group sessions a day in a room of "
                + "their own, so there are no conflicts; `ANALYZE` was run once after seeding (what autovacuum would do).",
                calendar.sessions(), calendar.bookings(), calendar.seedTime().toMillis() / 1000.0, calendar.perSecond(),
                calendar.patients().size()));
        s.notes.add(WHERE_THE_CPU_GOES + ". With %d requests in flight the latency is mostly queueing: p50 ≈ requests in flight / throughput."
                .formatted(c) + "\n\n" + m.cpuTable());
        s.chart.add(named(m, "closed loop, " + c + " in flight"));
        s.chart.add(named(o, Scenario.fmt("open loop, %,.0f req/s", rate)));
        s.chartTitle = "c. a patient's week, median run";
        s.chartFile = "c-week-agenda.svg";
        s.profileProcesses = List.of("session-service");
        s.rerun = () -> rethrow(() -> load.run("profiled", c, options.warmupSeconds(), options.seconds(), n -> {
            UUID patient = pick(calendar.patients());
            return new ClosedLoopLoad.Call(HttpMethod.GET, stack.gateway() + "/api/v1/schedules/patients/" + patient + "?from="
                    + seeder.day(0) + "&to=" + seeder.day(6), tokens.get(patient), null);
        }, 200));
        return s;
    }

    // ---------------------------------------------------------------------------------------------- d

    /** Scenario d's warm-up groups lie this many days after its first day, clear of the measured and profiled ones. */
    private static final int WARMUP_DAYS = 50;
    private static final int MAX_RACE_WARMUP_ROUNDS = 100;

    /** d: 200 concurrent bookings for one 12-seat group through the gateway; exactly 12 BOOKED, verified from the roster. */
    public Scenario groupRace(UUID clinician, List<UUID> patients, int firstDay) throws Exception {
        System.out.println("  d. " + patients.size() + " concurrent bookings for one 12-seat group");
        HttpClient client = ClosedLoopLoad.client(vertx, patients.size());
        Scenario s = new Scenario("d", patients.size() + " concurrent bookings for one 12-seat group", "p99 < 300 ms and exactly 12 BOOKED");
        s.header.addAll(List.of("run", "requests", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms", "BOOKED (answers)", "WAITLISTED (answers)",
                "BOOKED (roster)", "WAITLISTED (roster)", "waitlist positions 1..N"));
        List<LoadResult> runs = new ArrayList<>();
        boolean allExact = true;
        try {
            // Warm-up rounds, each on its own group and discarded, for as long as the other loads warm up: they open the connections
            // and let the JIT compile the booking path (a production service runs warm).
            long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.warmupBefore(0));
            int warmupRounds = 0;
            do {
                race(client, clinician, patients, firstDay + WARMUP_DAYS + warmupRounds++);
            } while (System.nanoTime() < warmupEnd && warmupRounds < MAX_RACE_WARMUP_ROUNDS);
            s.notes.add(Scenario.fmt("Before the measured runs, %d warm-up rounds (%d s, discarded), each on its own group, opened the "
                    + "connections and warmed the booking path up.", warmupRounds, options.warmupBefore(0)));
            for (int i = 0; i < options.runs(); i++) {
                Race race = race(client, clinician, patients, firstDay + 1 + i);
                runs.add(race.result());
                allExact &= race.rosterBooked() == 12 && race.booked() == 12 && race.rosterWaitlisted() == patients.size() - 12
                        && race.positionsExact();
                System.out.println("    run " + (i + 1) + ": " + race.result().summary() + "; booked " + race.booked() + ", roster "
                        + race.rosterBooked() + " booked / " + race.rosterWaitlisted() + " waitlisted");
                s.rows.add(new ArrayList<>(List.of(Integer.toString(i + 1), Integer.toString(patients.size()), Long.toString(race.result().errors()),
                        Scenario.ms(race.result().p(50)), Scenario.ms(race.result().p(95)), Scenario.ms(race.result().p(99)),
                        Scenario.ms(race.result().latencyMicros().getMaxValue() / 1000.0), Integer.toString(race.booked()),
                        Integer.toString(race.waitlisted()), Long.toString(race.rosterBooked()), Long.toString(race.rosterWaitlisted()),
                        race.positionsExact() ? "yes" : "NO")));
            }
        } finally {
            client.close();
        }
        LoadResult m = Scenario.medianByP99(runs);
        int quoted = runs.indexOf(m);
        s.rows.get(quoted).set(0, "**" + (quoted + 1) + " (median)**");
        s.pass = m.p(99) < 300 && allExact && m.errors() == 0;
        s.measured = Scenario.fmt("p99 %s ms; exactly 12 BOOKED %s", Scenario.ms(m.p(99)), allExact ? "in every run" : "NOT in every run");
        s.notes.add(Scenario.fmt("Per run a new GROUP session (capacity 12); %d eligible patients (active plan with group hours, signed group "
                + "consent) send `POST /api/v1/sessions/{id}/participants` through the gateway at the same instant, one connection each "
                + "(opened by the warm-up rounds). Latency from send to full answer. The roster is then read "
                + "with `GET /api/v1/sessions/{id}/participants`: BOOKED and WAITLISTED counted, waitlist positions must be exactly 1..%d.",
                patients.size(), patients.size() - 12));
        s.notes.add(WHERE_THE_CPU_GOES + ", from the first request sent to the last answer (the relay and the consumers "
                + "go on with the events afterwards):\n\n" + m.cpuTable());
        s.chart.add(named(m, "200 bookings"));
        s.chartTitle = "d. 200 concurrent bookings, median run";
        s.chartFile = "d-group-race.svg";
        s.profileProcesses = List.of("session-service");
        s.rerun = () -> rethrow(() -> {
            HttpClient again = ClosedLoopLoad.client(vertx, patients.size());
            try {
                for (int i = 0; i < 5; i++) {
                    race(again, clinician, patients, firstDay + 11 + i);
                }
            } finally {
                again.close();
            }
            return null;
        });
        return s;
    }

    private record Race(LoadResult result, int booked, int waitlisted, long rosterBooked, long rosterWaitlisted, boolean positionsExact) {
    }

    /** One race on a new group on day {@code day} (days from today). */
    private Race race(HttpClient client, UUID clinician, List<UUID> patients, int day) throws Exception {
        OffsetDateTime start = seeder.slot(day, 0);
        UUID session = seeder.session("GROUP", clinician, null, start, 180, "Race room", 12);
        String url = stack.gateway() + "/api/v1/sessions/" + session + "/participants";
        String token = seeder.scheduler();
        Histogram histogram = new Histogram(3);
        List<String> statuses = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(patients.size());
        Map<String, Double> cpuBefore = cpu.snapshot();
        long t0 = System.nanoTime();
        for (UUID patient : patients) {
            long sent = System.nanoTime();
            ClosedLoopLoad.exchange(client, new ClosedLoopLoad.Call(HttpMethod.POST, url, token, "{\"patientId\":\"" + patient + "\"}"))
                    .onComplete(ar -> {
                        synchronized (histogram) {
                            histogram.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                        }
                        if (ar.failed() || ar.result().status() != 201) {
                            errors.incrementAndGet();
                            statuses.add(ar.failed() ? ar.cause().toString() : ar.result().status() + " " + ar.result().body());
                        } else {
                            statuses.add(Api.read(ar.result().body()).path("status").asText());
                        }
                        done.countDown();
                    });
        }
        done.await(120, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> cpuUsed = CpuMeter.used(cpuBefore, cpu.snapshot());
        if (errors.get() > 0) {
            statuses.stream().filter(st -> !st.equals("BOOKED") && !st.equals("WAITLISTED")).limit(3)
                    .forEach(st -> System.out.println("    failed booking: " + st));
        }
        JsonNode roster = api.expect(200, HttpMethod.GET, url, token, null);
        long rosterBooked = 0;
        long rosterWaitlisted = 0;
        Set<Integer> positions = new HashSet<>();
        for (JsonNode entry : roster) {
            switch (entry.path("status").asText()) {
                case "BOOKED" -> rosterBooked++;
                case "WAITLISTED" -> {
                    rosterWaitlisted++;
                    positions.add(entry.path("waitlistPosition").asInt());
                }
                default -> { }
            }
        }
        boolean exact = positions.size() == rosterWaitlisted;
        for (int p = 1; p <= rosterWaitlisted; p++) {
            exact &= positions.contains(p);
        }
        int booked = (int) statuses.stream().filter("BOOKED"::equals).count();
        int waitlisted = (int) statuses.stream().filter("WAITLISTED"::equals).count();
        return new Race(new LoadResult("bookings", patients.size(), errors.get(), seconds, histogram, cpuUsed), booked, waitlisted, rosterBooked,
                rosterWaitlisted, exact);
    }

    // ---------------------------------------------------------------------------------------------- e

    /**
     * e: event propagation. Patients are registered at a steady pace; for each patient.registered
     * event its ce_time (set in participant-service's transaction) is read from the topic and
     * compared with processed_at of the same ce_id in plan-service's and session-service's inbox.
     */
    public Scenario propagation() throws Exception {
        int events = options.propagationEvents();
        int rate = options.eventRate();
        System.out.println("  e. event propagation over " + events + " events at " + rate + "/s");
        List<LoadResult> plan = new ArrayList<>();
        List<LoadResult> session = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        for (int run = 0; run < options.runs() + 1; run++) {
            Map<String, Instant> ceTimes = registerPaced(run == 0 ? Math.min(200, events) : events, rate, "E" + run);
            List<String> ids = new ArrayList<>(ceTimes.keySet());
            Map<String, Instant> atPlan = awaitProcessed("iop_plan", "plan-participants", ids);
            Map<String, Instant> atSession = awaitProcessed("iop_session", "session-service.participants", ids);
            if (run == 0) {
                continue; // warm-up: the consumers' code paths and connections, discarded
            }
            LoadResult p = latencies("participant → plan-service", ceTimes, atPlan);
            LoadResult s = latencies("participant → session-service", ceTimes, atSession);
            missing.add((int) (p.errors() + s.errors()));
            System.out.println("    run " + run + ": " + p.summary());
            System.out.println("    run " + run + ": " + s.summary());
            plan.add(p);
            session.add(s);
        }
        LoadResult mp = Scenario.medianByP99(plan);
        LoadResult ms = Scenario.medianByP99(session);
        Scenario sc = new Scenario("e", "Event propagation: commit in participant-service → applied in another service's read model",
                "p99 < 100 ms");
        sc.header.addAll(List.of("path", "run", "events", "not applied", "p50 ms", "p95 ms", "p99 ms", "max ms"));
        for (int i = 0; i < plan.size(); i++) {
            for (LoadResult r : List.of(plan.get(i), session.get(i))) {
                boolean quoted = r == mp || r == ms;
                sc.rows.add(List.of(r.name(), quoted ? "**" + (i + 1) + " (median)**" : Integer.toString(i + 1), Scenario.fmt("%,d", r.requests()),
                        Long.toString(r.errors()), Scenario.ms(r.p(50)), Scenario.ms(r.p(95)), Scenario.ms(r.p(99)),
                        Scenario.ms(r.latencyMicros().getMaxValue() / 1000.0)));
            }
        }
        sc.pass = mp.p(99) < 100 && ms.p(99) < 100 && missing.stream().allMatch(n -> n == 0);
        sc.measured = Scenario.fmt("p99 %s ms (to plan-service), %s ms (to session-service)", Scenario.ms(mp.p(99)), Scenario.ms(ms.p(99)));
        sc.notes.add(Scenario.fmt("Per run %,d `POST /api/v1/patients` through the gateway, paced at %d/s (open loop), after a discarded warm-up "
                + "of 200. Latency = `processed_at` of the event's `ce_id` in the consumer's `processed_event` (written in the same "
                + "transaction as the read-model change; PostgreSQL `clock_timestamp()` when the event is applied; the consumer commits the "
                + "events of one poll together, right after the last of them) − the event's `ce_time` "
                + "header read back from `iop.participants` (set when participant-service wrote the outbox row inside its transaction). "
                + "Both clocks are this machine's. The path: commit → outbox relay woken after commit → Kafka (acks=all) → "
                + "consumer poll → inbox + read model. The pace is kept well below the write capacity measured in (b), so the "
                + "numbers show propagation, not a backlog; at 100 events/s (about two thirds of that capacity, with the consumers "
                + "competing for the same 2 cores) the first full run of this suite measured p99 of seconds (backlog).", events, rate));
        sc.chart.addAll(List.of(named(mp, "→ plan-service"), named(ms, "→ session-service")));
        sc.chartTitle = "e. event propagation, median runs";
        sc.chartFile = "e-event-propagation.svg";
        sc.profileProcesses = List.of("participant-service", "plan-service");
        sc.rerun = () -> rethrow(() -> registerPaced(events, rate, "EP"));
        return sc;
    }

    private Map<String, Instant> registerPaced(int count, int perSecond, String prefix) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, Instant> ceTimes = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("iop.participants").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);

            String token = seeder.integration();
            HttpClient client = ClosedLoopLoad.client(vertx, 32);
            Set<String> patients = ConcurrentHashMap.newKeySet();
            List<Future<ClosedLoopLoad.Response>> sent = new ArrayList<>();
            long t0 = System.nanoTime();
            long base = System.nanoTime() % 1_000_000_000L;
            for (int i = 0; i < count; i++) {
                long due = t0 + i * 1_000_000_000L / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                sent.add(ClosedLoopLoad.exchange(client, new ClosedLoopLoad.Call(HttpMethod.POST, stack.gateway() + "/api/v1/patients", token,
                        seeder.patientBody(prefix + base, i))).onSuccess(r -> {
                            if (r.status() == 201) {
                                patients.add(Api.read(r.body()).path("id").asText());
                            }
                        }));
            }
            Future.join(new ArrayList<>(sent)).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
            client.close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            Set<String> seen = new HashSet<>();
            while (seen.size() < patients.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (patients.contains(record.key()) && "care.iop.patient.registered.v1".equals(header(record, "ce_type"))) {
                        seen.add(record.key());
                        ceTimes.put(header(record, "ce_id"), OffsetDateTime.parse(header(record, "ce_time")).toInstant());
                    }
                }
            }
            if (patients.size() < count) {
                System.out.println("    only " + patients.size() + " of " + count + " registrations answered 201");
            }
        }
        return ceTimes;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Map<String, Instant> awaitProcessed(String database, String consumer, List<String> ids) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Map<String, Instant> found = Map.of();
        while (System.nanoTime() < deadline) {
            found = db.processedAt(database, consumer, ids);
            if (found.size() >= ids.size()) {
                break;
            }
            Thread.sleep(250);
        }
        return found;
    }

    private static LoadResult latencies(String name, Map<String, Instant> ceTimes, Map<String, Instant> processed) {
        Histogram histogram = new Histogram(3);
        long missing = 0;
        for (Map.Entry<String, Instant> e : ceTimes.entrySet()) {
            Instant at = processed.get(e.getKey());
            if (at == null) {
                missing++;
                continue;
            }
            histogram.recordValue(Math.max(1, Duration.between(e.getValue(), at).toNanos() / 1000));
        }
        return new LoadResult(name, ceTimes.size(), missing, 1, histogram);
    }

    // ---------------------------------------------------------------------------------------------- f

    /** The first warm-ups of the closed-loop loads so far and how long each took to become steady. */
    public List<String> steadyWarmups() {
        return load.steadyWarmups();
    }

    /** f: each component killed (-9) and started alone, one at a time, {@code runs} times; RSS at idle. */
    public Scenario restarts(Map<String, Double> rssAfterStart, Map<String, Double> rssPeak, Map<String, Duration> firstStart)
            throws Exception {
        System.out.println("  f. kill -9 and restart, one component at a time");
        Scenario s = new Scenario("f", "Time to healthy and resident memory of each service",
                "healthy in < 3 s, < 300 MB RSS at idle per service");
        s.header.addAll(List.of("component", "healthy after start with the stack", "healthy after kill -9, alone (each run)",
                "median", "RSS idle after start", "RSS peak under load", "RSS idle after restart", "verdict"));
        boolean pass = true;
        List<String> worst = new ArrayList<>();
        for (Component component : BenchStack.components()) {
            List<Double> times = new ArrayList<>();
            double rssRestart = 0;
            for (int i = 0; i < options.runs(); i++) {
                Duration took = stack.killAndRestart(component);
                times.add(took.toMillis() / 1000.0);
                Thread.sleep(5000);
                rssRestart = stack.rssMb(component.name()).orElse(Double.NaN);
                System.out.printf("    %s: healthy in %.2f s, RSS %.0f MB 5 s later%n", component.name(), took.toMillis() / 1000.0, rssRestart);
            }
            double median = Scenario.median(times, Double::compare);
            double idle = rssAfterStart.getOrDefault(component.name(), Double.NaN);
            boolean ok = median < 3 && idle < 300 && rssRestart < 300;
            pass &= ok;
            if (!ok) {
                worst.add(component.name());
            }
            s.rows.add(List.of(component.name(), Scenario.fmt("%.1f s", firstStart.get(component.name()).toMillis() / 1000.0),
                    String.join(", ", times.stream().map(t -> Scenario.fmt("%.2f s", t)).toList()), Scenario.fmt("**%.2f s**", median),
                    Scenario.fmt("%.0f MB", idle), Scenario.fmt("%.0f MB", rssPeak.getOrDefault(component.name(), Double.NaN)),
                    Scenario.fmt("%.0f MB", rssRestart), ok ? "PASS" : "MISS"));
        }
        s.pass = pass;
        s.measured = pass ? "every component within both limits" : "missed by " + String.join(", ", worst);
        s.notes.add("Time to healthy: from process start to the first 200 of `/q/health/ready` (polled every 200 ms, so up to 0.2 s "
                + "coarse). \"After start with the stack\": the first start, all four JVMs starting at once on 2 cores. \"Alone\": "
                + "`kill -9` of that one process while the rest keeps running, then started again by itself (readiness includes its "
                + "database and Kafka connection). The JVMs run as the devstack starts them: `"
                + String.join(" ", care.iop.devstack.LocalStack.JVM_OPTIONS) + "`.");
        s.notes.add("RSS = `VmRSS` of `/proc/<pid>/status`: idle = after start with no traffic (before any scenario; after a restart, "
                + "5 s after healthy); peak = the highest value sampled every 0.5 s during scenarios a to e.");
        return s;
    }

    private interface Body<T> {
        T call() throws Exception;
    }

    private static void rethrow(Body<?> body) {
        try {
            body.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
