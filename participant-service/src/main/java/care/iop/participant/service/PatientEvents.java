package care.iop.participant.service;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.events.EventTypes;
import care.iop.events.PatientState;
import care.iop.events.Topics;
import care.iop.participant.domain.ConsentRepository;
import care.iop.participant.domain.ConsentStatus;
import care.iop.participant.domain.Patient;
import care.iop.participant.domain.PatientRepository;
import care.iop.platform.outbox.Outbox;

/** Publishes a patient's full current state through the outbox (never free text). */
@ApplicationScoped
public class PatientEvents {

    @Inject
    Outbox outbox;

    @Inject
    PatientRepository patients;

    @Inject
    ConsentRepository consents;

    @Inject
    TimeSource time;

    /** Flushes first, so the payload carries the version this change produced. */
    public void publish(Patient patient, String type) {
        patients.flush();
        outbox.publish(Topics.PARTICIPANTS, patient.id, type, state(patient));
    }

    /** For a patient just registered and flushed (version 0): it has no consents yet, so its state needs no query. */
    public void publishRegistered(Patient patient) {
        outbox.publish(Topics.PARTICIPANTS, patient.id, EventTypes.PATIENT_REGISTERED, state(patient, List.of()));
    }

    public PatientState state(Patient p) {
        LocalDate today = time.today();
        return state(p, consents.ofPatient(p.id).stream()
                .filter(c -> c.statusOn(today) == ConsentStatus.ACTIVE)
                .map(c -> new PatientState.ConsentSummary(c.id, c.kind.name(), c.expiresOn))
                .toList());
    }

    private static PatientState state(Patient p, List<PatientState.ConsentSummary> active) {
        return new PatientState(p.id, p.status.name(), p.track.name(), p.levelOfCare,
                p.groupComfort == null ? null : p.groupComfort.name(),
                p.preferredModality == null ? null : p.preferredModality.name(),
                active, p.dischargedOn, p.version);
    }
}
