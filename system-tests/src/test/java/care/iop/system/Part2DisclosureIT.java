package care.iop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * 42 CFR Part 2 across the whole stack, through the gateway only: an EHR (an {@code integration} client) sees
 * nothing of an SUD patient in any service until the patient consents to disclosure to that EHR; then every
 * service answers with the re-disclosure notice; a revocation takes effect in every service.
 */
class Part2DisclosureIT {
    private static final ZoneId PROGRAM_ZONE = ZoneId.of("America/New_York");
    private static final Duration EVENTUAL = Duration.ofSeconds(60);
    private static final String NOTICE_HEADER = "Part2-Notice";

    private static Gateway scheduler;
    private static Gateway clinician;
    private static Gateway ehr;
    private static Gateway otherEhr;

    @BeforeAll
    static void start() throws Exception {
        SystemStack system = SystemStack.get();
        scheduler = new Gateway(system.gatewayUrl(), system.token("scheduler"));
        clinician = new Gateway(system.gatewayUrl(), system.token("clinician"));
        ehr = new Gateway(system.gatewayUrl(), system.clientToken("integration", "ehr-riverside", Map.of()));
        otherEhr = new Gateway(system.gatewayUrl(), system.clientToken("integration", "ehr-elsewhere", Map.of()));
    }

    @Test
    void anSudPatientsRecordsLeaveOnlyWithConsentEverywhere() {
        LocalDate today = LocalDate.now(PROGRAM_ZONE);
        String therapist = scheduler.post("/api/v1/clinicians", Map.of("npi", TestData.npi(), "givenName", "Robin", "familyName", "Hale",
                "credentials", List.of("LCSW"), "canLeadGroups", true, "maxCaseload", 25)).then().statusCode(201).extract().path("id");
        String mrn = "MRN-" + UUID.randomUUID();
        String patient = scheduler.post("/api/v1/patients", Map.of(
                "identifiers", List.of(Map.of("system", "urn:example:mrn", "value", mrn)),
                "givenName", "Noor", "familyName", "Part2", "birthDate", "1988-02-03", "gender", "female",
                "track", "ADULT_SUD", "levelOfCare", "2.1", "admissionDate", today.toString()))
                .then().statusCode(201).extract().path("id");
        String plan = Plans.createActive(clinician, patient, therapist, today, Map.of("individualSessionsPerWeek", 3,
                "individualSessionMinutes", 180, "groupHoursPerWeek", 0, "familySessionsPerWeek", 0), "Individual work first");
        OffsetDateTime start = today.plusDays(2).atTime(LocalTime.of(10, 0)).atZone(PROGRAM_ZONE).toOffsetDateTime();
        await().atMost(EVENTUAL).until(() -> scheduler.post("/api/v1/sessions", Map.of("type", "INDIVIDUAL", "clinicianId", therapist,
                "patientId", patient, "start", start.toString(), "end", start.plusMinutes(50).toString(), "topic", "Individual therapy",
                "location", "Room 2")).statusCode() == 201);
        String schedule = "/api/v1/schedules/patients/" + patient + "?from=" + today + "T00:00:00Z&to=" + today.plusDays(7) + "T00:00:00Z";

        // Without consent: as if the patient did not exist, in every service.
        ehr.get("/api/v1/patients/{id}", patient).then().statusCode(404).contentType("application/problem+json");
        // No SUD patient of any system test has consented to this EHR: the SUD list is empty, its total too.
        ehr.get("/api/v1/patients?track=ADULT_SUD").then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));
        ehr.get("/api/v1/plans/{id}", plan).then().statusCode(404);
        ehr.get(schedule).then().statusCode(404);

        // The patient consents to disclosure to this EHR, for treatment: every service learns it from the event.
        String consent = scheduler.post("/api/v1/patients/{id}/consents", Map.of("kind", "PART2_DISCLOSURE", "signedOn", today.toString(),
                "expiresOn", today.plusMonths(6).toString(), "recipient", "Riverside Health EHR", "recipientId", "ehr-riverside",
                "purposes", List.of("TREATMENT")), patient).then().statusCode(201).extract().path("id");
        Response read = ehr.get("/api/v1/patients/{id}", patient);
        read.then().statusCode(200);
        assertThat(read.getHeader(NOTICE_HEADER)).contains("42 CFR part 2");
        assertThat(read.<String>path("part2Notice")).contains("42 CFR part 2");
        ehr.get("/api/v1/patients?track=ADULT_SUD").then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].id", org.hamcrest.Matchers.equalTo(patient));
        await().atMost(EVENTUAL).untilAsserted(() -> {
            Response planRead = ehr.get("/api/v1/plans/{id}", plan);
            planRead.then().statusCode(200);
            assertThat(planRead.getHeader(NOTICE_HEADER)).contains("42 CFR part 2");
        });
        await().atMost(EVENTUAL).untilAsserted(() -> {
            Response agenda = ehr.get(schedule);
            agenda.then().statusCode(200);
            assertThat(agenda.getHeader(NOTICE_HEADER)).contains("42 CFR part 2");
        });
        // The consent names one recipient: another EHR still sees nothing.
        otherEhr.get("/api/v1/patients/{id}", patient).then().statusCode(404);
        otherEhr.get("/api/v1/plans/{id}", plan).then().statusCode(404);

        // Revocation takes effect in every service.
        scheduler.post("/api/v1/patients/{id}/consents/{consentId}/revoke", Map.of("reason", "Patient withdrew consent"), patient, consent)
                .then().statusCode(200);
        ehr.get("/api/v1/patients/{id}", patient).then().statusCode(404);
        await().atMost(EVENTUAL).until(() -> ehr.get("/api/v1/plans/{id}", plan).statusCode() == 404);
        await().atMost(EVENTUAL).until(() -> ehr.get(schedule).statusCode() == 404);
    }
}
