package care.iop.participant.fhir;

import static care.iop.participant.fhir.ParticipantFhirUrls.CLINICIAN_ROLE_SYSTEM;
import static care.iop.participant.fhir.ParticipantFhirUrls.MAX_CASELOAD;

import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;

import care.iop.participant.domain.Clinician;

/**
 * What a clinician does in the program, as a base R4 PractitionerRole with the clinician's own id (one role per
 * clinician, so {@code PractitionerRole/{id}} and {@code Practitioner/{id}} name the same clinician): code
 * {@code clinician}, plus {@code group-leader} when the clinician may lead groups, and the maximum caseload as an extension.
 */
@ApplicationScoped
public class PractitionerRoleMapper {

    public PractitionerRole toFhir(Clinician c) {
        PractitionerRole r = new PractitionerRole();
        r.setId(c.id.toString());
        r.getMeta().setVersionId(Long.toString(c.version)).setLastUpdated(Date.from(c.updatedAt));
        r.setActive(c.active);
        r.setPractitioner(new Reference("Practitioner/" + c.id).setDisplay(c.displayName()));
        r.addCode().addCoding().setSystem(CLINICIAN_ROLE_SYSTEM).setCode("clinician").setDisplay("Clinician");
        if (c.canLeadGroups) {
            r.addCode().addCoding().setSystem(CLINICIAN_ROLE_SYSTEM).setCode("group-leader").setDisplay("Group leader");
        }
        if (c.maxCaseload != null) {
            r.addExtension(MAX_CASELOAD, new IntegerType(c.maxCaseload));
        }
        return r;
    }
}
