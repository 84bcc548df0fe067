package care.iop.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.http.HttpMethod;

/** Creates benchmark data through the public API (the same calls a client makes). */
public final class Seeder {
    public static final ZoneId PROGRAM_ZONE = ZoneId.of("America/New_York");
    /** The integration token's subject ({@link BenchStack#token}): its client identity, named by the patients' disclosure consents. */
    public static final String INTEGRATION_SUBJECT = "bench-integration";
    private static final Duration EVENTUALLY = Duration.ofSeconds(90);
    /** Creates answered 201 whose body came without the new record (its id was taken from Location instead). */
    final AtomicInteger createdWithoutBody = new AtomicInteger();

    private final Api api;
    private final BenchStack stack;
    private final String scheduler;
    private final String clinician;
    private final String integration;
    private final LocalDate today = LocalDate.now(PROGRAM_ZONE);
    private final String tag = Long.toString(System.currentTimeMillis(), 36);

    public Seeder(Api api, BenchStack stack) {
        this.api = api;
        this.stack = stack;
        this.scheduler = stack.token("scheduler");
        this.clinician = stack.token("clinician");
        this.integration = stack.token("integration");
    }

    public LocalDate today() {
        return today;
    }

    /** {@code count} clinicians who can lead groups. */
    public List<UUID> clinicians(int count, int offset) {
        List<UUID> ids = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(count, (UUID) null)));
        Parallel.run(count, 16, i -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("npi", npi(100_000_000 + offset + i));
            body.put("givenName", "Bench");
            body.put("familyName", "Clinician" + (offset + i));
            body.put("credentials", List.of("LCSW"));
            body.put("canLeadGroups", true);
            body.put("maxCaseload", 500);
            ids.set(i, uuid(api.expect(201, HttpMethod.POST, stack.participant() + "/api/v1/clinicians", scheduler, body).get("id").asText()));
        });
        return new ArrayList<>(ids);
    }

    /** The body of a new patient with a unique identifier. */
    public String patientBody(String prefix, long i) {
        return "{\"identifiers\":[{\"system\":\"urn:iop:bench\",\"value\":\"" + prefix + "-" + tag + "-" + i + "\"}],"
                + "\"givenName\":\"Pat\",\"familyName\":\"Bench" + i + "\",\"birthDate\":\"1988-03-14\",\"gender\":\"female\","
                + "\"track\":\"ADULT_SUD\",\"levelOfCare\":\"2.1\",\"phone\":\"+1-555-0100\",\"email\":\"pat" + i + "@example.org\","
                + "\"admissionDate\":\"" + today + "\"}";
    }

    /**
     * {@code count} active patients who may be booked into individual and group sessions: registered,
     * group consent signed, preferences given, and a plan (1 individual session and 9 group hours a
     * week) created, signed (patient in person, author) and activated with {@code clinicians} (round robin) as primary clinician.
     */
    public List<UUID> eligiblePatients(String prefix, int count, List<UUID> clinicians) {
        List<UUID> ids = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(count, (UUID) null)));
        Parallel.run(count, 16, i -> {
            UUID patient = uuid(api.expect(201, HttpMethod.POST, stack.participant() + "/api/v1/patients", integration,
                    patientBody(prefix, i)).get("id").asText());
            api.expect(201, HttpMethod.POST, stack.participant() + "/api/v1/patients/" + patient + "/consents", scheduler,
                    Map.of("kind", "GROUP_PARTICIPATION", "signedOn", today.toString()));
            // the patients are in an SUD track (42 CFR Part 2): the integration caller reads them under this consent (scenario a)
            api.expect(201, HttpMethod.POST, stack.participant() + "/api/v1/patients/" + patient + "/consents", scheduler,
                    Map.of("kind", "PART2_DISCLOSURE", "signedOn", today.toString(), "expiresOn", today.plusYears(1).toString(),
                            "recipient", "Benchmark EHR", "recipientId", INTEGRATION_SUBJECT, "purposes", List.of("TREATMENT")));
            api.expect(200, HttpMethod.PUT, stack.participant() + "/api/v1/patients/" + patient + "/preferences", scheduler,
                    Map.of("groupComfort", "COMFORTABLE", "preferredModality", "NO_PREFERENCE"));
            ids.set(i, patient);
        }, count >= 100 ? "patients" : null);
        Parallel.run(count, 16, i -> {
            Map<String, Object> plan = new LinkedHashMap<>();
            plan.put("patientId", ids.get(i));
            plan.put("primaryClinicianId", clinicians.get(i % clinicians.size()));
            plan.put("levelOfCare", "2.1");
            plan.put("startDate", today.toString());
            plan.put("durationWeeks", 52);
            plan.put("reviewIntervalDays", 30);
            plan.put("problems", List.of(Map.of("code", "F10.20", "display", "Alcohol use disorder, moderate")));
            plan.put("goals", List.of(Map.of("description", "Reduce depressive symptoms",
                    "measure", Map.of("instrument", "PHQ9", "target", 9, "dueDate", today.plusWeeks(12).toString()))));
            plan.put("modality", Map.of("individualSessionsPerWeek", 1, "individualSessionMinutes", 50, "groupHoursPerWeek", 9,
                    "familySessionsPerWeek", 0));
            plan.put("rationale", "Comfortable in groups; weekly individual session");
            String id = api.expectEventually(201, EVENTUALLY, HttpMethod.POST, stack.plan() + "/api/v1/plans", clinician, plan)
                    .get("id").asText();
            // activation needs version 1 signed: the patient (in person, recorded by staff) and the author with their own token
            String signatures = stack.plan() + "/api/v1/plans/" + id + "/versions/1/signatures";
            api.expect(201, HttpMethod.POST, signatures, clinician, Map.of("role", "patient", "method", "in-person", "signerName", "Pat Bench" + i));
            api.expect(201, HttpMethod.POST, signatures, stack.clinicianToken(clinicians.get(i % clinicians.size())),
                    Map.of("role", "author", "method", "electronic"));
            api.expectEventually(200, EVENTUALLY, HttpMethod.PUT, stack.plan() + "/api/v1/plans/" + id + "/status", clinician,
                    Map.of("status", "active", "reason", "Plan agreed with the patient"));
        }, count >= 100 ? "plans" : null);
        return new ArrayList<>(ids);
    }

    /** The ids of the active plans of these patients (read back through the API). */
    public List<UUID> planIds(List<UUID> patients) {
        List<UUID> plans = Collections.synchronizedList(new ArrayList<>());
        Parallel.run(patients.size(), 8, i -> {
            var page = api.expect(200, HttpMethod.GET, stack.plan() + "/api/v1/plans?patientId=" + patients.get(i) + "&status=active",
                    clinician, null);
            page.get("items").forEach(item -> plans.add(uuid(item.get("id").asText())));
        });
        return new ArrayList<>(plans);
    }

    /** Day {@code d} of the seeded calendar: starts on the Monday at least a week from today. */
    public LocalDate day(int d) {
        LocalDate start = today.plusDays(7);
        while (start.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
            start = start.plusDays(1);
        }
        return start.plusDays(d);
    }

    /** Local 08:00 + slot hours on calendar day d, in the program's zone, with its offset. */
    public OffsetDateTime slot(int d, int slot) {
        return ZonedDateTime.of(day(d), java.time.LocalTime.of(8 + slot, 0), PROGRAM_ZONE).toOffsetDateTime();
    }

    /** One session: INDIVIDUAL (with its patient) or GROUP; location a room of its own per clinician. */
    public UUID session(String type, UUID clinicianId, UUID patientId, OffsetDateTime start, int minutes, String room, Integer capacity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("clinicianId", clinicianId);
        if (patientId != null) {
            body.put("patientId", patientId);
        }
        body.put("start", start.toString());
        body.put("end", start.plusMinutes(minutes).toString());
        body.put("topic", "GROUP".equals(type) ? "Relapse prevention" : "Individual therapy");
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        body.put("location", room);
        ClosedLoopLoad.Response created = api.expectEventuallyResponse(201, EVENTUALLY, HttpMethod.POST, stack.session() + "/api/v1/sessions",
                scheduler, body);
        JsonNode view = Api.read(created.body());
        if (view.hasNonNull("id")) {
            return uuid(view.get("id").asText());
        }
        // seen once in a full run: a 201 whose body arrived empty; the session exists, its Location names it
        if (created.location() == null) {
            throw new IllegalStateException("POST /api/v1/sessions answered 201 without an id or a Location: " + created);
        }
        createdWithoutBody.incrementAndGet();
        return uuid(created.location().substring(created.location().lastIndexOf('/') + 1));
    }

    public String scheduler() {
        return scheduler;
    }

    public String clinician() {
        return clinician;
    }

    public String integration() {
        return integration;
    }

    /** A valid NPI from a 9-digit base: Luhn check digit over the prefix 80840 + base. */
    static String npi(int base9) {
        String payload = "80840" + base9;
        int sum = 0;
        boolean dbl = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return base9 + Integer.toString((10 - sum % 10) % 10);
    }

    static UUID uuid(String text) {
        return UUID.fromString(text);
    }
}
