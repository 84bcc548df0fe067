package care.iop.plan.discharge.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import care.iop.events.PatientState;
import care.iop.plan.discharge.service.SummaryFromDischarge;

/**
 * What a patient.discharged event of {@code iop.participants} means for discharge summaries: called by the participant
 * consumer after the plans' discharge, in its transaction (so the draft commits with the closed plans and the inbox row).
 */
@ApplicationScoped
public class PatientDischargeSummaries {

    @Inject
    SummaryFromDischarge summaries;

    @Transactional(Transactional.TxType.MANDATORY)
    public void discharged(PatientState patient) {
        summaries.patientDischarged(patient);
    }
}
