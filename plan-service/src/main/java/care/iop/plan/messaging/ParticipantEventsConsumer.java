package care.iop.plan.messaging;

import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.events.ClinicianState;
import care.iop.events.EventTypes;
import care.iop.events.PatientState;
import care.iop.plan.discharge.messaging.PatientDischargeSummaries;
import care.iop.plan.episode.messaging.PatientEpisodes;
import care.iop.plan.readmodel.ReadModelWriter;
import care.iop.plan.service.PlanDischarge;
import care.iop.platform.inbox.IncomingEvent;
import care.iop.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The only consumer of {@code iop.participants} in plan-service: keeps {@code known_patient} and
 * {@code known_clinician} up to date, opens and closes episodes of care from the patient events, and closes a discharged
 * patient's plans ({@link PlanDischarge}) and drafts its discharge summary ({@link PatientDischargeSummaries}). Unknown types
 * or versions go to the dead-letter topic.
 */
@ApplicationScoped
public class ParticipantEventsConsumer {
    static final String NAME = "plan-participants";
    static final Set<String> PATIENT_TYPES = Set.of(EventTypes.PATIENT_REGISTERED, EventTypes.PATIENT_UPDATED,
            EventTypes.PATIENT_PREFERENCES_CHANGED, EventTypes.PATIENT_CONSENT_GRANTED, EventTypes.PATIENT_CONSENT_REVOKED,
            EventTypes.PATIENT_DISCHARGED);
    static final Set<String> CLINICIAN_TYPES = Set.of(EventTypes.CLINICIAN_REGISTERED, EventTypes.CLINICIAN_UPDATED);

    @Inject
    Inbox inbox;

    @Inject
    ReadModelWriter writer;

    @Inject
    ObjectMapper json;

    @Inject
    PlanDischarge discharge;

    @Inject
    PatientEpisodes episodes;

    @Inject
    PatientDischargeSummaries dischargeSummaries;

    @Incoming("participants")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> records) {
        return inbox.applyAll(NAME, records, this::apply);
    }

    private void apply(IncomingEvent event) {
        if (PATIENT_TYPES.contains(event.type())) {
            PatientState patient = event.payloadAs(PatientState.class, json);
            if (writer.upsertPatient(patient)) {
                episodes.applied(patient);
            }
            if (EventTypes.PATIENT_DISCHARGED.equals(event.type())) {
                discharge.patientDischarged(patient);
                dischargeSummaries.discharged(patient);
            }
        } else if (CLINICIAN_TYPES.contains(event.type())) {
            writer.upsertClinician(event.payloadAs(ClinicianState.class, json));
        } else {
            throw event.unsupported();
        }
    }
}
