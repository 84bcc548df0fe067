package care.iop.participant.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.hl7.fhir.r4.model.Coding;
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
    void roleHasOneSpecialtyPerDistinctTaxonomyCodeOfTheCredentials() {
        var c = MapperFixtures.clinician();
        c.credentials = "LCSW,LMSW,intern,lac,LCDC";
        PractitionerRole r = new PractitionerRoleMapper().toFhir(c);

        assertThat(r.getSpecialty()).extracting(cc -> cc.getCoding().size()).containsExactly(1, 1);
        assertThat(r.getSpecialty()).extracting(cc -> cc.getCodingFirstRep())
                .extracting(Coding::getSystem, Coding::getCode, Coding::getDisplay)
                .containsExactly(tuple(ParticipantFhirUrls.NUCC_TAXONOMY, "1041C0700X", "Clinical Social Worker"),
                        tuple(ParticipantFhirUrls.NUCC_TAXONOMY, "101YA0400X", "Addiction (Substance Use Disorder) Counselor"));
    }

    @Test
    void credentialsTheTableDoesNotKnowGiveNoSpecialty() {
        var c = MapperFixtures.clinician();
        c.credentials = "intern,BCBA";
        assertThat(new PractitionerRoleMapper().toFhir(c).getSpecialty()).isEmpty();
        c.credentials = null;
        assertThat(new PractitionerRoleMapper().toFhir(c).getSpecialty()).isEmpty();
    }

    @Test
    void everyCredentialOfTheTableMapsToItsCodeAndBack() {
        assertThat(ProviderTaxonomy.specialties(List.of("LICSW", "LPCC", "LMHC", "LCPC", "LMFT-A", "CADC", "PsyD", "M.D.", "PMHNP")))
                .extracting(ProviderTaxonomy.Specialty::code)
                .containsExactly("1041C0700X", "101YP2500X", "106H00000X", "101YA0400X", "103T00000X", "2084P0800X", "363LP0808X");
        assertThat(ProviderTaxonomy.credentialsFor("101YA0400X")).containsExactlyInAnyOrder("LAC", "LCDC", "LCDC-I", "LCADC", "CADC", "LADC");
        assertThat(ProviderTaxonomy.credentialsFor("1041C0700X")).containsExactlyInAnyOrder("LCSW", "LICSW", "LISW", "LMSW");
        assertThat(ProviderTaxonomy.credentialsFor("207Q00000X")).isEmpty();
        assertThat(ProviderTaxonomy.mappedCredentials()).allSatisfy(credential -> assertThat(credential).matches("[A-Z][A-Z0-9-]*"));
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
