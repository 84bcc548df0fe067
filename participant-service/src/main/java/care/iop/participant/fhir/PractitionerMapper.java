package care.iop.participant.fhir;

import static care.iop.participant.fhir.ParticipantFhirUrls.NPI_SYSTEM;
import static care.iop.participant.fhir.ParticipantFhirUrls.US_CORE_PRACTITIONER;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;

import care.iop.fhir.FhirVersions;
import care.iop.participant.domain.Clinician;

/**
 * A registry clinician as a US Core Practitioner: the NPI as identifier, the name with the credentials as suffixes and
 * as qualifications (by text: the registry keeps them as people write them, e.g. LCSW), and whether the record is active.
 * What the clinician does in the program (groups, caseload) is its {@link PractitionerRoleMapper PractitionerRole}.
 */
@ApplicationScoped
public class PractitionerMapper {

    public Practitioner toFhir(Clinician c) {
        Practitioner r = new Practitioner();
        r.setId(c.id.toString());
        FhirVersions.meta(r, c.version, c.updatedAt).getMeta().addProfile(US_CORE_PRACTITIONER);
        r.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(NPI_SYSTEM).setValue(c.npi);
        r.setActive(c.active);
        HumanName name = r.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(c.familyName).addGiven(c.givenName);
        for (String credential : c.credentialList()) {
            name.addSuffix(credential);
            r.addQualification().getCode().setText(credential);
        }
        return r;
    }
}
