package care.iop.participant.fhir;

import static care.iop.participant.fhir.ParticipantFhirUrls.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

import care.iop.fhir.FhirVersions;
import care.iop.participant.domain.Consent;
import care.iop.participant.domain.ConsentKind;
import care.iop.participant.domain.ConsentStatus;
import care.iop.platform.privacy.Purpose;

/**
 * A consent the patient signed as a base R4 Consent. Status {@code active} while the registry's consent is active,
 * {@code inactive} once revoked or expired (evaluated on {@code today}, in the program's time zone). Scope
 * {@code patient-privacy} (TELEHEALTH, an agreement to a way of being treated: {@code treatment}); category LOINC
 * 59284-0 and the kind as an extension; the patient is the one who consents ({@code performer}). A PART2_DISCLOSURE
 * names the 42 CFR Part 2 regulation as its policy and has a {@code permit} provision to disclose to its recipient
 * (identified by its client identity, {@value ParticipantFhirUrls#CLIENT_ID_SYSTEM}) for its purposes (HL7
 * PurposeOfUse) until it expires; the other kinds name the program's consent form as policy and permit for their
 * period. The revocation's free-text reason and who recorded the consent stay in the JSON API.
 */
@ApplicationScoped
public class ConsentMapper {

    public org.hl7.fhir.r4.model.Consent toFhir(Consent c, LocalDate today) {
        org.hl7.fhir.r4.model.Consent r = new org.hl7.fhir.r4.model.Consent();
        r.setId(c.id.toString());
        FhirVersions.meta(r, c.version, lastUpdated(c));
        r.setStatus(c.statusOn(today) == ConsentStatus.ACTIVE ? org.hl7.fhir.r4.model.Consent.ConsentState.ACTIVE
                : org.hl7.fhir.r4.model.Consent.ConsentState.INACTIVE);
        r.setScope(c.kind == ConsentKind.TELEHEALTH ? new CodeableConcept(new Coding(CONSENT_SCOPE_SYSTEM, "treatment", "Treatment"))
                : new CodeableConcept(new Coding(CONSENT_SCOPE_SYSTEM, "patient-privacy", "Privacy Consent")));
        r.addCategory(new CodeableConcept(new Coding(LOINC, "59284-0", "Patient Consent")));
        r.addExtension(CONSENT_KIND, new CodeType(c.kind.name()));
        Reference patient = new Reference("Patient/" + c.patientId);
        r.setPatient(patient);
        r.addPerformer(patient.copy());
        r.setDateTimeElement(new DateTimeType(Date.from(c.grantedAt)));
        org.hl7.fhir.r4.model.Consent.ProvisionComponent provision = r.getProvision()
                .setType(org.hl7.fhir.r4.model.Consent.ConsentProvisionType.PERMIT)
                .setPeriod(period(c.signedOn, c.expiresOn));
        if (c.kind == ConsentKind.PART2_DISCLOSURE) {
            r.addPolicy().setAuthority(PART2_AUTHORITY).setUri(PART2_POLICY);
            provision.addAction(new CodeableConcept(new Coding(CONSENT_ACTION_SYSTEM, "disclose", "Disclose")));
            Reference recipient = new Reference().setDisplay(c.recipient);
            if (c.recipientId != null) {
                recipient.getIdentifier().setSystem(CLIENT_ID_SYSTEM).setValue(c.recipientId);
            }
            provision.addActor().setReference(recipient)
                    .setRole(new CodeableConcept(new Coding(PARTICIPATION_TYPE_SYSTEM, "IRCP", "information recipient")));
            for (Purpose purpose : c.purposeList()) {
                provision.addPurpose(new Coding(ACT_REASON_SYSTEM, purpose.hl7Code(), purposeDisplay(purpose)));
            }
        } else {
            r.addPolicy().setUri(programPolicy(c.kind));
        }
        return r;
    }

    /** The last change of the record: its revocation, else its grant. */
    static Instant lastUpdated(Consent c) {
        return c.revokedAt != null ? c.revokedAt : c.grantedAt;
    }

    private static Period period(LocalDate start, LocalDate end) {
        Period period = new Period().setStartElement(new DateTimeType(start.toString()));
        if (end != null) {
            period.setEndElement(new DateTimeType(end.toString()));
        }
        return period;
    }

    /** The program's own consent form of a kind other than PART2_DISCLOSURE. */
    private static String programPolicy(ConsentKind kind) {
        return PROGRAM_POLICY + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static String purposeDisplay(Purpose purpose) {
        return switch (purpose) {
            case TREATMENT -> "treatment";
            case PAYMENT -> "healthcare payment";
            case HEALTH_CARE_OPERATIONS -> "healthcare operations";
        };
    }
}
