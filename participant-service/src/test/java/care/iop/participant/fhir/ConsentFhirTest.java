package care.iop.participant.fhir;

import static care.iop.participant.fhir.FhirApi.BASE;
import static care.iop.participant.fhir.FhirApi.as;
import static care.iop.participant.fhir.FhirApi.assertOutcome;
import static care.iop.participant.fhir.FhirApi.assertValid;
import static care.iop.participant.fhir.FhirApi.bundle;
import static care.iop.participant.fhir.FhirApi.matches;
import static care.iop.participant.fhir.FhirApi.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.Test;

import care.iop.fhir.Part2Labels;
import care.iop.participant.Api;
import care.iop.participant.Db;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** FHIR Consent: read, vread, search by patient and status with _include, Part 2 labels on disclosure consents. */
@QuarkusTest
class ConsentFhirTest {
    static final String SCOPE = "user/Consent.rs user/Patient.rs";
    /** A PART2_DISCLOSURE to client {@code riverside-ehr}, for a year from today. */
    static final String PART2 = """
            {"kind":"PART2_DISCLOSURE","signedOn":"2026-01-05","expiresOn":"%s","recipient":"Riverside County Probation",
             "recipientId":"riverside-ehr","purposes":["TREATMENT","PAYMENT"]}""".formatted(java.time.LocalDate.now().plusYears(1));
    static final String TELEHEALTH = "{\"kind\":\"TELEHEALTH\",\"signedOn\":\"2026-01-05\"}";

    @Inject
    AgroalDataSource ds;

    static String grant(UUID patientId, String body) {
        return Api.as("clinician").body(body).post(Api.PATIENTS + "/" + patientId + "/consents").then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification staff() {
        return as("clinician", SCOPE);
    }

    @Test
    void aPart2DisclosureReadsWithItsLabelsAndValidates() {
        UUID patient = Api.newPatient();
        String id = grant(patient, PART2);
        Response read = staff().get(BASE + "/Consent/" + id);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("W/\"0\"");
        Consent consent = parse(Consent.class, read);
        assertThat(consent.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        assertThat(consent.getPatient().getReference()).isEqualTo("Patient/" + patient);
        assertThat(consent.getProvision().getActorFirstRep().getReference().getIdentifier().getValue()).isEqualTo("riverside-ehr");
        assertThat(Part2Labels.isLabelled(consent)).isTrue();
        assertThat(consent.getMeta().getSecurity()).extracting(c -> c.getCode()).contains("R", "ETH", "42CFRPart2", "NORDSCLCD");
        assertValid(consent, null);
        assertThat(Db.count(ds, "select count(*) from audit_event where patient_id = ? and action = 'READ' and resource_type = 'Consent'"
                + " and resource_id = ?", patient, id)).isEqualTo(1);
    }

    @Test
    void aRevocationIsANewVersionAndMakesItInactive() {
        UUID patient = Api.newPatient();
        String id = grant(patient, TELEHEALTH);
        Api.as("clinician").body("{\"reason\":\"moved\"}").post(Api.PATIENTS + "/" + patient + "/consents/" + id + "/revoke").then().statusCode(200);
        Response read = staff().get(BASE + "/Consent/" + id);

        assertThat(read.header("ETag")).isEqualTo("W/\"1\"");
        Consent consent = parse(Consent.class, read);
        assertThat(consent.getStatus()).isEqualTo(Consent.ConsentState.INACTIVE);
        assertThat(Part2Labels.isLabelled(consent)).isFalse();
        assertThat(read.asString()).doesNotContain("moved");
        assertValid(consent, null);
        assertThat(staff().get(BASE + "/Consent/" + id + "/_history/1").statusCode()).isEqualTo(200);
        assertOutcome(staff().get(BASE + "/Consent/" + id + "/_history/0"), 404, null);
        assertOutcome(staff().get(BASE + "/Consent/" + UUID.randomUUID()), 404, null);
    }

    @Test
    void searchByPatientAndStatusIncludingThePatient() {
        UUID patient = Api.newPatient();
        String part2 = grant(patient, PART2);
        String telehealth = grant(patient, TELEHEALTH);
        Api.as("clinician").body("{}").post(Api.PATIENTS + "/" + patient + "/consents/" + telehealth + "/revoke").then().statusCode(200);
        UUID otherPatient = Api.newPatient();
        grant(otherPatient, TELEHEALTH);

        Bundle all = bundle(staff().queryParam("patient", "Patient/" + patient).get(BASE + "/Consent"));
        assertThat(matches(all)).containsExactly(part2, telehealth);
        assertThat(matches(bundle(staff().queryParam("patient", patient.toString()).queryParam("status", "active").get(BASE + "/Consent"))))
                .containsExactly(part2);
        assertThat(matches(bundle(staff().queryParam("patient", patient.toString()).queryParam("status", "inactive").get(BASE + "/Consent"))))
                .containsExactly(telehealth);
        assertThat(matches(bundle(staff().queryParam("patient", patient.toString()).queryParam("status", "draft").get(BASE + "/Consent"))))
                .isEmpty();
        assertThat(matches(bundle(staff().queryParam("patient", patient.toString()).queryParam("_id", telehealth).get(BASE + "/Consent"))))
                .containsExactly(telehealth);
        assertThat(matches(bundle(staff().queryParam("patient", patient.toString()).queryParam("_lastUpdated", "lt2000-01-01").get(BASE + "/Consent"))))
                .isEmpty();

        Bundle paged = bundle(staff().queryParam("patient", patient.toString()).queryParam("_count", 1).get(BASE + "/Consent"));
        assertThat(paged.getTotal()).isEqualTo(2);
        assertThat(matches(paged)).containsExactly(part2);
        assertThat(paged.getLink("next").getUrl()).contains("_offset=1");

        Bundle included = bundle(staff().queryParam("patient", patient.toString()).queryParam("_include", "Consent:patient").get(BASE + "/Consent"));
        assertThat(included.getEntry()).filteredOn(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE)
                .extracting(e -> e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart())
                .containsExactly("Patient/" + patient);
        assertValid(included, null);
    }

    @Test
    void aSearchNamesItsPatientAndStrictValues() {
        assertOutcome(staff().get(BASE + "/Consent"), 400, "patient");
        assertOutcome(staff().queryParam("patient", "Practitioner/" + UUID.randomUUID()).get(BASE + "/Consent"), 400, "patient");
        assertOutcome(staff().queryParam("patient", UUID.randomUUID().toString()).queryParam("status", "revoked").get(BASE + "/Consent"), 400, "status");
        assertOutcome(staff().queryParam("patient", UUID.randomUUID().toString()).get(BASE + "/Consent"), 404, null);
    }

    @Test
    void callersOutsideTheProgramReadNoConsents() {
        UUID patient = Api.newPatient();
        String id = grant(patient, TELEHEALTH);
        assertOutcome(as("integration", "system/*.rs").get(BASE + "/Consent/" + id), 403, null);
        assertOutcome(as("integration", "system/*.rs").queryParam("patient", patient.toString()).get(BASE + "/Consent"), 403, null);
    }
}
