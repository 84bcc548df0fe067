package care.iop.participant.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Resource;

import care.iop.fhir.PatientCompartment;
import care.iop.participant.domain.Consent;
import care.iop.participant.domain.Patient;
import care.iop.participant.service.ConsentService;
import care.iop.participant.service.PatientService;
import care.iop.platform.security.CurrentUser;

/**
 * This service's share of {@code Patient/{id}/$everything}: the Patient and, for callers who read consents, its
 * Consents, through the same services as the reads (same access rules, Part 2 gate and audit; a patient the caller may
 * not see is 404), changed since {@code since} when given, labelled as the reads label them.
 */
@ApplicationScoped
public class ParticipantCompartment implements PatientCompartment {

    @Inject
    PatientService patients;

    @Inject
    ConsentService consents;

    @Inject
    PatientMapper patientMapper;

    @Inject
    ConsentMapper consentMapper;

    @Inject
    DisclosureLabels labels;

    @Inject
    CurrentUser user;

    @Override
    public List<Resource> everything(UUID patientId, Instant since) {
        List<Resource> resources = new ArrayList<>();
        Patient patient = patients.get(patientId);
        if (since == null || !patient.updatedAt.isBefore(since)) {
            resources.add(labels.ofPatient(patientMapper.toFhir(patient), patientId));
        }
        if (ReaderRoles.any(user, ReaderRoles.CONSENTS)) {
            LocalDate today = consents.today();
            for (Consent consent : consents.list(patientId)) {
                if (since == null || !ConsentMapper.lastUpdated(consent).isBefore(since)) {
                    resources.add(labels.ofConsent(consentMapper.toFhir(consent, today), consent));
                }
            }
        }
        return resources;
    }
}
