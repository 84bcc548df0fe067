package care.iop.participant.fhir;

import static care.iop.participant.fhir.ParticipantFhirUrls.MAX_CASELOAD;
import static care.iop.participant.fhir.ParticipantFhirUrls.NUCC_TAXONOMY;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;

import care.iop.fhir.FhirVersions;
import care.iop.participant.domain.Clinician;

/**
 * What a clinician does in the program, as a base R4 PractitionerRole with the clinician's own id (one role per
 * clinician, so {@code PractitionerRole/{id}} and {@code Practitioner/{id}} name the same clinician): code
 * {@value #CLINICIAN}, plus {@value #GROUP_LEADER} when the clinician may lead groups (as text: no standard code system
 * has these roles), the NUCC taxonomy specialties its credentials stand for ({@link ProviderTaxonomy}: one specialty per
 * distinct code) and the maximum caseload as an extension.
 */
@ApplicationScoped
public class PractitionerRoleMapper {
    /** The role's code (text only: no standard code system names an IOP clinician's role). */
    public static final String CLINICIAN = "clinician";
    /** The second code of a clinician who may lead groups. */
    public static final String GROUP_LEADER = "group leader";

    public PractitionerRole toFhir(Clinician c) {
        PractitionerRole r = new PractitionerRole();
        r.setId(c.id.toString());
        FhirVersions.meta(r, c.version, c.updatedAt);
        r.setActive(c.active);
        r.setPractitioner(new Reference("Practitioner/" + c.id).setDisplay(c.displayName()));
        r.addCode().setText(CLINICIAN);
        if (c.canLeadGroups) {
            r.addCode().setText(GROUP_LEADER);
        }
        for (ProviderTaxonomy.Specialty specialty : ProviderTaxonomy.specialties(c.credentialList())) {
            r.addSpecialty().addCoding().setSystem(NUCC_TAXONOMY).setCode(specialty.code()).setDisplay(specialty.display());
        }
        if (c.maxCaseload != null) {
            r.addExtension(MAX_CASELOAD, new IntegerType(c.maxCaseload));
        }
        return r;
    }
}
