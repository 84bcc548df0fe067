package care.iop.plan.episode.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import care.iop.events.PatientState;
import care.iop.plan.episode.service.EpisodeLifecycle;

/**
 * What the patient events of {@code iop.participants} mean for episodes of care: called by the participant consumer, in
 * its transaction, with each patient state the read model applied (so a redelivered or older event changes nothing here).
 */
@ApplicationScoped
public class PatientEpisodes {

    @Inject
    EpisodeLifecycle lifecycle;

    @Transactional(Transactional.TxType.MANDATORY)
    public void applied(PatientState patient) {
        lifecycle.patientChanged(patient);
    }
}
