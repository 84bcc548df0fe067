package care.iop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.response.Response;

/** Treatment plans the system tests need: an SUD problem (F10.20), a PHQ-9 goal, the given modality mix. */
final class Plans {
    static final String SIGNATURES = "/api/v1/plans/{id}/versions/{number}/signatures";

    private Plans() {
    }

    /** Creates a plan once plan-service knows the patient and clinician (eventual consistency), signs it and activates it. */
    static String createActive(Gateway clinician, String patientId, String clinicianId, LocalDate start, Map<String, Object> modality,
                               String justification) {
        String id = createDraft(clinician, patientId, clinicianId, start, modality, justification);
        signInPerson(clinician, id, clinicianId);
        activate(clinician, id);
        return id;
    }

    /** Creates a draft plan once plan-service knows the patient and clinician (eventual consistency). */
    static String createDraft(Gateway clinician, String patientId, String clinicianId, LocalDate start, Map<String, Object> modality,
                              String justification) {
        Map<String, Object> body = new HashMap<>(Map.of("patientId", patientId, "primaryClinicianId", clinicianId, "levelOfCare", "2.1",
                "startDate", start.toString(), "durationWeeks", 12, "reviewIntervalDays", 30,
                "problems", List.of(Map.of("code", "F10.20", "display", "Alcohol use disorder, moderate")),
                "goals", List.of(Map.of("description", "Reduce depressive symptoms",
                        "measure", Map.of("instrument", "PHQ9", "target", 5, "dueDate", start.plusWeeks(12).toString()))),
                "modality", modality, "rationale", "Tailored to group comfort"));
        if (justification != null) {
            body.put("belowMinimumJustification", justification);
        }
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Response created = clinician.post("/api/v1/plans", body);
            if (created.statusCode() == 201) {
                id[0] = created.path("id");
                return true;
            }
            assertThat(created.statusCode()).as(created.asString()).isIn(422, 503); // consent not known yet, or read model behind after its wait
            return false;
        });
        return id[0];
    }

    /**
     * Signs the plan's current version: the patient in person (recorded by {@code staff}) and the author with the primary
     * clinician's own token ({@code clinician_id}).
     */
    static void signInPerson(Gateway staff, String planId, String clinicianId) {
        int version = currentVersion(staff, planId);
        staff.post(SIGNATURES, Map.of("role", "patient", "method", "in-person", "signerName", "Test Patient"), planId, version)
                .then().statusCode(201);
        author(clinicianId).post(SIGNATURES, Map.of("role", "author", "method", "electronic"), planId, version)
                .then().statusCode(201).body("state", org.hamcrest.Matchers.equalTo("signed"));
    }

    /** The plan's latest version (numbers may be read as doubles: JourneyIT's JSON config). */
    static int currentVersion(Gateway reader, String planId) {
        return ((Number) reader.get("/api/v1/plans/{id}", planId).then().statusCode(200).extract().path("currentVersion")).intValue();
    }

    /** The gateway as the clinician themself (their token carries {@code clinician_id}). */
    static Gateway author(String clinicianId) {
        try {
            SystemStack system = SystemStack.get();
            return new Gateway(system.gatewayUrl(), system.clinicianToken(UUID.fromString(clinicianId)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void activate(Gateway clinician, String planId) {
        clinician.put("/api/v1/plans/{id}/status", Map.of("status", "active", "reason", "Plan agreed with the patient"), planId)
                .then().statusCode(200);
    }
}
