package care.iop.bench;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;

/**
 * h: a clinician's worklist ({@code GET /api/v1/worklists/me} through the gateway, which asks plan-service and
 * session-service in parallel) for a clinician with 40 patients, each with a same-day safety flag and the intake
 * assessments due, 30 notes to write after attended sessions, 10 no-show follow-ups and 8 sessions today and tomorrow.
 */
final class WorklistScenario {
    static final int PATIENTS = 40;
    private static final int IN_FLIGHT = 4;
    private static final double RATE = 20;

    private final Options options;
    private final BenchStack stack;
    private final Seeder seeder;
    private final Api api;
    private final Db db;
    private final ClosedLoopLoad load;
    private final FixedRateLoad openLoad;

    WorklistScenario(Options options, BenchStack stack, Vertx vertx, Seeder seeder, Api api, Db db) {
        this.options = options;
        this.stack = stack;
        this.seeder = seeder;
        this.api = api;
        this.db = db;
        this.load = new ClosedLoopLoad(vertx, new CpuMeter(stack));
        this.openLoad = new FixedRateLoad(vertx);
    }

    /** The clinician and their patients, with the work that shows on the worklist, created through the API. */
    UUID seed(UUID clinician) throws InterruptedException {
        List<UUID> patients = seeder.eligiblePatients("K", PATIENTS, List.of(clinician));
        LocalDate today = seeder.today();
        String clinicianToken = stack.clinicianToken(clinician);
        OffsetDateTime anHourAgo = OffsetDateTime.now(Seeder.PROGRAM_ZONE).minusHours(1);
        Parallel.run(PATIENTS, 8, i -> {
            UUID patient = patients.get(i);
            // a PHQ-9 with item 9 above 0: a safety flag due today, assigned to the primary clinician
            api.expect(201, HttpMethod.POST, stack.plan() + "/api/v1/assessments", seeder.clinician(), Map.of("patientId", patient,
                    "instrument", "PHQ9", "answers", List.of(1, 1, 1, 1, 1, 1, 1, 1, 1), "takenAt", anHourAgo.toString()));
            // a 30-minute individual session on one of the 4 days before today; attended (a note to write) or a no-show
            LocalDate day = today.minusDays(1 + i / 10);
            OffsetDateTime start = ZonedDateTime.of(day, LocalTime.of(8, 0).plusMinutes(30L * (i % 10)), Seeder.PROGRAM_ZONE).toOffsetDateTime();
            UUID session = seeder.session("INDIVIDUAL", clinician, patient, start, 30, "Worklist room", null);
            String status = i % 4 == 0 ? "NO_SHOW" : "ATTENDED";
            api.expect(200, HttpMethod.PUT, stack.session() + "/api/v1/sessions/" + session + "/attendance", clinicianToken,
                    Map.of("attendees", List.of(Map.of("patientId", patient, "status", status, "minutesAttended", "NO_SHOW".equals(status) ? 0 : 30))));
        });
        for (int i = 0; i < 8; i++) {
            OffsetDateTime start = ZonedDateTime.of(today.plusDays(i / 4), LocalTime.of(13 + i % 4, 0), Seeder.PROGRAM_ZONE).toOffsetDateTime();
            seeder.session("GROUP", clinician, null, start, 50, "Worklist group room", 12);
        }
        db.awaitQuiet(300);
        return clinician;
    }

    Scenario run(UUID clinician) throws Exception {
        String token = stack.clinicianToken(clinician);
        String url = stack.gateway() + "/api/v1/worklists/me";
        JsonNode sample = api.expect(200, HttpMethod.GET, url, token, null);
        Map<String, Integer> kinds = new TreeMap<>();
        sample.path("items").forEach(item -> kinds.merge(item.path("kind").asText(), 1, Integer::sum));
        System.out.println("  h. worklist of a clinician with " + PATIENTS + " patients: " + sample.path("items").size() + " items " + kinds);
        Function<Long, ClosedLoopLoad.Call> reads = n -> new ClosedLoopLoad.Call(HttpMethod.GET, url, token, null);
        List<LoadResult> open = new ArrayList<>();
        List<LoadResult> closed = new ArrayList<>();
        for (int i = 0; i < options.runs(); i++) {
            open.add(openLoad.run("open loop", RATE, IN_FLIGHT * 4, options.warmupBefore(i), options.seconds(), reads, 200));
            System.out.println("    open loop run " + (i + 1) + ": " + open.get(i).summary());
            closed.add(load.run("closed loop", IN_FLIGHT, options.warmupSeconds(), options.seconds(), reads, 200));
            System.out.println("    closed loop run " + (i + 1) + ": " + closed.get(i).summary());
        }
        db.awaitQuiet(60);
        LoadResult o = Scenario.medianByP99(open);
        LoadResult c = Scenario.medianByThroughput(closed);
        Scenario s = new Scenario("h", "A clinician's worklist (" + PATIENTS + " patients) through the gateway", "p99 < 50 ms");
        s.loadRows(Scenario.fmt("%,.0f req/s ", RATE), open, o);
        s.loadRows(IN_FLIGHT + " in flight ", closed, c);
        s.pass = o.p(99) < 50 && o.errors() == 0;
        s.measured = Scenario.fmt("p99 %s ms at a fixed %,.0f req/s; %,.0f req/s, p99 %s ms with %d in flight", Scenario.ms(o.p(99)), RATE,
                c.throughput(), Scenario.ms(c.p(99)), IN_FLIGHT);
        s.notes.add(Scenario.fmt("`GET /api/v1/worklists/me` through the gateway with the clinician's own token: the gateway asks "
                + "plan-service and session-service in parallel and merges %d items (%s). Each answer audits one read per patient "
                + "in both services.", sample.path("items").size(), kinds));
        s.notes.add(Scenario.fmt("The verdict is taken from the open loop: requests due at a fixed %,.0f req/s (a program's clinicians "
                + "opening screens), timed from the moment each was due (`FixedRateLoad`, no coordinated omission), %s, %d s measured, "
                + "median by p99. The closed-loop rows keep %d requests in flight (%d s warm-up): the capacity.", RATE,
                options.warmupText(), options.seconds(), IN_FLIGHT, options.warmupSeconds()));
        s.notes.add("Where the CPU goes, closed loop, median run:\n\n" + c.cpuTable());
        s.chart.add(new LoadResult(Scenario.fmt("open loop, %,.0f req/s", RATE), o.requests(), o.errors(), o.seconds(), o.latencyMicros()));
        s.chart.add(new LoadResult("closed loop, " + IN_FLIGHT + " in flight", c.requests(), c.errors(), c.seconds(), c.latencyMicros()));
        s.chartTitle = "h. a clinician's worklist, median runs";
        s.chartFile = "h-worklist.svg";
        s.profileProcesses = List.of("gateway", "plan-service", "session-service");
        return s;
    }
}
