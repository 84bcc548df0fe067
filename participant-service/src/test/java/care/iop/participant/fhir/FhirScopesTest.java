package care.iop.participant.fhir;

import static care.iop.participant.fhir.FhirApi.BASE;
import static care.iop.participant.fhir.FhirApi.as;
import static care.iop.participant.fhir.FhirApi.asPatient;
import static care.iop.participant.fhir.FhirApi.assertOutcome;
import static care.iop.participant.fhir.FhirApi.bundle;
import static care.iop.participant.fhir.FhirApi.json;
import static care.iop.participant.fhir.FhirApi.matches;
import static care.iop.participant.fhir.FhirApi.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

import care.iop.participant.Api;
import care.iop.participant.Db;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** SMART scopes on every interaction (403 OperationOutcome without one), roles as in the JSON API, patient/ scopes own data only. */
@QuarkusTest
class FhirScopesTest {

    @Inject
    AgroalDataSource ds;

    @Test
    void withoutAScopeCoveringTheInteractionIs403() {
        UUID id = Api.newPatient();
        OperationOutcome none = assertOutcome(as("clinician", null).get(BASE + "/Patient/" + id), 403, null);
        assertThat(none.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
        assertThat(none.getIssueFirstRep().getDiagnostics()).contains("Patient");
        assertOutcome(as("clinician", "user/Observation.rs").get(BASE + "/Patient/" + id), 403, null);
        assertOutcome(as("clinician", "user/Patient.s").get(BASE + "/Patient/" + id), 403, null);
        assertOutcome(as("clinician", "user/Patient.r").get(BASE + "/Patient"), 403, null);
        assertOutcome(as("scheduler", "user/Patient.rs").body(json(PatientFhirTest.newPatient(Api.uniqueMrn(), "Diaz"))).post(BASE + "/Patient"),
                403, null);
        assertOutcome(as("scheduler", "user/Patient.crs").header("If-Match", "W/\"0\"").body("{\"resourceType\":\"Patient\",\"id\":\"" + id + "\"}")
                .put(BASE + "/Patient/" + id), 403, null);
        assertOutcome(as("clinician", "user/Patient.rs").get(BASE + "/Consent?patient=" + id), 403, null);
        assertOutcome(as("clinician", "user/Patient.rs").get(BASE + "/PractitionerRole"), 403, null);
        assertOutcome(as("clinician", "patient/Patient.rs").get(BASE + "/Patient/" + id), 403, null);
        assertThat(Db.count(ds, "select count(*) from audit_event where patient_id = ? and action = 'READ'", id)).isZero();
    }

    @Test
    void v1AndV2ScopesAndWildcardsGrant() {
        UUID id = Api.newPatient();
        assertThat(as("clinician", "user/Patient.read").get(BASE + "/Patient/" + id).statusCode()).isEqualTo(200);
        assertThat(as("clinician", "user/*.rs").get(BASE + "/Patient/" + id).statusCode()).isEqualTo(200);
        assertThat(as("integration", "system/Patient.rs").get(BASE + "/Patient/" + id).statusCode()).isEqualTo(200);
        assertThat(as("integration", "system/*.*").get(BASE + "/Patient/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void rolesStillApplyAsInTheJsonApi() {
        UUID id = Api.newPatient();
        assertOutcome(as("integration", "system/*.cruds").queryParam("patient", id.toString()).get(BASE + "/Consent"), 403, null);
        assertOutcome(as("integration", "system/*.cruds").get(BASE + "/Practitioner"), 403, null);
        assertOutcome(asPatient(id, "patient/*.cruds").get(BASE + "/Patient"), 403, null);
        assertOutcome(asPatient(id, "patient/*.cruds").body(json(PatientFhirTest.newPatient(Api.uniqueMrn(), "Diaz"))).post(BASE + "/Patient"), 403, null);
    }

    @Test
    void aPatientTokenSeesItsOwnPatientAndConsentsOnly() {
        UUID own = Api.newPatient();
        UUID other = Api.newPatient();
        String ownConsent = ConsentFhirTest.grant(own, ConsentFhirTest.TELEHEALTH);
        String otherConsent = ConsentFhirTest.grant(other, ConsentFhirTest.TELEHEALTH);
        String scope = "patient/Patient.rs patient/Consent.rs";

        assertThat(parse(Patient.class, asPatient(own, scope).get(BASE + "/Patient/" + own)).getIdPart()).isEqualTo(own.toString());
        assertOutcome(asPatient(own, scope).get(BASE + "/Patient/" + other), 404, null);
        assertOutcome(asPatient(own, scope).get(BASE + "/Patient/" + other + "/_history/0"), 404, null);
        assertThat(asPatient(own, scope).get(BASE + "/Consent/" + ownConsent).statusCode()).isEqualTo(200);
        assertOutcome(asPatient(own, scope).get(BASE + "/Consent/" + otherConsent), 404, null);
        assertThat(matches(bundle(asPatient(own, scope).get(BASE + "/Consent")))).containsExactly(ownConsent);
        assertThat(matches(bundle(asPatient(own, scope).queryParam("patient", "Patient/" + own).get(BASE + "/Consent")))).containsExactly(ownConsent);
        assertOutcome(asPatient(own, scope).queryParam("patient", "Patient/" + other).get(BASE + "/Consent"), 404, null);
        assertThat(Db.count(ds, "select count(*) from audit_event where patient_id = ? and outcome = 'DENIED' and subject = ?", other,
                "test-patient-" + own)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void staffCannotUsePatientScopesNorPatientsUserScopes() {
        UUID own = Api.newPatient();
        assertOutcome(asPatient(own, "user/Patient.rs").get(BASE + "/Patient/" + own), 403, null);
        assertOutcome(asPatient(own, "system/Patient.rs").get(BASE + "/Patient/" + own), 403, null);
    }
}
