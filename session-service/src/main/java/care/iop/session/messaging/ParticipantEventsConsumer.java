package care.iop.session.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.events.ClinicianState;
import care.iop.events.EventTypes;
import care.iop.events.PatientState;
import care.iop.platform.inbox.IncomingEvent;
import care.iop.platform.inbox.Inbox;
import care.iop.session.domain.ReadModels;
import care.iop.session.service.BookingService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** Keeps the known patients and clinicians from iop.participants; a patient change revalidates the patient's future bookings. */
@ApplicationScoped
public class ParticipantEventsConsumer {
    static final String CONSUMER = "session-service.participants";

    @Inject
    Inbox inbox;

    @Inject
    ReadModels readModels;

    @Inject
    BookingService bookings;

    @Inject
    ObjectMapper json;

    @Incoming("participants")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> records) {
        return inbox.applyAll(CONSUMER, records, this::apply);
    }

    private void apply(IncomingEvent event) {
        switch (event.type()) {
            case EventTypes.PATIENT_REGISTERED, EventTypes.PATIENT_UPDATED, EventTypes.PATIENT_PREFERENCES_CHANGED,
                 EventTypes.PATIENT_CONSENT_GRANTED, EventTypes.PATIENT_CONSENT_REVOKED, EventTypes.PATIENT_DISCHARGED -> {
                PatientState patient = event.payloadAs(PatientState.class, json);
                if (patient.patientId() == null) {
                    throw new care.iop.platform.inbox.UnprocessableEventException("Patient event " + event.id() + " has no patientId");
                }
                if (readModels.upsertPatient(patient)) {
                    bookings.revalidateFutureBookings(patient.patientId());
                }
            }
            case EventTypes.CLINICIAN_REGISTERED, EventTypes.CLINICIAN_UPDATED -> {
                ClinicianState clinician = event.payloadAs(ClinicianState.class, json);
                if (clinician.clinicianId() == null) {
                    throw new care.iop.platform.inbox.UnprocessableEventException("Clinician event " + event.id() + " has no clinicianId");
                }
                readModels.upsertClinician(clinician);
            }
            default -> {
                if (!KnownEventTypes.contains(event.type())) {
                    throw event.unsupported();
                }
            }
        }
    }
}
