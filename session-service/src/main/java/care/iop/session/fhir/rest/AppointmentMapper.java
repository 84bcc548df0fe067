package care.iop.session.fhir.rest;

import java.time.ZoneId;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment.ParticipantRequired;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.PositiveIntType;

import care.iop.fhir.FhirVersions;
import care.iop.session.config.SessionConfig;
import care.iop.session.domain.Booking;
import care.iop.session.domain.TherapySession;
import care.iop.session.fhir.domain.Seat;

/**
 * A seat as a FHIR R4 Appointment (docs/fhir-session.md): one participant for the patient and one for the clinician, the
 * status the seat has (waitlist, booked, fulfilled, noshow, cancelled), the group session's Slot, the waitlist position
 * and a late cancellation as our extensions.
 */
@Singleton
public class AppointmentMapper {
    private final ZoneId zone;

    @Inject
    public AppointmentMapper(SessionConfig config) {
        this(config.timeZone());
    }

    AppointmentMapper(ZoneId zone) {
        this.zone = zone;
    }

    public Appointment toFhir(Seat seat) {
        TherapySession session = seat.session();
        Booking booking = seat.booking();
        AppointmentStatus status = AppointmentStatus.fromCode(seat.appointmentStatus());
        Appointment appointment = new Appointment();
        appointment.setId(booking.id.toString());
        FhirVersions.meta(appointment, seat.revision().version(), seat.revision().lastUpdated());
        appointment.setStatus(status);
        if (status == AppointmentStatus.CANCELLED && booking.cancelReason != null) {
            appointment.setCancelationReason(new CodeableConcept().setText(booking.cancelReason));
        }
        if (status == AppointmentStatus.CANCELLED && booking.lateCancellation) {
            appointment.addExtension(SessionFhir.LATE_CANCELLATION, new BooleanType(true));
        }
        if (status == AppointmentStatus.WAITLIST && seat.waitlistPosition() != null) {
            appointment.addExtension(SessionFhir.WAITLIST_POSITION, new PositiveIntType(seat.waitlistPosition()));
        }
        appointment.addServiceType(SessionFhir.serviceType(session.type));
        appointment.setDescription(session.topic);
        appointment.setStartElement(SessionFhir.instant(booking.start, zone));
        appointment.setEndElement(SessionFhir.instant(booking.end, zone));
        appointment.setMinutesDuration((int) java.time.Duration.between(booking.start, booking.end).toMinutes());
        appointment.setCreatedElement(SessionFhir.dateTime(booking.requestedAt, zone));
        if (session.type.hasRoster()) {
            appointment.addSlot(SessionFhir.slot(session.id));
        }
        appointment.addParticipant().setActor(SessionFhir.patient(booking.patientId)).setRequired(ParticipantRequired.REQUIRED)
                .setStatus(patientParticipation(status));
        appointment.addParticipant()
                .addType(new CodeableConcept(new Coding(SessionFhir.PARTICIPATION_TYPE, "PPRF", "primary performer")))
                .setActor(SessionFhir.practitioner(session.clinicianId)).setRequired(ParticipantRequired.REQUIRED)
                .setStatus(ParticipationStatus.ACCEPTED);
        return appointment;
    }

    /** The patient accepted its seat (whether it came or not), may still get one from the waitlist, or gave it up. */
    private static ParticipationStatus patientParticipation(AppointmentStatus status) {
        return switch (status) {
            case WAITLIST -> ParticipationStatus.TENTATIVE;
            case CANCELLED -> ParticipationStatus.DECLINED;
            default -> ParticipationStatus.ACCEPTED;
        };
    }
}
