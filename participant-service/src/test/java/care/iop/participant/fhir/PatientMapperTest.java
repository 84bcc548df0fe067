package care.iop.participant.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

import care.iop.participant.domain.PatientStatus;

class PatientMapperTest {
    private final PatientMapper mapper = new PatientMapper();

    @Test
    void mapsDemographicsIdentifiersAndPlacement() {
        var p = MapperFixtures.patient();
        Patient r = mapper.toFhir(p);

        assertThat(r.getIdPart()).isEqualTo(p.id.toString());
        assertThat(r.getMeta().getVersionId()).isEqualTo("3");
        assertThat(r.getMeta().getLastUpdated().toInstant()).isEqualTo(MapperFixtures.UPDATED);
        assertThat(r.getMeta().hasProfile(ParticipantFhirUrls.US_CORE_PATIENT)).isTrue();
        assertThat(r.getIdentifier()).extracting(i -> i.getSystem() + "|" + i.getValue())
                .containsExactly(ParticipantFhirUrls.PATIENT_ID_SYSTEM + "|" + p.id, "urn:example:mrn|MRN-0001");
        assertThat(r.getNameFirstRep().getFamily()).isEqualTo("Diaz");
        assertThat(r.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Ana");
        assertThat(r.getGender()).isEqualTo(AdministrativeGender.FEMALE);
        assertThat(r.getBirthDateElement().getValueAsString()).isEqualTo("1990-04-02");
        assertThat(r.getTelecom()).extracting(ContactPoint::getSystem, ContactPoint::getValue).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ContactPoint.ContactPointSystem.PHONE, "+1-555-0100"),
                org.assertj.core.groups.Tuple.tuple(ContactPoint.ContactPointSystem.EMAIL, "ana@example.org"));
        assertThat(r.getActive()).isTrue();
        assertThat(code(r, ParticipantFhirUrls.TRACK)).isEqualTo("ADULT_SUD");
        assertThat(code(r, ParticipantFhirUrls.LEVEL_OF_CARE)).isEqualTo("2.1");
        assertThat(code(r, ParticipantFhirUrls.PROGRAM_STATUS)).isEqualTo("ACTIVE");
        assertThat(((DateType) r.getExtensionByUrl(ParticipantFhirUrls.ADMISSION_DATE).getValue()).getValueAsString()).isEqualTo("2026-01-05");
        assertThat(r.getExtensionByUrl(ParticipantFhirUrls.DISCHARGE_DATE)).isNull();
    }

    @Test
    void genderNotRecordedIsUnknownAndContactsAreOptional() {
        var p = MapperFixtures.patient();
        p.gender = null;
        p.phone = null;
        p.email = null;
        Patient r = mapper.toFhir(p);

        assertThat(r.getGender()).isEqualTo(AdministrativeGender.UNKNOWN);
        assertThat(r.getTelecom()).isEmpty();
    }

    @Test
    void aDischargedPatientIsInactiveWithDateAndCodedReason() {
        var p = MapperFixtures.patient();
        p.status = PatientStatus.DISCHARGED;
        p.dischargedOn = LocalDate.of(2026, 3, 1);
        p.dischargeReason = "moved away";
        p.dischargeReasonCode = "TRANSFERRED";
        Patient r = mapper.toFhir(p);

        assertThat(r.getActive()).isFalse();
        assertThat(code(r, ParticipantFhirUrls.PROGRAM_STATUS)).isEqualTo("DISCHARGED");
        assertThat(code(r, ParticipantFhirUrls.DISCHARGE_REASON)).isEqualTo("TRANSFERRED");
        assertThat(((DateType) r.getExtensionByUrl(ParticipantFhirUrls.DISCHARGE_DATE).getValue()).getValueAsString()).isEqualTo("2026-03-01");
        assertThat(ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser().encodeResourceToString(r)).doesNotContain("moved away");
    }

    private static String code(Patient r, String url) {
        return ((CodeType) r.getExtensionByUrl(url).getValue()).getValue();
    }
}
