package care.iop.plan.risk.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import care.iop.plan.readmodel.KnownPatient;
import care.iop.platform.consistency.AggregateVersion;
import care.iop.platform.consistency.ReadModelBehindException;

/** Screens and safety plans are recorded only for a patient the plan service knows (422 naming patientId otherwise). */
@ApplicationScoped
public class PatientCheck {
    public void requireKnown(UUID patientId) {
        if (KnownPatient.findById(patientId) == null) {
            throw ReadModelBehindException.unknown("patientId", AggregateVersion.PATIENT, patientId);
        }
    }
}
