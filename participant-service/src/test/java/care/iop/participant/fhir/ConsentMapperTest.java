package care.iop.participant.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.Test;

import care.iop.participant.domain.ConsentKind;

class ConsentMapperTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private final ConsentMapper mapper = new ConsentMapper();

    @Test
    void aPart2DisclosureNamesPolicyRecipientPurposesAndPeriod() {
        var c = MapperFixtures.consent(ConsentKind.PART2_DISCLOSURE);
        Consent r = mapper.toFhir(c, TODAY);

        assertThat(r.getIdPart()).isEqualTo(c.id.toString());
        assertThat(r.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        assertThat(r.getScope().getCodingFirstRep().getCode()).isEqualTo("patient-privacy");
        assertThat(r.getCategory()).extracting(cc -> cc.getCodingFirstRep().getCode()).containsExactly("59284-0");
        assertThat(r.getExtensionByUrl(ParticipantFhirUrls.CONSENT_KIND).getValue().primitiveValue()).isEqualTo("PART2_DISCLOSURE");
        assertThat(r.getPatient().getReference()).isEqualTo("Patient/" + c.patientId);
        assertThat(r.getPerformerFirstRep().getReference()).isEqualTo("Patient/" + c.patientId);
        assertThat(r.getDateTime().toInstant()).isEqualTo(MapperFixtures.CREATED);
        assertThat(r.getPolicyFirstRep().getUri()).isEqualTo("https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-2");
        Consent.ProvisionComponent provision = r.getProvision();
        assertThat(provision.getType()).isEqualTo(Consent.ConsentProvisionType.PERMIT);
        assertThat(provision.getPeriod().getStartElement().getValueAsString()).isEqualTo("2026-01-05");
        assertThat(provision.getPeriod().getEndElement().getValueAsString()).isEqualTo("2027-01-04");
        assertThat(provision.getActionFirstRep().getCodingFirstRep().getCode()).isEqualTo("disclose");
        assertThat(provision.getActorFirstRep().getRole().getCodingFirstRep().getCode()).isEqualTo("IRCP");
        assertThat(provision.getActorFirstRep().getReference().getDisplay()).isEqualTo("Riverside County Probation");
        assertThat(provision.getActorFirstRep().getReference().getIdentifier().getValue()).isEqualTo("riverside-probation-ehr");
        assertThat(provision.getPurpose()).extracting(Coding::getCode).containsExactly("TREAT", "HPAYMT");
    }

    @Test
    void revokedAndExpiredConsentsAreInactive() {
        var revoked = MapperFixtures.consent(ConsentKind.GROUP_PARTICIPATION);
        revoked.revokedAt = Instant.parse("2026-03-01T10:00:00Z");
        revoked.version = 1;
        Consent r = mapper.toFhir(revoked, TODAY);
        assertThat(r.getStatus()).isEqualTo(Consent.ConsentState.INACTIVE);
        assertThat(r.getMeta().getLastUpdated().toInstant()).isEqualTo(revoked.revokedAt);
        assertThat(r.getMeta().getVersionId()).isEqualTo("1");

        var expiring = MapperFixtures.consent(ConsentKind.PART2_DISCLOSURE);
        assertThat(mapper.toFhir(expiring, expiring.expiresOn).getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        assertThat(mapper.toFhir(expiring, expiring.expiresOn.plusDays(1)).getStatus()).isEqualTo(Consent.ConsentState.INACTIVE);
    }

    @Test
    void otherKindsAreOptInsWithoutRecipient() {
        Consent group = mapper.toFhir(MapperFixtures.consent(ConsentKind.GROUP_PARTICIPATION), TODAY);
        assertThat(group.getScope().getCodingFirstRep().getCode()).isEqualTo("patient-privacy");
        assertThat(group.getPolicyFirstRep().getUri()).isEqualTo("https://iop.care/fhir/policy/group-participation");
        assertThat(group.getExtensionByUrl(ParticipantFhirUrls.CONSENT_KIND).getValue().primitiveValue()).isEqualTo("GROUP_PARTICIPATION");
        assertThat(group.getProvision().getActor()).isEmpty();
        assertThat(group.getProvision().getPeriod().hasEnd()).isFalse();

        Consent telehealth = mapper.toFhir(MapperFixtures.consent(ConsentKind.TELEHEALTH), TODAY);
        assertThat(telehealth.getScope().getCodingFirstRep().getCode()).isEqualTo("treatment");
    }
}
