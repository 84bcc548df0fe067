package care.iop.participant.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.api.Test;

class PractitionerMappersTest {

    @Test
    void practitionerCarriesTheNpiNameAndCredentials() {
        var c = MapperFixtures.clinician();
        Practitioner r = new PractitionerMapper().toFhir(c);

        assertThat(r.getIdPart()).isEqualTo(c.id.toString());
        assertThat(r.getMeta().getVersionId()).isEqualTo("2");
        assertThat(r.getMeta().hasProfile(ParticipantFhirUrls.US_CORE_PRACTITIONER)).isTrue();
        assertThat(r.getIdentifierFirstRep().getSystem()).isEqualTo("http://hl7.org/fhir/sid/us-npi");
        assertThat(r.getIdentifierFirstRep().getValue()).isEqualTo("1234567893");
        assertThat(r.getNameFirstRep().getFamily()).isEqualTo("Lee");
        assertThat(r.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Sam");
        assertThat(r.getNameFirstRep().getSuffixAsSingleString()).isEqualTo("LCSW LAC");
        assertThat(r.getQualification()).extracting(q -> q.getCode().getText()).containsExactly("LCSW", "LAC");
        assertThat(r.getActive()).isTrue();
    }

    @Test
    void roleNamesThePractitionerWithGroupLeadershipAndCaseload() {
        var c = MapperFixtures.clinician();
        PractitionerRole r = new PractitionerRoleMapper().toFhir(c);

        assertThat(r.getIdPart()).isEqualTo(c.id.toString());
        assertThat(r.getPractitioner().getReference()).isEqualTo("Practitioner/" + c.id);
        assertThat(r.getPractitioner().getDisplay()).isEqualTo("Sam Lee, LCSW, LAC");
        assertThat(r.getCode()).extracting(cc -> cc.getText()).containsExactly("clinician", "group leader");
        assertThat(((IntegerType) r.getExtensionByUrl(ParticipantFhirUrls.MAX_CASELOAD).getValue()).getValue()).isEqualTo(25);
    }

    @Test
    void aClinicianWhoLeadsNoGroupsHasOnlyTheClinicianCode() {
        var c = MapperFixtures.clinician();
        c.canLeadGroups = false;
        c.maxCaseload = null;
        c.active = false;
        PractitionerRole r = new PractitionerRoleMapper().toFhir(c);

        assertThat(r.getCode()).extracting(cc -> cc.getText()).containsExactly("clinician");
        assertThat(r.getExtensionByUrl(ParticipantFhirUrls.MAX_CASELOAD)).isNull();
        assertThat(r.getActive()).isFalse();
    }
}
