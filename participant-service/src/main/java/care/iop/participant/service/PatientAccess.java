package care.iop.participant.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.participant.domain.Patient;
import care.iop.participant.domain.PatientRepository;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.CurrentUser;

/** Loads a patient the caller may see: a patient-only caller gets 404 for any other id, existing or not. */
@ApplicationScoped
public class PatientAccess {

    @Inject
    PatientRepository patients;

    @Inject
    CurrentUser user;

    public Patient load(UUID id) {
        user.requireAccessToPatient(id, "Patient", id);
        return patients.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Patient", id));
    }

    public String subject() {
        return user.subject();
    }
}
