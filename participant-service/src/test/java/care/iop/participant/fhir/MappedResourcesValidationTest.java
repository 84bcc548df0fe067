package care.iop.participant.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.Stream;

import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import care.iop.participant.domain.ConsentKind;
import care.iop.participant.domain.PatientStatus;
import care.iop.testing.FhirValidation;

/** Every shape the mappers produce validates against R4 and, for Patient and Practitioner, US Core 6.1 (no Quarkus). */
class MappedResourcesValidationTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @BeforeAll
    static void packageAvailable() {
        FhirValidation.assumeAvailable();
    }

    static Stream<Arguments> resources() {
        var discharged = MapperFixtures.patient();
        discharged.status = PatientStatus.DISCHARGED;
        discharged.dischargedOn = LocalDate.of(2026, 3, 1);
        discharged.dischargeReasonCode = "COMPLETED";
        var bare = MapperFixtures.patient();
        bare.identifiers.clear();
        bare.gender = null;
        bare.phone = null;
        bare.email = null;
        bare.admissionDate = null;
        var clinician = MapperFixtures.clinician();
        var plain = MapperFixtures.clinician();
        plain.credentials = null;
        plain.canLeadGroups = false;
        plain.maxCaseload = null;
        var specialist = MapperFixtures.clinician();
        specialist.credentials = "LCSW,LPC,LMFT,LAC,PsyD,MD,PMHNP";
        var revoked = MapperFixtures.consent(ConsentKind.PART2_DISCLOSURE);
        revoked.revokedAt = MapperFixtures.UPDATED;
        return Stream.of(
                Arguments.of("patient", new PatientMapper().toFhir(MapperFixtures.patient()), ParticipantFhirUrls.US_CORE_PATIENT),
                Arguments.of("discharged patient", new PatientMapper().toFhir(discharged), ParticipantFhirUrls.US_CORE_PATIENT),
                Arguments.of("patient with only what is required", new PatientMapper().toFhir(bare), ParticipantFhirUrls.US_CORE_PATIENT),
                Arguments.of("practitioner", new PractitionerMapper().toFhir(clinician), ParticipantFhirUrls.US_CORE_PRACTITIONER),
                Arguments.of("practitioner without credentials", new PractitionerMapper().toFhir(plain), ParticipantFhirUrls.US_CORE_PRACTITIONER),
                Arguments.of("practitioner role", new PractitionerRoleMapper().toFhir(clinician), null),
                Arguments.of("practitioner role, no groups", new PractitionerRoleMapper().toFhir(plain), null),
                Arguments.of("practitioner role with every specialty", new PractitionerRoleMapper().toFhir(specialist), null),
                Arguments.of("part 2 consent", new ConsentMapper().toFhir(MapperFixtures.consent(ConsentKind.PART2_DISCLOSURE), TODAY), null),
                Arguments.of("revoked part 2 consent", new ConsentMapper().toFhir(revoked, TODAY), null),
                Arguments.of("group consent", new ConsentMapper().toFhir(MapperFixtures.consent(ConsentKind.GROUP_PARTICIPATION), TODAY), null),
                Arguments.of("telehealth consent", new ConsentMapper().toFhir(MapperFixtures.consent(ConsentKind.TELEHEALTH), TODAY), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void validates(String name, Resource resource, String profile) {
        assertThat(ParticipantValidation.problems(resource, profile)).isEmpty();
    }
}
