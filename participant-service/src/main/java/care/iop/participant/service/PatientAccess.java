package care.iop.participant.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.participant.domain.Patient;
import care.iop.participant.domain.PatientRepository;
import care.iop.participant.domain.PatientRows;
import care.iop.platform.privacy.Disclosure;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.CurrentUser;

/**
 * Loads a patient the caller may see: a patient-only caller gets 404 for any other id, existing or not; a caller
 * outside the program gets 404 for a Part 2 patient without a matching consent (audited as DENIED with the reason).
 */
@ApplicationScoped
public class PatientAccess {

    @Inject
    PatientRepository patients;

    @Inject
    PatientRows rows;

    @Inject
    CurrentUser user;

    @Inject
    Disclosure disclosure;

    /** The patient, managed by Hibernate (to be changed), once the caller may see it. */
    public Patient load(UUID id) {
        return load(id, PatientService.RESOURCE, id);
    }

    /** As {@link #load(UUID)}, for a record of the patient: a refusal (404, audited) names that record, not the patient. */
    public Patient load(UUID id, String resourceType, Object resourceId) {
        user.requireAccessToPatient(id, resourceType, resourceId);
        Patient patient = patients.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound(resourceType, resourceId));
        disclosure.require(id, resourceType, resourceId);
        return patient;
    }

    /** As {@link #load}, to read only: the patient as stored by one plain statement, not managed. */
    public Patient read(UUID id) {
        user.requireAccessToPatient(id, PatientService.RESOURCE, id);
        Patient patient = rows.read(id).orElseThrow(() -> ProblemException.notFound(PatientService.RESOURCE, id));
        disclosure.require(id, PatientService.RESOURCE, id);
        return patient;
    }

    /** True when the caller may learn of this patient (a 409 may then name it). */
    public boolean visible(UUID id) {
        return disclosure.allowed(id);
    }

    public String subject() {
        return user.subject();
    }
}
