package care.iop.participant.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import care.iop.events.EventTypes;
import care.iop.participant.domain.Consent;
import care.iop.participant.domain.ConsentKind;
import care.iop.participant.domain.ConsentRepository;
import care.iop.participant.domain.ConsentStatus;
import care.iop.participant.domain.Patient;
import care.iop.participant.domain.PatientStatus;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.privacy.Purpose;
import care.iop.platform.problem.ProblemException;

/**
 * Consents: granted, listed, revoked. Status is derived from the date when read or published, so an
 * expired consent needs no job to flip it.
 */
@ApplicationScoped
public class ConsentService {
    static final String RESOURCE = "Consent";

    @Inject
    PatientAccess access;

    @Inject
    ConsentRepository consents;

    @Inject
    PatientEvents events;

    @Inject
    AuditLog audit;

    @Inject
    TimeSource time;

    @ConfigProperty(name = "iop.consents.max-active-disclosures", defaultValue = "20")
    int maxActiveDisclosures;

    public LocalDate today() {
        return time.today();
    }

    /**
     * Records a consent. At most one consent of each kind but PART2_DISCLOSURE is active at a time, and at most
     * {@code iop.consents.max-active-disclosures} PART2_DISCLOSURE consents (every active consent travels in the
     * patient's events, which must stay bounded). Two grants racing for the last place both change the patient's
     * version: the second fails its optimistic lock (409).
     */
    @Transactional
    public Consent grant(UUID patientId, @Valid @NotNull ConsentGrant request) {
        LocalDate today = time.today();
        validate(request, today);
        Patient patient = access.load(patientId);
        if (patient.status == PatientStatus.DISCHARGED) {
            throw ProblemException.ruleViolation("Patient " + patientId + " is discharged; no new consent can be recorded");
        }
        if (request.kind() == ConsentKind.PART2_DISCLOSURE) {
            if (consents.countActiveDisclosures(patientId, today) >= maxActiveDisclosures) {
                throw ProblemException.conflict("Patient " + patientId + " already has " + maxActiveDisclosures
                        + " active PART2_DISCLOSURE consents, the limit (iop.consents.max-active-disclosures); revoke one first");
            }
        } else if (consents.activeOf(patientId, today).stream().anyMatch(c -> c.kind == request.kind())) {
            throw ProblemException.conflict("Patient " + patientId + " already has an active " + request.kind() + " consent; revoke it first");
        }
        Consent consent = new Consent();
        consent.patientId = patientId;
        consent.kind = request.kind();
        consent.signedOn = request.signedOn();
        consent.expiresOn = request.expiresOn();
        consent.recipient = strip(request.recipient());
        consent.recipientId = strip(request.recipientId());
        consent.purposes = request.purposes() == null ? null
                : request.purposes().stream().distinct().sorted().map(Purpose::name).toArray(String[]::new);
        consent.grantedAt = time.now();
        consent.grantedBy = access.subject();
        consents.persist(consent);
        patient.updatedAt = consent.grantedAt;
        events.publish(patient, EventTypes.PATIENT_CONSENT_GRANTED);
        audit.success(AuditAction.CREATE, RESOURCE, consent.id, patientId);
        return consent;
    }

    @Transactional
    public List<Consent> list(UUID patientId) {
        access.load(patientId);
        List<Consent> result = consents.ofPatient(patientId);
        audit.success(AuditAction.READ, RESOURCE, null, patientId);
        return result;
    }

    /** One consent, by its own id; 404 when the caller may not see its patient (as {@link #list}). */
    @Transactional
    public Consent get(UUID consentId) {
        Consent consent = consents.findByIdOptional(consentId).orElseThrow(() -> ProblemException.notFound(RESOURCE, consentId));
        access.load(consent.patientId, RESOURCE, consentId);
        audit.success(AuditAction.READ, RESOURCE, consentId, consent.patientId);
        return consent;
    }

    @Transactional
    public Consent revoke(UUID patientId, UUID consentId, String reason) {
        Patient patient = access.load(patientId);
        Consent consent = consents.findByIdOptional(consentId).filter(c -> c.patientId.equals(patientId))
                .orElseThrow(() -> ProblemException.notFound(RESOURCE, consentId));
        ConsentStatus status = consent.statusOn(time.today());
        if (status != ConsentStatus.ACTIVE) {
            throw ProblemException.conflict("Consent " + consentId + " is " + status + "; only an active consent can be revoked");
        }
        consent.revokedAt = time.now();
        consent.revokedBy = access.subject();
        consent.revokeReason = strip(reason);
        patient.updatedAt = consent.revokedAt;
        events.publish(patient, EventTypes.PATIENT_CONSENT_REVOKED);
        audit.success(AuditAction.UPDATE, RESOURCE, consentId, patientId);
        return consent;
    }

    /** Cross-field rules: 400 naming the field. */
    private static void validate(ConsentGrant r, LocalDate today) {
        if (r.expiresOn() != null && r.expiresOn().isBefore(r.signedOn())) {
            throw ProblemException.invalidField("expiresOn", "must not be before signedOn");
        }
        if (r.expiresOn() != null && r.expiresOn().isBefore(today)) {
            throw ProblemException.invalidField("expiresOn", "must be today or later");
        }
        if (r.kind() == ConsentKind.PART2_DISCLOSURE) {
            if (strip(r.recipient()) == null) {
                throw ProblemException.invalidField("recipient", "is required for PART2_DISCLOSURE");
            }
            if (strip(r.recipientId()) == null) {
                throw ProblemException.invalidField("recipientId", "is required for PART2_DISCLOSURE: the client identity of the recipient");
            }
            if (r.purposes() == null || r.purposes().isEmpty()) {
                throw ProblemException.invalidField("purposes", "is required for PART2_DISCLOSURE: one or more of TREATMENT, PAYMENT, "
                        + "HEALTH_CARE_OPERATIONS");
            }
            if (r.expiresOn() == null) {
                throw ProblemException.invalidField("expiresOn", "is required for PART2_DISCLOSURE");
            }
        } else {
            if (r.recipient() != null) {
                throw ProblemException.invalidField("recipient", "only applies to PART2_DISCLOSURE");
            }
            if (r.recipientId() != null) {
                throw ProblemException.invalidField("recipientId", "only applies to PART2_DISCLOSURE");
            }
            if (r.purposes() != null) {
                throw ProblemException.invalidField("purposes", "only applies to PART2_DISCLOSURE");
            }
        }
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
