package care.iop.fhir;

import care.iop.testing.FhirValidation;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The validator harness the services' FHIR tests rely on finds real errors and passes a valid US Core Patient. */
class ValidationHarnessTest {
    private static final String US_CORE_PATIENT = FhirValidation.US_CORE + "us-core-patient";

    @Test
    void aPatientWithoutIdentifierFailsUsCore() {
        FhirValidation.assumeAvailable();
        Patient patient = new Patient().setGender(AdministrativeGender.FEMALE);
        patient.addName().setFamily("Rivera").addGiven("Ana");
        assertThat(FhirValidation.validate(patient, US_CORE_PATIENT)).anyMatch(m -> m.contains("Patient.identifier"));
    }

    @Test
    void aMinimalUsCorePatientIsValid() {
        FhirValidation.assumeAvailable();
        Patient patient = new Patient().setGender(AdministrativeGender.FEMALE);
        patient.setId("7f1f3c9e-0000-4000-8000-000000000001");
        patient.addIdentifier().setSystem("https://iop.care/fhir/sid/mrn").setValue("MRN-1");
        patient.addName().setFamily("Rivera").addGiven("Ana");
        assertThat(FhirValidation.validate(patient, US_CORE_PATIENT)).isEmpty();
    }
}
