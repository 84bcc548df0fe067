package care.iop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import care.iop.devstack.Component;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;

/**
 * One IOP journey through the gateway only, against the packaged services running as separate
 * processes: registration, consents, an individual-heavy plan, sessions and a weekly group series,
 * group eligibility, a modality switch, a full group with waitlist and promotion, two weeks of
 * attendance and the dose, assessments and the outcome comparison; the patient's own view; a
 * service killed with kill -9 in the middle loses nothing and applies every event exactly once.
 */
class JourneyIT {
    private static final ZoneId PROGRAM_ZONE = ZoneId.of("America/New_York");
    private static final Duration EVENTUAL = Duration.ofSeconds(60);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private static SystemStack system;
    private static Gateway admin;
    private static Gateway scheduler;
    private static Gateway clinician;

    @BeforeAll
    static void start() throws Exception {
        system = SystemStack.get();
        // Numbers in JSON as double (RestAssured's default is float, which would blur the worked-out means).
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
        admin = new Gateway(system.gatewayUrl(), system.token("admin"));
        scheduler = new Gateway(system.gatewayUrl(), system.token("scheduler"));
        clinician = new Gateway(system.gatewayUrl(), system.token("clinician"));
    }

    @Test
    void patientJourneyFromRegistrationToOutcomeComparison() throws Exception {
        LocalDate today = LocalDate.now(PROGRAM_ZONE);
        LocalDate lastMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        LocalDate planStart = lastMonday;

        // --- Registration: two clinicians (one leads groups) and a patient hesitant in groups -------------------
        String groupLead = registerClinician("Sam", true);
        String therapist = registerClinician("Kim", false);
        String patient = registerPatient("Ana", lastMonday);
        scheduler.get("/api/v1/patients/{id}", patient).then().statusCode(200).header("ETag", org.hamcrest.Matchers.notNullValue());
        Response registered = scheduler.post("/api/v1/clinicians", Map.of("npi", TestData.npi(), "givenName", "Lou", "familyName", "Ray",
                "credentials", List.of("LPC"), "canLeadGroups", false, "maxCaseload", 10));
        registered.then().statusCode(201);
        assertThat(registered.getHeader("Location")).as("Location names the gateway, not the service")
                .startsWith(system.gatewayUrl() + "/api/v1/clinicians/");
        // considerations are clinical: a clinician records them (a scheduler may not: minimum necessary)
        clinician.put("/api/v1/patients/{id}/preferences", Map.of("groupComfort", "HESITANT", "preferredModality", "INDIVIDUAL",
                "considerations", "anxious in large groups", "preferredDays", List.of("MONDAY", "WEDNESDAY")), patient)
                .then().statusCode(200);
        scheduler.post("/api/v1/patients/{id}/consents", Map.of("kind", "TELEHEALTH", "signedOn", today.toString()), patient)
                .then().statusCode(201);

        // --- An individual-heavy plan, below the minimum with a justification; the patient signs it in the app with -----
        // --- their own token, the therapist signs it as its author, then it is activated ----------------------------
        String plan = Plans.createDraft(clinician, patient, therapist, planStart, modality(3, 180, 0), "Hesitant in groups: individual work first");
        Gateway ana = new Gateway(system.gatewayUrl(), system.patientToken(UUID.fromString(patient)));
        Gateway kim = Plans.author(therapist);
        clinician.put("/api/v1/plans/{id}/status", Map.of("status", "active"), plan).then().statusCode(422)
                .body("errors.field", everyItem(equalTo("signatures")));
        ana.get("/api/v1/plans/{id}/versions/{n}", plan, 1).then().statusCode(200).body("content.modality.individualSessionsPerWeek", equalTo(3));
        ana.post(Plans.SIGNATURES, Map.of("role", "patient", "method", "electronic"), plan, 1).then().statusCode(201)
                .body("signatures[0].signedBy", equalTo("system-patient-" + patient))
                .body("pendingSignatures", contains("author"));
        ana.put("/api/v1/plans/{id}/status", Map.of("status", "active"), plan).then().statusCode(403); // a patient only reads and signs
        kim.post(Plans.SIGNATURES, Map.of("role", "author", "method", "electronic"), plan, 1).then().statusCode(201)
                .body("state", equalTo("signed"));
        Plans.activate(clinician, plan);

        // --- Individual sessions last week (3 x 3 h) and a weekly group series from next week -----------------------
        List<String> lastWeekSessions = new ArrayList<>();
        for (int day = 0; day < 3; day++) {
            ZonedDateTime start = lastMonday.plusDays(day).atTime(LocalTime.of(9, 0)).atZone(PROGRAM_ZONE);
            lastWeekSessions.add(createIndividualSession(therapist, patient, start.toOffsetDateTime(), 180));
        }
        LocalDate nextMonday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Response series = scheduler.post("/api/v1/session-series", Map.of("type", "GROUP", "clinicianId", groupLead,
                "daysOfWeek", List.of("MONDAY"), "startTime", "13:00", "durationMinutes", 180, "from", nextMonday.toString(),
                "count", 4, "topic", "Relapse prevention", "capacity", 2, "location", "Room A"));
        series.then().statusCode(201);
        String firstGroup = series.path("occurrences[0].id");
        assertThat(series.jsonPath().getList("occurrences")).hasSize(4);

        // --- A group booking is refused while there is no group consent and no group hours in the plan -----------
        scheduler.post("/api/v1/sessions/{id}/participants", Map.of("patientId", patient), firstGroup)
                .then().statusCode(422).contentType("application/problem+json");
        scheduler.post("/api/v1/patients/{id}/consents", Map.of("kind", "GROUP_PARTICIPATION", "signedOn", today.toString()), patient)
                .then().statusCode(201);

        // --- The clinician switches the plan to a mixed modality once the consent is known to plan-service -------
        Map<String, Object> mixed = modality(2, 60, 7);
        await().atMost(EVENTUAL).until(() -> clinician.post("/api/v1/plans/{id}/modality-changes",
                Map.of("modality", mixed, "reason", "ready for group work", "effectiveFrom", today.toString()), plan).statusCode() == 201);
        clinician.get("/api/v1/plans/{id}/modality-changes", plan).then().statusCode(200);
        // the switch was decided with the patient: version 2 waits for their signature (given later in the app) and the
        // author's, while version 1 stays in force and the plan active
        clinician.get("/api/v1/plans/{id}", plan).then().statusCode(200).body("status", equalTo("active"))
                .body("currentVersion", equalTo(2)).body("versionInForce", equalTo(1))
                .body("pendingSignatures", contains("patient", "author"));
        ana.post(Plans.SIGNATURES, Map.of("role", "patient", "method", "electronic"), plan, 2).then().statusCode(201);
        kim.post(Plans.SIGNATURES, Map.of("role", "author", "method", "electronic"), plan, 2).then().statusCode(201)
                .body("inForce", equalTo(true));
        ana.get("/api/v1/plans/{id}/versions", plan).then().statusCode(200).body("cause", contains("created", "modality-switch"));

        // --- Two other patients fill the two seats; ours is waitlisted, then promoted when one cancels ------------
        String other1 = eligibleGroupPatient("Ben", therapist, planStart);
        String other2 = eligibleGroupPatient("Cid", therapist, planStart);
        bookWhenEligible(firstGroup, other1, "BOOKED");
        bookWhenEligible(firstGroup, other2, "BOOKED");
        Response waitlisted = bookWhenEligible(firstGroup, patient, "WAITLISTED");
        assertThat(waitlisted.<Integer>path("waitlistPosition")).isEqualTo(1);
        scheduler.delete("/api/v1/sessions/{id}/participants/{patientId}", firstGroup, other1).then().statusCode(200);
        Map<String, String> roster = roster(firstGroup);
        assertThat(roster).containsEntry(patient, "BOOKED").containsEntry(other2, "BOOKED").containsEntry(other1, "CANCELLED");

        // --- A patient token sees only its own data ------------------------------------------------------------------
        ana.get("/api/v1/patients/{id}", patient).then().statusCode(200);
        ana.get("/api/v1/patients/{id}", other2).then().statusCode(404);
        ana.get("/api/v1/plans/{id}", plan).then().statusCode(200);
        Response agenda = ana.get("/api/v1/schedules/patients/{id}?from={from}&to={to}", patient, nextMonday.toString(),
                nextMonday.plusDays(1).toString());
        agenda.then().statusCode(200);
        assertThat(agenda.asString()).contains(firstGroup).doesNotContain(other2);
        ana.get("/api/v1/schedules/patients/{id}?from={from}&to={to}", other2, nextMonday.toString(), nextMonday.plusDays(1).toString())
                .then().statusCode(404);
        ana.get("/api/v1/sessions/{id}/participants", firstGroup).then().statusCode(403);

        // --- Attendance: last week's individual sessions, and this week one individual and one group hour -----------
        for (String session : lastWeekSessions) {
            recordAttendance(session, patient, 180);
        }
        OffsetDateTime now = OffsetDateTime.now(PROGRAM_ZONE);
        String todayIndividual = createIndividualSession(therapist, patient, now.minusMinutes(75), 60);
        recordAttendance(todayIndividual, patient, 60);
        OffsetDateTime groupStart = now.plusSeconds(20);
        String todayGroup = scheduler.post("/api/v1/sessions", Map.of("type", "GROUP", "clinicianId", groupLead,
                "start", groupStart.toString(), "end", groupStart.plusMinutes(60).toString(), "topic", "Coping skills",
                "capacity", 12, "location", "Room B")).then().statusCode(201).extract().path("id");
        bookWhenEligible(todayGroup, patient, "BOOKED");

        // --- kill -9 plan-service; while it is down, attendance is recorded and a patient registers --------------
        system.processes().kill(Component.SERVICES.get(1).name());
        await().atMost(Duration.ofSeconds(90)).until(() -> OffsetDateTime.now().isAfter(groupStart.plusSeconds(1)));
        recordAttendance(todayGroup, patient, 60);
        String registeredWhileDown = registerPatient("Dee", lastMonday);
        system.processes().restart(Component.SERVICES.get(1));

        // --- The dose: last week meets the 9 h minimum, this week misses it; the group hour counts exactly once ------
        String lastWeek = isoWeek(lastMonday);
        String thisWeek = isoWeek(today);
        Map<String, Double> expectedAttended = new LinkedHashMap<>();
        expectedAttended.put(lastWeek, 9.0);
        expectedAttended.merge(isoWeek(todayIndividualDate(now)), 1.0, Double::sum);
        expectedAttended.merge(isoWeek(groupStart.atZoneSameInstant(PROGRAM_ZONE).toLocalDate()), 1.0, Double::sum);
        await().atMost(EVENTUAL).untilAsserted(() -> {
            Response dose = clinician.get("/api/v1/plans/{id}/dose?from={from}&to={to}", plan, lastMonday.toString(),
                    today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)).toString());
            dose.then().statusCode(200);
            Map<String, Double> attended = new HashMap<>();
            Map<String, Boolean> meets = new HashMap<>();
            for (Map<String, Object> week : dose.jsonPath().<Map<String, Object>>getList("$")) {
                attended.put((String) week.get("week"), ((Number) ((Map<?, ?>) week.get("attended")).get("total")).doubleValue());
                meets.put((String) week.get("week"), (Boolean) week.get("meetsMinimum"));
            }
            expectedAttended.forEach((week, hours) -> assertThat(attended.get(week)).as("attended hours in " + week).isEqualTo(hours));
            assertThat(meets.get(lastWeek)).as("last week meets 9 h").isTrue();
            assertThat(meets.get(thisWeek)).as("this week misses 9 h").isFalse();
        });
        // --- The group's documentation: the facilitator writes the group narrative and the member's own note, then signs
        // --- both (an independent licence: no co-signature); signed notes are locked ------------------------------------
        Gateway sam = new Gateway(system.gatewayUrl(), system.clinicianToken(UUID.fromString(groupLead)));
        String narrative = sam.post("/api/v1/sessions/{id}/notes", Map.of("kind", "GROUP_NARRATIVE", "dap", Map.of(
                "data", "Topic: coping skills; one member present.", "assessment", "Engaged throughout.",
                "plan", "Next session: trigger mapping.")), todayGroup).then().statusCode(201).extract().path("id");
        String memberNote = sam.post("/api/v1/sessions/{id}/notes", Map.of("patientId", patient, "dap", Map.of(
                "data", "Attended the full hour; described one craving.", "assessment", "Uses urge surfing with partial success.",
                "plan", "Continue group weekly.")), todayGroup).then().statusCode(201).body("status", equalTo("DRAFT")).extract().path("id");
        for (String note : List.of(narrative, memberNote)) {
            sam.post("/api/v1/notes/{id}/signatures", Map.of(), note).then().statusCode(200).body("status", equalTo("LOCKED"));
        }
        clinician.get("/api/v1/sessions/{id}/notes", todayGroup).then().statusCode(200)
                .body("status", everyItem(equalTo("LOCKED"))).body("id", containsInAnyOrder(narrative, memberNote));
        scheduler.get("/api/v1/notes/{id}", memberNote).then().statusCode(403); // notes are clinical: schedulers do not read them

        // --- The suicide-risk loop: a PHQ-9 with item 9 above 0 opens a flag due today on the primary clinician's worklist;
        // --- the clinician screens (C-SSRS: behaviour longer ago, moderate risk), writes a safety plan the patient reads in
        // --- the app, and closes the flag with both -------------------------------------------------------------------
        OffsetDateTime aMinuteAgo = OffsetDateTime.now(PROGRAM_ZONE).minusMinutes(1);
        String flag = clinician.post("/api/v1/assessments", Map.of("patientId", patient, "instrument", "PHQ9",
                "answers", List.of(1, 1, 1, 1, 0, 0, 0, 0, 2), "takenAt", aMinuteAgo.toString())) // total 6, as the one below
                .then().statusCode(201).body("safetyFlag", equalTo(true)).extract().path("safetyFlagId");
        clinician.get("/api/v1/assessments/safety-flags/{id}", flag).then().statusCode(200).body("status", equalTo("OPEN"))
                .body("assignedClinicianId", equalTo(therapist)).body("overdue", equalTo(false));
        kim.get("/api/v1/worklists/me").then().statusCode(200).body("partial", equalTo(false))
                .body("items.findAll { it.resourceId == '" + flag + "' }.kind", contains("SAFETY_FLAG"));
        clinician.post("/api/v1/assessments/safety-flags/{id}/resolution", Map.of("screenId", UUID.randomUUID().toString()), flag)
                .then().statusCode(422).contentType("application/problem+json");
        String screen = clinician.post("/api/v1/risk-screens", Map.of("patientId", patient, "flagId", flag, "takenAt",
                OffsetDateTime.now(PROGRAM_ZONE).toString(), "answers", List.of(true, false, false, false, false, true),
                "withinPastThreeMonths", false)).then().statusCode(201).body("risk", equalTo("MODERATE")).extract().path("id");
        clinician.post("/api/v1/assessments/safety-flags/{id}/resolution", Map.of("screenId", screen), flag)
                .then().statusCode(422).body("errors.field", contains("safetyPlanId")); // a moderate risk needs a safety plan
        Map<String, Object> safetyPlan = new LinkedHashMap<>();
        safetyPlan.put("patientId", patient);
        safetyPlan.put("screenId", screen);
        safetyPlan.put("warningSigns", List.of("Not sleeping"));
        safetyPlan.put("internalCopingStrategies", List.of("Going for a run"));
        safetyPlan.put("peopleAndPlacesForDistraction", List.of("The library"));
        safetyPlan.put("peopleToAskForHelp", List.of(Map.of("name", "Sister", "phone", "555-0100", "crisisLine", false)));
        safetyPlan.put("professionalsAndCrisisLines", List.of(Map.of("name", "988 Suicide & Crisis Lifeline", "phone", "988", "crisisLine", true)));
        safetyPlan.put("makingTheEnvironmentSafe", List.of("Medications kept by my sister"));
        safetyPlan.put("reasonsForLiving", List.of("My daughter"));
        String safetyPlanId = clinician.post("/api/v1/safety-plans", safetyPlan).then().statusCode(201).extract().path("id");
        ana.get("/api/v1/patients/{id}/safety-plan", patient).then().statusCode(200).body("id", equalTo(safetyPlanId))
                .body("reasonsForLiving", contains("My daughter"));
        clinician.post("/api/v1/assessments/safety-flags/{id}/resolution", Map.of("screenId", screen, "safetyPlanId", safetyPlanId), flag)
                .then().statusCode(200).body("status", equalTo("RESOLVED"));
        kim.get("/api/v1/worklists/me").then().statusCode(200).body("items.findAll { it.resourceId == '" + flag + "' }", empty());

        // The gateway merges the three services' audit trails of this patient in time order.
        Response audit = admin.get("/api/v1/audit?patientId={id}&size=100", patient);
        audit.then().statusCode(200);
        assertThat(audit.jsonPath().<String>getList("items.service")).contains("participant-service", "plan-service", "session-service");
        List<String> times = audit.jsonPath().getList("items.occurredAt");
        assertThat(times).isSortedAccordingTo(java.util.Comparator.comparing(t -> OffsetDateTime.parse(t).toInstant()));

        // The registration made while plan-service was down was not lost: plan-service knows the patient.
        createActivePlan(registeredWhileDown, therapist, planStart, modality(3, 180, 0), "Stepping in slowly");

        // --- Assessments and the outcome comparison: five patients, mostly individual, numbers worked out by hand --
        submitPhq9(patient, planStart.plusDays(1), 18);
        submitPhq9(patient, today, 6);
        int[][] others = { { 15, 10 }, { 12, 12 }, { 20, 8 }, { 9, 3 } };
        for (int[] scores : others) {
            String other = registerPatient("Eve", lastMonday);
            createActivePlan(other, therapist, planStart, modality(3, 180, 0), "Individual first");
            String session = createIndividualSession(therapist, other,
                    lastMonday.atTime(LocalTime.of(14, 0)).atZone(PROGRAM_ZONE).plusMinutes(SEQUENCE.incrementAndGet() * 70L).toOffsetDateTime(), 60);
            recordAttendance(session, other, 60);
            submitPhq9(other, planStart.plusDays(1), scores[0]);
            submitPhq9(other, today, scores[1]);
        }
        // The comparison (issue 22) analyses an episode only with a follow-up score at least 28 days after its baseline; these
        // five episodes are a week old, so through the gateway they are counted as excluded for want of a follow-up (the
        // figures themselves are worked by hand in plan-service's ModalityComparisonTest and SimulatedCohortTest).
        await().atMost(EVENTUAL).untilAsserted(() -> {
            Response comparison = clinician.get("/api/v1/outcomes/modality-comparison?instrument=PHQ9");
            comparison.then().statusCode(200);
            assertThat(comparison.jsonPath().getString("caution")).containsIgnoringCase("observational");
            assertThat(comparison.jsonPath().getInt("rules.followUpMinimumDays")).isEqualTo(28);
            assertThat(comparison.jsonPath().<String>getList("exposures.exposure")).contains("PRESCRIBED", "ATTENDED");
            Integer noFollowUp = comparison.jsonPath().get("cohort.noFollowUp");
            List<String> suppressed = comparison.jsonPath().getList("cohort.suppressed");
            assertThat(noFollowUp != null ? noFollowUp >= 5 : suppressed != null && suppressed.contains("noFollowUp"))
                    .as("the five week-old episodes are excluded for want of a follow-up (or that count is suppressed)").isTrue();
        });
    }

    // --- steps ---------------------------------------------------------------------------------------------------

    private static String registerClinician(String name, boolean leadsGroups) {
        return scheduler.post("/api/v1/clinicians", Map.of("npi", TestData.npi(), "givenName", name, "familyName", "Lee",
                "credentials", List.of("LCSW"), "canLeadGroups", leadsGroups, "maxCaseload", 25))
                .then().statusCode(201).extract().path("id");
    }

    private static String registerPatient(String name, LocalDate admission) {
        return scheduler.post("/api/v1/patients", Map.of(
                "identifiers", List.of(Map.of("system", "urn:example:mrn", "value", "MRN-" + UUID.randomUUID())),
                "givenName", name, "familyName", "Diaz", "birthDate", "1990-04-02", "gender", "female",
                "track", "ADULT_SUD", "levelOfCare", "2.1", "admissionDate", admission.toString()))
                .then().statusCode(201).extract().path("id");
    }

    /** A patient with the group consent and an active plan with group hours. */
    private static String eligibleGroupPatient(String name, String clinicianId, LocalDate planStart) {
        String id = registerPatient(name, planStart);
        scheduler.post("/api/v1/patients/{id}/consents", Map.of("kind", "GROUP_PARTICIPATION", "signedOn", LocalDate.now(PROGRAM_ZONE).toString()), id)
                .then().statusCode(201);
        await().atMost(EVENTUAL).until(() -> {
            try {
                createActivePlan(id, clinicianId, planStart, modality(1, 60, 9), null);
                return true;
            } catch (AssertionError consentNotYetKnown) {
                return false;
            }
        });
        return id;
    }

    /** Creates a plan once plan-service knows the patient and clinician (eventual consistency), then activates it. */
    private static String createActivePlan(String patientId, String clinicianId, LocalDate start, Map<String, Object> modality,
                                           String justification) {
        return Plans.createActive(clinician, patientId, clinicianId, start, modality, justification);
    }

    private static String createIndividualSession(String clinicianId, String patientId, OffsetDateTime start, int minutes) {
        Map<String, Object> body = Map.of("type", "INDIVIDUAL", "clinicianId", clinicianId, "patientId", patientId,
                "start", start.toString(), "end", start.plusMinutes(minutes).toString(), "topic", "Individual therapy",
                "location", "TELEHEALTH");
        String[] id = new String[1];
        await().atMost(EVENTUAL).until(() -> {
            Response created = scheduler.post("/api/v1/sessions", body);
            if (created.statusCode() == 201) {
                id[0] = created.path("id");
                return true;
            }
            assertThat(created.statusCode()).as(created.asString()).isIn(422, 503); // not eligible yet, or read model still behind after its wait
            return false;
        });
        return id[0];
    }

    private static Response bookWhenEligible(String sessionId, String patientId, String expectedStatus) {
        Response[] booked = new Response[1];
        await().atMost(EVENTUAL).until(() -> {
            Response response = scheduler.post("/api/v1/sessions/{id}/participants", Map.of("patientId", patientId), sessionId);
            if (response.statusCode() == 201) {
                booked[0] = response;
                return true;
            }
            assertThat(response.statusCode()).as(response.asString()).isIn(422, 503); // not eligible yet, or read model still behind after its wait
            return false;
        });
        assertThat(booked[0].<String>path("status")).isEqualTo(expectedStatus);
        return booked[0];
    }

    private static Map<String, String> roster(String sessionId) {
        Response roster = scheduler.get("/api/v1/sessions/{id}/participants", sessionId);
        roster.then().statusCode(200);
        Map<String, String> statuses = new HashMap<>();
        for (Map<String, Object> entry : roster.jsonPath().<Map<String, Object>>getList("$")) {
            statuses.put((String) entry.get("patientId"), (String) entry.get("status"));
        }
        return statuses;
    }

    private static void recordAttendance(String sessionId, String patientId, int minutes) {
        clinician.put("/api/v1/sessions/{id}/attendance", Map.of("attendees",
                List.of(Map.of("patientId", patientId, "status", "ATTENDED", "minutesAttended", minutes, "note", "Engaged"))), sessionId)
                .then().statusCode(200);
    }

    /** A PHQ-9 taken at noon on {@code day}, or a minute ago when that noon is still ahead (the service refuses future answers). */
    private static void submitPhq9(String patientId, LocalDate day, int total) {
        List<Integer> answers = new ArrayList<>();
        int left = total;
        for (int item = 0; item < 9; item++) {
            int score = item == 8 ? 0 : Math.min(3, left);
            answers.add(score);
            left -= score;
        }
        OffsetDateTime noon = day.atTime(LocalTime.NOON).atZone(PROGRAM_ZONE).toOffsetDateTime();
        OffsetDateTime aMinuteAgo = OffsetDateTime.now(PROGRAM_ZONE).minusMinutes(1);
        OffsetDateTime takenAt = noon.isAfter(aMinuteAgo) ? aMinuteAgo : noon;
        clinician.post("/api/v1/assessments", Map.of("patientId", patientId, "instrument", "PHQ9", "answers", answers,
                "takenAt", takenAt.toString()))
                .then().statusCode(201);
    }

    private static Map<String, Object> modality(int individualSessions, int individualMinutes, double groupHours) {
        return Map.of("individualSessionsPerWeek", individualSessions, "individualSessionMinutes", individualMinutes,
                "groupHoursPerWeek", groupHours, "familySessionsPerWeek", 0);
    }

    private static LocalDate todayIndividualDate(OffsetDateTime now) {
        return now.minusMinutes(75).atZoneSameInstant(PROGRAM_ZONE).toLocalDate();
    }

    private static String isoWeek(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
