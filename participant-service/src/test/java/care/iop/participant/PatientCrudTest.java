package care.iop.participant;

import static care.iop.participant.Api.PATIENTS;
import static care.iop.participant.Api.as;
import static care.iop.participant.Api.assertProblem;
import static care.iop.participant.Api.patientBody;
import static care.iop.participant.Api.uniqueFamilyName;
import static care.iop.participant.Api.uniqueMrn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class PatientCrudTest {

    @Inject
    AgroalDataSource ds;

    @Test
    void registerAnswers201WithLocationStoredPatientAndEtag() {
        String mrn = uniqueMrn();
        ExtractableResponse<Response> created = as("integration").body(patientBody(mrn, "Diaz", "2026-11-30"))
                .when().post(PATIENTS)
                .then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("ACTIVE"))
                .body("version", equalTo(0))
                .body("identifiers[0].system", equalTo("urn:example:mrn"))
                .body("identifiers[0].value", equalTo(mrn))
                .body("gender", equalTo("female"))
                .body("levelOfCare", equalTo("2.1"))
                .body("track", equalTo("ADULT_SUD"))
                .body("admissionDate", equalTo("2026-11-30"))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(PATIENTS + "/" + id);

        as("clinician").when().get(PATIENTS + "/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo(id))
                .body("givenName", equalTo("Ana"))
                .body("birthDate", equalTo("1990-04-02"))
                .body("email", equalTo("ana@example.org"));
        assertThat(Db.count(ds, "select count(*) from patient where id = ?", UUID.fromString(id))).isEqualTo(1);
    }

    @Test
    void patientWithoutAdmissionDateIsReferredAndBecomesActiveWhenAdmitted() {
        String mrn = uniqueMrn();
        String family = uniqueFamilyName();
        String id = as("scheduler").body(patientBody(mrn, family, null)).when().post(PATIENTS)
                .then().statusCode(201).body("status", equalTo("REFERRED")).body("admissionDate", nullValue())
                .extract().path("id");

        as("scheduler").header("If-Match", "\"0\"").body(patientBody(mrn, family, "2026-12-01"))
                .when().put(PATIENTS + "/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("status", equalTo("ACTIVE"))
                .body("version", equalTo(1));
    }

    @Test
    void secondPatientWithSameIdentifierIs409AndNotStored() {
        String mrn = uniqueMrn();
        String family = uniqueFamilyName();
        as("scheduler").body(patientBody(mrn, "Diaz", null)).when().post(PATIENTS).then().statusCode(201);

        assertProblem(as("scheduler").body(patientBody(mrn, family, null)).when().post(PATIENTS).then(), 409, null)
                .body("detail", equalTo("Identifier urn:example:mrn|" + mrn + " already names another patient"));
        assertThat(Db.count(ds, "select count(*) from patient where family_name = ?", family)).isZero();
        assertThat(Db.count(ds, "select count(*) from outbox o join patient p on o.aggregate_id = p.id::text where p.family_name = ?", family)).isZero();
    }

    @Test
    void updateTakingAnotherPatientsIdentifierIs409() {
        String taken = uniqueMrn();
        as("scheduler").body(patientBody(taken, "Diaz", null)).when().post(PATIENTS).then().statusCode(201);
        String mine = uniqueMrn();
        String id = as("scheduler").body(patientBody(mine, "Diaz", null)).when().post(PATIENTS).then().statusCode(201).extract().path("id");

        assertProblem(as("scheduler").header("If-Match", "\"0\"").body(patientBody(taken, "Diaz", null))
                .when().put(PATIENTS + "/" + id).then(), 409, null)
                .body("detail", equalTo("Identifier urn:example:mrn|" + taken + " already names another patient"));
        as("scheduler").when().get(PATIENTS + "/" + id).then().statusCode(200)
                .body("identifiers[0].value", equalTo(mine)).header("ETag", equalTo("\"0\""));
    }

    @Test
    void updateKeepingOwnIdentifierAndChangingNameSucceeds() {
        String mrn = uniqueMrn();
        String id = as("scheduler").body(patientBody(mrn, "Diaz", null)).when().post(PATIENTS).then().statusCode(201).extract().path("id");
        String renamed = uniqueFamilyName();
        as("clinician").header("If-Match", "\"0\"").body(patientBody(mrn, renamed, null)).when().put(PATIENTS + "/" + id)
                .then().statusCode(200).body("familyName", equalTo(renamed)).body("identifiers[0].value", equalTo(mrn));
    }

    @Test
    void updateWithoutIfMatchIs428AndWithStaleIfMatchIs412() {
        String mrn = uniqueMrn();
        String id = as("scheduler").body(patientBody(mrn, "Diaz", null)).when().post(PATIENTS).then().statusCode(201).extract().path("id");
        as("scheduler").header("If-Match", "\"0\"").body(patientBody(mrn, "Changed", null)).when().put(PATIENTS + "/" + id)
                .then().statusCode(200);

        assertProblem(as("scheduler").body(patientBody(mrn, "Again", null)).when().put(PATIENTS + "/" + id).then(), 428, null);
        assertProblem(as("scheduler").header("If-Match", "\"0\"").body(patientBody(mrn, "Again", null)).when().put(PATIENTS + "/" + id).then(), 412, null);
        as("scheduler").when().get(PATIENTS + "/" + id).then().body("familyName", equalTo("Changed")).header("ETag", equalTo("\"1\""));
    }

    @Test
    void unchangedUpdateKeepsTheVersion() {
        String mrn = uniqueMrn();
        String body = patientBody(mrn, "Diaz", null);
        String id = as("scheduler").body(body).when().post(PATIENTS).then().statusCode(201).extract().path("id");
        as("scheduler").header("If-Match", "\"0\"").body(body).when().put(PATIENTS + "/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"0\""));
    }

    @Test
    void unknownPatientIs404() {
        UUID id = UUID.randomUUID();
        assertProblem(as("admin").when().get(PATIENTS + "/" + id).then(), 404, null);
        assertProblem(as("admin").header("If-Match", "\"0\"").body(patientBody(uniqueMrn(), "Diaz", null)).when().put(PATIENTS + "/" + id).then(), 404, null);
        assertProblem(as("admin").body("{\"reason\":\"x\",\"date\":\"2026-01-01\"}").when().post(PATIENTS + "/" + id + "/discharge").then(), 404, null);
        assertProblem(as("admin").when().get(PATIENTS + "/not-a-uuid").then(), 400, "id");
    }

    @Test
    void dischargeSetsStatusAndDateOnceOnly() {
        String id = Api.newPatient().toString();
        as("clinician").body("{\"reason\":\"Completed program\",\"date\":\"2026-02-20\"}").when().post(PATIENTS + "/" + id + "/discharge")
                .then().statusCode(200)
                .body("status", equalTo("DISCHARGED"))
                .body("dischargedOn", equalTo("2026-02-20"))
                .body("dischargeReason", equalTo("Completed program"))
                .body("dischargeReasonCode", equalTo("OTHER"))
                .header("ETag", equalTo("\"1\""));

        assertProblem(as("clinician").body("{\"reason\":\"Again\",\"date\":\"2026-02-21\"}").when().post(PATIENTS + "/" + id + "/discharge").then(), 409, null);
        // A later PUT corrects demographics but never reopens the patient.
        String mrn = as("admin").when().get(PATIENTS + "/" + id).then().extract().path("identifiers[0].value");
        as("admin").header("If-Match", "\"1\"").body(patientBody(mrn, "Corrected", "2026-01-05")).when().put(PATIENTS + "/" + id)
                .then().statusCode(200).body("status", equalTo("DISCHARGED"));
    }

    @Test
    void dischargeKeepsItsCodedReason() {
        String id = Api.newPatient().toString();
        as("clinician").body("{\"reason\":\"Stopped coming after week 3\",\"date\":\"2026-02-20\",\"reasonCode\":\"NON_ATTENDANCE\"}")
                .when().post(PATIENTS + "/" + id + "/discharge").then().statusCode(200)
                .body("dischargeReasonCode", equalTo("NON_ATTENDANCE"));
        as("admin").when().get(PATIENTS + "/" + id).then().body("dischargeReasonCode", equalTo("NON_ATTENDANCE"));
    }

    @Test
    void dischargeValidatesReasonAndDate() {
        String id = Api.newPatient().toString();
        String path = PATIENTS + "/" + id + "/discharge";
        assertProblem(as("clinician").body("{\"date\":\"2026-02-20\"}").when().post(path).then(), 400, "reason");
        assertProblem(as("clinician").body("{\"reason\":\"x\"}").when().post(path).then(), 400, "date");
        assertProblem(as("clinician").body("{\"reason\":\"x\",\"date\":\"2999-01-01\"}").when().post(path).then(), 400, "date");
        assertProblem(as("clinician").body("{\"reason\":\"x\",\"date\":\"-10000-01-01\"}").when().post(path).then(), 400, "date");
        assertProblem(as("clinician").body("{\"reason\":\"x\",\"date\":\"2025-12-31\"}").when().post(path).then(), 422, "date");
        assertProblem(as("clinician").body("{\"reason\":\"x\",\"date\":\"2026-02-20\",\"reasonCode\":\"FINISHED\"}").when().post(path).then(),
                400, "reasonCode");
        as("admin").when().get(PATIENTS + "/" + id).then().body("status", equalTo("ACTIVE")).header("ETag", endsWith("0\""));
    }
}
