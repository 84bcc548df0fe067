package care.iop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.response.Response;

/** Treatment plans the system tests need: an SUD problem (F10.20), a PHQ-9 goal, the given modality mix. */
final class Plans {
    private Plans() {
    }

    /** Creates a plan once plan-service knows the patient and clinician (eventual consistency), then activates it. */
    static String createActive(Gateway clinician, String patientId, String clinicianId, LocalDate start, Map<String, Object> modality,
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
        clinician.put("/api/v1/plans/{id}/status", Map.of("status", "active", "reason", "Plan agreed with the patient"), id[0])
                .then().statusCode(200);
        return id[0];
    }
}
