package care.iop.participant.fhir;

import static care.iop.participant.fhir.ParticipantFhirUrls.*;

import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;

import care.iop.fhir.FhirVersions;
import care.iop.participant.domain.Gender;
import care.iop.participant.domain.Patient;
import care.iop.participant.domain.PatientStatus;

/**
 * A registry patient as a US Core Patient 6.1: its identifiers plus the registry id (US Core needs at least one), the
 * name, gender ({@code unknown} when not recorded: US Core requires one), birth date, phone and email, and the program
 * placement as extensions. {@code active} is false once the patient is discharged. Preferences and the discharge's
 * free-text reason stay in the JSON API.
 */
@ApplicationScoped
public class PatientMapper {

    public org.hl7.fhir.r4.model.Patient toFhir(Patient p) {
        org.hl7.fhir.r4.model.Patient r = new org.hl7.fhir.r4.model.Patient();
        r.setId(p.id.toString());
        FhirVersions.meta(r, p.version, p.updatedAt).getMeta().addProfile(US_CORE_PATIENT);
        r.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(PATIENT_ID_SYSTEM).setValue(p.id.toString());
        p.identifiers.forEach(i -> r.addIdentifier().setUse(Identifier.IdentifierUse.USUAL).setSystem(i.system).setValue(i.value));
        r.setActive(p.status != PatientStatus.DISCHARGED);
        r.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(p.familyName).addGiven(p.givenName);
        if (p.phone != null) {
            r.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(p.phone);
        }
        if (p.email != null) {
            r.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(p.email);
        }
        r.setGender(gender(p.gender));
        r.setBirthDateElement(new DateType(p.birthDate.toString()));
        r.addExtension(TRACK, new CodeType(p.track.name()));
        r.addExtension(LEVEL_OF_CARE, new CodeType(p.levelOfCare));
        r.addExtension(PROGRAM_STATUS, new CodeType(p.status.name()));
        if (p.admissionDate != null) {
            r.addExtension(ADMISSION_DATE, new DateType(p.admissionDate.toString()));
        }
        if (p.dischargedOn != null) {
            r.addExtension(DISCHARGE_DATE, new DateType(p.dischargedOn.toString()));
        }
        if (p.dischargeReasonCode != null) {
            r.addExtension(DISCHARGE_REASON, new CodeType(p.dischargeReasonCode));
        }
        return r;
    }

    static AdministrativeGender gender(Gender gender) {
        if (gender == null) {
            return AdministrativeGender.UNKNOWN;
        }
        return switch (gender) {
            case MALE -> AdministrativeGender.MALE;
            case FEMALE -> AdministrativeGender.FEMALE;
            case OTHER -> AdministrativeGender.OTHER;
            case UNKNOWN -> AdministrativeGender.UNKNOWN;
        };
    }
}
