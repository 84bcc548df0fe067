package care.iop.plan.signing.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.plan.domain.CarePlan;
import care.iop.plan.readmodel.KnownPatient;
import care.iop.plan.signing.domain.PlanSignature;
import care.iop.plan.signing.domain.PlanVersion;
import care.iop.plan.signing.domain.SignerRole;

/**
 * Who must sign a version: the patient (the guardian instead for an adolescent), the author (the plan's primary clinician)
 * and, when the author holds only supervised credentials, a licensed co-signer. A version that needs no signature needs none.
 */
@ApplicationScoped
public class SignatureRequirements {

    @Inject
    ClinicianCredentials credentials;

    public List<SignerRole> required(CarePlan plan, PlanVersion version, List<PlanSignature> signatures) {
        if (!version.signatureRequired) {
            return List.of();
        }
        List<SignerRole> roles = new ArrayList<>(List.of(adolescent(plan) ? SignerRole.GUARDIAN : SignerRole.PATIENT, SignerRole.AUTHOR));
        if (authorSupervised(plan, signatures)) {
            roles.add(SignerRole.CO_SIGNER);
        }
        return roles;
    }

    /** An adolescent patient's plan is signed by a guardian. */
    public boolean adolescent(CarePlan plan) {
        KnownPatient patient = KnownPatient.findById(plan.patientId);
        return patient != null && patient.isAdolescentOn(plan.startDate);
    }

    /** The author's credentials as recorded with their signature, else as known now. */
    public boolean authorSupervised(CarePlan plan, List<PlanSignature> signatures) {
        List<String> held = signatures.stream().filter(s -> s.role() == SignerRole.AUTHOR).findFirst()
                .map(s -> ClinicianCredentials.parse(s.credentials))
                .orElseGet(() -> credentials.of(plan.primaryClinicianId).map(ClinicianCredentials.Clinician::credentials).orElse(List.of()));
        return credentials.supervised(held);
    }
}
