package care.iop.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import care.iop.devstack.Component;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Read-your-writes across services, tried as an integrator chains calls: each chain registers a clinician and at once
 * schedules a group they lead (session-service must know the clinician), registers a patient and grants the group
 * consent and at once writes a plan with group hours (plan-service must know both), has it signed (the patient in person,
 * the author with their own token), activates it and at once books the
 * patient into the group (session-service must know the patient, the consent and the active plan). Every call follows
 * the previous answer immediately, with no retry and no pause. Half of the chains are one caller that ignores
 * {@code Consistency-Token} (the gateway sends it along); in the other half a scheduler and a clinician hand the token
 * of one's write to the other's next call. Not one call may be refused.
 */
class ReadYourWritesIT {
    private static final ZoneId PROGRAM_ZONE = ZoneId.of("America/New_York");
    private static final String TOKEN = "Consistency-Token";
    private static final int CHAINS = 200;
    private static final int PARALLEL = 8;
    private static final int CALLS = 9;

    private static SystemStack system;

    @BeforeAll
    static void start() throws Exception {
        system = SystemStack.get();
    }

    @Test
    void twoHundredChainsOfWritesAcrossServicesBackToBackAreNeverRefused() throws Exception {
        Map<String, Double> before = waits();
        List<String> refusals = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        long start = System.nanoTime();
        List<Future<?>> chains = new ArrayList<>();
        for (int i = 0; i < CHAINS; i++) {
            int chain = i;
            chains.add(pool.submit(() -> new Chain(chain, refusals).run()));
        }
        for (Future<?> chain : chains) {
            chain.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Map<String, Double> after = waits();
        System.out.printf("read-your-writes: %d chains (%d calls) in %d ms; waits for a read model: %s%n", CHAINS, CHAINS * CALLS, took.toMillis(),
                difference(before, after));

        assertThat(refusals).as("calls refused out of %d", CHAINS * CALLS).isEmpty();
    }

    /** One chain of nine calls; every call must succeed at the first try. */
    private static final class Chain {
        private final int number;
        private final List<String> refusals;
        private final Caller scheduler;
        private final Caller clinician;
        private final boolean handsTokensOn;

        Chain(int number, List<String> refusals) {
            this.number = number;
            this.refusals = refusals;
            this.handsTokensOn = number % 2 == 1;
            String id = UUID.randomUUID().toString().substring(0, 8);
            // even chains: one integration client doing everything (the gateway remembers its tokens); odd: two people
            this.clinician = new Caller(system.token("clinician", "ryw-clinician-" + id));
            this.scheduler = handsTokensOn ? new Caller(system.token("scheduler", "ryw-scheduler-" + id)) : clinician;
        }

        void run() {
            try {
                LocalDate today = LocalDate.now(PROGRAM_ZONE);
                Response clinicianRegistered = expect(201, "register clinician", scheduler.post("/api/v1/clinicians", null,
                        Map.of("npi", TestData.npi(), "givenName", "Rae", "familyName", "Chain" + number, "credentials", List.of("LCSW"),
                                "canLeadGroups", true, "maxCaseload", 25)));
                String clinicianId = clinicianRegistered.path("id");
                ZonedDateTime groupStart = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(2)
                        .atTime(LocalTime.of(8 + number % 9, 0)).atZone(PROGRAM_ZONE);
                Response group = expect(201, "group session for the clinician just registered", scheduler.post("/api/v1/sessions", null,
                        Map.of("type", "GROUP", "clinicianId", clinicianId, "start", groupStart.toOffsetDateTime().toString(),
                                "end", groupStart.plusMinutes(90).toOffsetDateTime().toString(), "topic", "Coping skills",
                                "capacity", 12, "location", "Room " + UUID.randomUUID())));

                Response patientRegistered = expect(201, "register patient", scheduler.post("/api/v1/patients", null, Map.of(
                        "identifiers", List.of(Map.of("system", "urn:example:mrn", "value", "MRN-" + UUID.randomUUID())),
                        "givenName", "Noa", "familyName", "Chain" + number, "birthDate", "1988-06-01", "gender", "female",
                        "track", "ADULT_MH", "levelOfCare", "2.1", "admissionDate", today.toString())));
                String patientId = patientRegistered.path("id");
                Response consent = expect(201, "grant the group consent", scheduler.post("/api/v1/patients/" + patientId + "/consents", null,
                        Map.of("kind", "GROUP_PARTICIPATION", "signedOn", today.toString())));

                Response plan = expect(201, "plan with group hours for the consent just granted", clinician.post("/api/v1/plans",
                        handOn(clinicianRegistered, consent), Map.of("patientId", patientId, "primaryClinicianId", clinicianId,
                                "levelOfCare", "2.1", "startDate", today.toString(), "durationWeeks", 12, "reviewIntervalDays", 30,
                                "problems", List.of(Map.of("code", "F41.1", "display", "Generalized anxiety disorder")),
                                "goals", List.of(Map.of("description", "Fewer anxiety symptoms", "measure", Map.of("instrument", "GAD7",
                                        "target", 5, "dueDate", today.plusWeeks(12).toString()))),
                                "modality", Map.of("individualSessionsPerWeek", 1, "individualSessionMinutes", 50, "groupHoursPerWeek", 8.5,
                                        "familySessionsPerWeek", 0),
                                "rationale", "Comfortable in groups")));
                String planId = plan.path("id");
                expect(201, "the patient signs the plan in person", clinician.post("/api/v1/plans/" + planId + "/versions/1/signatures", null,
                        Map.of("role", "patient", "method", "in-person", "signerName", "Noa Chain" + number)));
                expect(201, "the author signs the plan with their own token", new Caller(system.clinicianToken(UUID.fromString(clinicianId)))
                        .post("/api/v1/plans/" + planId + "/versions/1/signatures", null, Map.of("role", "author", "method", "electronic")));
                Response activated = expect(200, "activate the plan", clinician.put("/api/v1/plans/" + planId + "/status", null,
                        Map.of("status", "active", "reason", "Agreed with the patient")));

                expect(201, "book the patient into the group once the plan is active", scheduler.post(
                        "/api/v1/sessions/" + group.path("id") + "/participants", handOn(activated), Map.of("patientId", patientId)));
            } catch (RuntimeException e) {
                refusals.add("chain " + number + ": " + e);
            }
        }

        /** The tokens of these answers, for the other person's next call (odd chains); nothing for a single caller. */
        private String handOn(Response... answers) {
            if (!handsTokensOn) {
                return null;
            }
            List<String> tokens = new ArrayList<>();
            for (Response answer : answers) {
                assertThat(answer.getHeader(TOKEN)).as("a write answers its Consistency-Token").isNotNull();
                tokens.add(answer.getHeader(TOKEN));
            }
            return String.join(", ", tokens);
        }

        private Response expect(int status, String step, Response response) {
            if (response.statusCode() != status) {
                refusals.add("chain " + number + " (" + (handsTokensOn ? "tokens handed on" : "one caller") + "), " + step + ": "
                        + response.statusCode() + " " + response.asString());
                throw new IllegalStateException(step + " refused");
            }
            return response;
        }
    }

    /** Calls through the gateway as one token. */
    private record Caller(String token) {
        private RequestSpecification request(String consistencyToken) {
            RequestSpecification request = given().baseUri(system.gatewayUrl()).header("Authorization", "Bearer " + token)
                    .contentType(ContentType.JSON);
            return consistencyToken == null ? request : request.header(TOKEN, consistencyToken);
        }

        Response post(String path, String consistencyToken, Object body) {
            return request(consistencyToken).body(body).when().post(path);
        }

        Response put(String path, String consistencyToken, Object body) {
            return request(consistencyToken).body(body).when().put(path);
        }
    }

    /** The waits of plan- and session-service by outcome ({@code iop_read_model_waits_seconds_count}). */
    private static Map<String, Double> waits() {
        Map<String, Double> waits = new java.util.TreeMap<>();
        for (Component service : List.of(Component.SERVICES.get(1), Component.SERVICES.get(2))) {
            String metrics = given().when().get(system.serviceUrl(service) + "/q/metrics").then().statusCode(200).extract().asString();
            metrics.lines().filter(l -> l.startsWith("iop_read_model_waits_seconds_count{")).forEach(l -> {
                String outcome = l.replaceAll(".*outcome=\"([^\"]+)\".*", "$1");
                waits.merge(service.name() + " " + outcome, Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)), Double::sum);
            });
        }
        return waits;
    }

    private static Map<String, Double> difference(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> difference = new java.util.TreeMap<>();
        after.forEach((key, value) -> difference.put(key, value - before.getOrDefault(key, 0.0)));
        return difference;
    }
}
