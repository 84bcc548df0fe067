package care.iop.participant;

import static care.iop.participant.Api.PATIENTS;
import static care.iop.participant.Api.as;
import static care.iop.participant.Api.asPatient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuditTest {

    @Inject
    AgroalDataSource ds;

    private long audited(UUID patientId, String action, String resourceType, String subject) {
        return Db.count(ds, """
                select count(*) from audit_event where patient_id = ? and action = ? and resource_type = ? and subject = ?
                and outcome = 'SUCCESS'""", patientId, action, resourceType, subject);
    }

    @Test
    void everyAccessToPatientDataIsAuditedWithSubjectActionAndPatient() {
        String mrn = Api.uniqueMrn();
        UUID id = UUID.fromString(as("integration").body(Api.patientBody(mrn, "Diaz", null, "ADULT_MH")).when().post(PATIENTS)
                .then().statusCode(201).extract().path("id"));
        as("clinician").when().get(PATIENTS + "/" + id).then().statusCode(200);
        as("scheduler").queryParam("identifier", Api.MRN + "|" + mrn).when().get(PATIENTS).then().statusCode(200);
        as("integration").header("If-Match", "\"0\"").body(Api.patientBody(mrn, "Changed", null, "ADULT_MH")).when().put(PATIENTS + "/" + id).then().statusCode(200);
        as("clinician").body("{\"groupComfort\":\"HESITANT\",\"preferredModality\":\"GROUP\"}").when().put(PATIENTS + "/" + id + "/preferences").then().statusCode(200);
        asPatient(id).when().get(PATIENTS + "/" + id + "/preferences").then().statusCode(200);
        as("admin").when().get(PATIENTS + "/" + id + "/preferences/history").then().statusCode(200);
        String consentId = as("scheduler").body("{\"kind\":\"TELEHEALTH\",\"signedOn\":\"2026-01-05\"}").when().post(PATIENTS + "/" + id + "/consents")
                .then().statusCode(201).extract().path("id");
        as("clinician").when().get(PATIENTS + "/" + id + "/consents").then().statusCode(200);
        as("clinician").when().post(PATIENTS + "/" + id + "/consents/" + consentId + "/revoke").then().statusCode(200);
        as("clinician").body("{\"reason\":\"Completed\",\"date\":\"2026-02-20\"}").when().post(PATIENTS + "/" + id + "/discharge").then().statusCode(200);

        assertThat(audited(id, "CREATE", "Patient", "test-integration")).isEqualTo(1);
        assertThat(audited(id, "READ", "Patient", "test-clinician")).isEqualTo(1);
        assertThat(audited(id, "SEARCH", "Patient", "test-scheduler")).isEqualTo(1);
        assertThat(audited(id, "UPDATE", "Patient", "test-integration")).isEqualTo(1);
        assertThat(audited(id, "UPDATE", "PatientPreferences", "test-clinician")).isEqualTo(1);
        assertThat(audited(id, "READ", "PatientPreferences", "test-patient-" + id)).isEqualTo(1);
        assertThat(audited(id, "READ", "PreferenceHistory", "test-admin")).isEqualTo(1);
        assertThat(audited(id, "CREATE", "Consent", "test-scheduler")).isEqualTo(1);
        assertThat(audited(id, "READ", "Consent", "test-clinician")).isEqualTo(1);
        assertThat(audited(id, "UPDATE", "Consent", "test-clinician")).isEqualTo(1);
        assertThat(audited(id, "UPDATE", "Patient", "test-clinician")).isEqualTo(1);

        as("admin").queryParam("patientId", id).queryParam("size", 100).when().get("/api/v1/audit").then().statusCode(200)
                .body("items.action", hasItem("CREATE"));
    }

    @Test
    void refusedAccessIsAuditedAsDenied() {
        UUID id = Api.newPatient();
        String requestId = "denied-" + UUID.randomUUID();
        as("integration").header("X-Request-Id", requestId).when().get(PATIENTS + "/" + id + "/consents").then().statusCode(403);
        assertThat(Db.count(ds, "select count(*) from audit_event where request_id = ? and outcome = 'DENIED'", requestId)).isEqualTo(1);
    }
}
