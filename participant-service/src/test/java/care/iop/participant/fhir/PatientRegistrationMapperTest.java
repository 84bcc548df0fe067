package care.iop.participant.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;

import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

import care.iop.fhir.FhirException;
import care.iop.participant.domain.Gender;
import care.iop.participant.domain.Track;
import care.iop.participant.rest.IdentifierDto;
import care.iop.participant.rest.PatientRequest;

class PatientRegistrationMapperTest {
    private final PatientRegistrationMapper mapper = new PatientRegistrationMapper();

    static Patient ana() {
        Patient r = new Patient();
        r.addIdentifier().setSystem("urn:example:mrn").setValue("MRN-0001");
        r.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily("Diaz").addGiven("Ana").addGiven("Maria");
        r.setGender(AdministrativeGender.FEMALE);
        r.setBirthDateElement(new DateType("1990-04-02"));
        r.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("+1-555-0100");
        r.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("ana@example.org");
        r.addExtension(ParticipantFhirUrls.TRACK, new CodeType("ADULT_SUD"));
        r.addExtension(ParticipantFhirUrls.LEVEL_OF_CARE, new CodeType("2.1"));
        r.addExtension(ParticipantFhirUrls.ADMISSION_DATE, new DateType("2026-01-05"));
        return r;
    }

    @Test
    void readsTheRegistrationOfTheJsonApi() {
        PatientRequest request = mapper.toRegistration(ana(), null).request();

        assertThat(request.identifiers()).containsExactly(new IdentifierDto("urn:example:mrn", "MRN-0001"));
        assertThat(request.givenName()).isEqualTo("Ana Maria");
        assertThat(request.familyName()).isEqualTo("Diaz");
        assertThat(request.birthDate()).isEqualTo(LocalDate.of(1990, 4, 2));
        assertThat(request.gender()).isEqualTo(Gender.FEMALE);
        assertThat(request.track()).isEqualTo(Track.ADULT_SUD);
        assertThat(request.levelOfCare()).isEqualTo("2.1");
        assertThat(request.phone()).isEqualTo("+1-555-0100");
        assertThat(request.email()).isEqualTo("ana@example.org");
        assertThat(request.admissionDate()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(request.id()).isNull();
        assertThat(request.version()).isNull();
    }

    @Test
    void takesTheOfficialNameAndNamesItsElements() {
        Patient r = ana();
        r.getName().add(0, new HumanName().setUse(HumanName.NameUse.NICKNAME).setFamily("D").addGiven("Annie"));
        r.getTelecom().add(0, new ContactPoint().setSystem(ContactPoint.ContactPointSystem.FAX).setValue("+1-555-0199"));
        PatientRegistration registration = mapper.toRegistration(r, null);

        assertThat(registration.request().givenName()).isEqualTo("Ana Maria");
        assertThat(registration.expression("givenName")).isEqualTo("Patient.name[1].given");
        assertThat(registration.expression("familyName")).isEqualTo("Patient.name[1].family");
        assertThat(registration.expression("phone")).isEqualTo("Patient.telecom[1].value");
        assertThat(registration.expression("email")).isEqualTo("Patient.telecom[2].value");
        assertThat(registration.expression("birthDate")).isEqualTo("Patient.birthDate");
        assertThat(registration.expression("identifiers[0].system")).isEqualTo("Patient.identifier[0].system");
        assertThat(registration.expression("identifiers[3]")).isEqualTo("Patient.identifier[3]");
        assertThat(registration.expression("track")).isEqualTo("Patient.extension('" + ParticipantFhirUrls.TRACK + "')");
        assertThat(registration.expression("somethingElse")).isEqualTo("Patient");
    }

    @Test
    void missingNameAndPlacementAreLeftToTheRulesWithTheirPaths() {
        Patient r = ana();
        r.getName().clear();
        r.getExtension().clear();
        PatientRegistration registration = mapper.toRegistration(r, null);

        assertThat(registration.request().givenName()).isNull();
        assertThat(registration.request().familyName()).isNull();
        assertThat(registration.request().track()).isNull();
        assertThat(registration.request().levelOfCare()).isNull();
        assertThat(registration.expression("familyName")).isEqualTo("Patient.name");
        assertThat(registration.expression("levelOfCare")).isEqualTo("Patient.extension('" + ParticipantFhirUrls.LEVEL_OF_CARE + "')");
    }

    @Test
    void aPartialBirthDateIsRefusedAtTheElement() {
        Patient r = ana();
        r.setBirthDateElement(new DateType("1990-04"));

        assertThatThrownBy(() -> mapper.toRegistration(r, null)).isInstanceOfSatisfying(FhirException.class,
                e -> assertThat(e.expression()).isEqualTo("Patient.birthDate"));
    }

    @Test
    void anUnknownTrackIsRefusedAtItsExtension() {
        Patient r = ana();
        r.getExtensionByUrl(ParticipantFhirUrls.TRACK).setValue(new CodeType("ADULT"));

        assertThatThrownBy(() -> mapper.toRegistration(r, null)).isInstanceOfSatisfying(FhirException.class,
                e -> assertThat(e.expression()).isEqualTo("Patient.extension('" + ParticipantFhirUrls.TRACK + "')"));
    }

    @Test
    void aTrackOfTheWrongTypeIsRefused() {
        Patient r = ana();
        r.getExtensionByUrl(ParticipantFhirUrls.TRACK).setValue(new HumanName().setFamily("x"));

        assertThatThrownBy(() -> mapper.toRegistration(r, null)).isInstanceOfSatisfying(FhirException.class,
                e -> assertThat(e.expression()).isEqualTo("Patient.extension('" + ParticipantFhirUrls.TRACK + "').value"));
    }

    @Test
    void anAdmissionDateThatIsNotADateIsRefused() {
        Patient r = ana();
        r.getExtensionByUrl(ParticipantFhirUrls.ADMISSION_DATE).setValue(new StringType("soon"));

        assertThatThrownBy(() -> mapper.toRegistration(r, null)).isInstanceOfSatisfying(FhirException.class,
                e -> assertThat(e.expression()).isEqualTo("Patient.extension('" + ParticipantFhirUrls.ADMISSION_DATE + "')"));
    }

    @Test
    void theRegistryIdIsTheServersToGive() {
        Patient withId = ana();
        withId.addIdentifier().setSystem(ParticipantFhirUrls.PATIENT_ID_SYSTEM).setValue("x");
        assertThatThrownBy(() -> mapper.toRegistration(withId, null)).isInstanceOfSatisfying(FhirException.class,
                e -> assertThat(e.expression()).isEqualTo("Patient.identifier[1]"));
    }

    @Test
    void anUpdateMayCarryThePatientsOwnIdAndItsElementsKeepTheirIndex() {
        UUID self = UUID.randomUUID();
        Patient r = ana();
        r.getIdentifier().add(0, new org.hl7.fhir.r4.model.Identifier().setSystem(ParticipantFhirUrls.PATIENT_ID_SYSTEM).setValue(self.toString()));
        PatientRegistration registration = mapper.toRegistration(r, self);

        assertThat(registration.request().identifiers()).containsExactly(new IdentifierDto("urn:example:mrn", "MRN-0001"));
        assertThat(registration.expression("identifiers[0].value")).isEqualTo("Patient.identifier[1].value");
        assertThatThrownBy(() -> mapper.toRegistration(r, UUID.randomUUID())).isInstanceOf(FhirException.class);
    }

    @Test
    void readOnlyExtensionsBecomeTheRequestsReadOnlyFields() {
        Patient r = ana();
        r.addExtension(ParticipantFhirUrls.PROGRAM_STATUS, new CodeType("DISCHARGED"));
        r.addExtension(ParticipantFhirUrls.DISCHARGE_DATE, new DateType("2026-03-01"));
        r.addExtension(ParticipantFhirUrls.DISCHARGE_REASON, new CodeType("COMPLETED"));
        PatientRegistration registration = mapper.toRegistration(r, null);

        assertThat(registration.request().status()).isEqualTo(care.iop.participant.domain.PatientStatus.DISCHARGED);
        assertThat(registration.request().dischargedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(registration.request().dischargeReasonCode()).isEqualTo("COMPLETED");
        assertThat(registration.expression("status")).isEqualTo("Patient.extension('" + ParticipantFhirUrls.PROGRAM_STATUS + "')");

        r.getExtensionByUrl(ParticipantFhirUrls.PROGRAM_STATUS).setValue(new CodeType("GONE"));
        assertThatThrownBy(() -> mapper.toRegistration(r, null)).isInstanceOf(FhirException.class);
    }

    @Test
    void whatTheMapperWritesItReadsBack() {
        var stored = MapperFixtures.patient();
        Patient written = new PatientMapper().toFhir(stored);
        PatientRequest request = mapper.toRegistration(written, stored.id).request();

        assertThat(request.givenName()).isEqualTo(stored.givenName);
        assertThat(request.familyName()).isEqualTo(stored.familyName);
        assertThat(request.birthDate()).isEqualTo(stored.birthDate);
        assertThat(request.gender()).isEqualTo(stored.gender);
        assertThat(request.track()).isEqualTo(stored.track);
        assertThat(request.levelOfCare()).isEqualTo(stored.levelOfCare);
        assertThat(request.admissionDate()).isEqualTo(stored.admissionDate);
        assertThat(request.identifiers()).containsExactly(new IdentifierDto("urn:example:mrn", "MRN-0001"));
        assertThat(request.status()).isEqualTo(stored.status);
    }
}
