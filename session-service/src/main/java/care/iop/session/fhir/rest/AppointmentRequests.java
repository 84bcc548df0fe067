package care.iop.session.fhir.rest;

import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentParticipantComponent;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Reference;

import care.iop.fhir.FhirException;
import care.iop.session.domain.TherapySession;

/**
 * Reads what an EHR's Appointment asks for (docs/fhir-session.md, "Booking through FHIR"): on create a seat of one
 * Patient in the group session of one Slot; on update only a cancellation. Anything else is a 422 naming the element;
 * nothing is written before these checks pass.
 */
@Singleton
public class AppointmentRequests {
    /** The statuses a new Appointment may ask with; the answer says booked or waitlist. */
    static final Set<AppointmentStatus> REQUESTABLE = EnumSet.of(AppointmentStatus.PROPOSED, AppointmentStatus.PENDING,
            AppointmentStatus.BOOKED, AppointmentStatus.WAITLIST);
    /** Longest cancellation reason (as the JSON API's {@code reason}). */
    static final int MAX_REASON = 500;

    /**
     * A seat asked for: the session of the Slot, the patient, and what the request says of the session (the clinician,
     * at participant index {@code practitionerAt}, and the times; null when it does not say) to be checked against it.
     */
    public record SeatRequest(UUID sessionId, UUID patientId, UUID practitionerId, int practitionerAt, Date start, Date end) {
    }

    /** A cancellation asked for by an update, with its reason (null when the Appointment gives none). */
    public record Cancellation(String reason) {
    }

    public SeatRequest seat(Appointment appointment) {
        if (!appointment.hasStatus()) {
            throw FhirException.unprocessable("Appointment.status is required: booked (or proposed, pending, waitlist) to ask for a seat",
                    "Appointment.status");
        }
        if (!REQUESTABLE.contains(appointment.getStatus())) {
            throw FhirException.unprocessable("A new Appointment asks for a seat with status booked, proposed, pending or waitlist, not "
                    + appointment.getStatus().toCode(), "Appointment.status");
        }
        if (appointment.getSlot().size() != 1) {
            throw FhirException.unprocessable("Name exactly one Slot: the group session to book", "Appointment.slot");
        }
        UUID sessionId = id(appointment.getSlot().get(0), "Slot", "Appointment.slot[0]");
        UUID patientId = null;
        UUID practitionerId = null;
        int practitionerAt = -1;
        List<AppointmentParticipantComponent> participants = appointment.getParticipant();
        for (int i = 0; i < participants.size(); i++) {
            String path = "Appointment.participant[" + i + "].actor";
            Reference actor = participants.get(i).getActor();
            String type = actor.getReferenceElement().getResourceType();
            if ("Patient".equals(type)) {
                if (patientId != null) {
                    throw FhirException.unprocessable("An Appointment books one patient; book each patient with an Appointment of its own", path);
                }
                patientId = id(actor, "Patient", path);
            } else if ("Practitioner".equals(type) && practitionerId == null) {
                practitionerId = id(actor, "Practitioner", path);
                practitionerAt = i;
            } else {
                throw FhirException.unprocessable("A participant is the Patient to book or the Practitioner leading the session", path);
            }
        }
        if (patientId == null) {
            throw FhirException.unprocessable("One participant must be the Patient to book (actor Patient/<id>)", "Appointment.participant");
        }
        return new SeatRequest(sessionId, patientId, practitionerId, practitionerAt, appointment.getStart(), appointment.getEnd());
    }

    /** 422 when the request names another clinician or other times than the session's. */
    public void requireMatches(SeatRequest request, TherapySession session) {
        if (request.practitionerId() != null && !request.practitionerId().equals(session.clinicianId)) {
            throw FhirException.unprocessable("The session of this Slot is led by Practitioner/" + session.clinicianId,
                    "Appointment.participant[" + request.practitionerAt() + "].actor");
        }
        if (request.start() != null && !request.start().toInstant().equals(session.start.toInstant())) {
            throw FhirException.unprocessable("The session of this Slot starts at " + session.start + " (leave start out or send it)",
                    "Appointment.start");
        }
        if (request.end() != null && !request.end().toInstant().equals(session.end.toInstant())) {
            throw FhirException.unprocessable("The session of this Slot ends at " + session.end + " (leave end out or send it)", "Appointment.end");
        }
    }

    /**
     * What an update of {@code current} to {@code body} asks: null when it changes nothing, else a cancellation. 422 for
     * any other change: a booked seat is only ever cancelled through FHIR (book another by creating an Appointment).
     */
    public Cancellation cancellation(Appointment body, Appointment current) {
        if (!body.hasStatus()) {
            throw FhirException.unprocessable("Appointment.status is required (cancelled to cancel the seat)", "Appointment.status");
        }
        if (body.getStatus() != current.getStatus() && body.getStatus() != AppointmentStatus.CANCELLED) {
            throw FhirException.unprocessable("An Appointment's status changes only to cancelled here (the seat's status follows its "
                    + "booking and attendance); it is " + current.getStatus().toCode(), "Appointment.status");
        }
        if (body.hasSlot() && !references(body.getSlot()).equals(references(current.getSlot()))) {
            throw FhirException.unprocessable("The Slot of an Appointment does not change; cancel it and book the other Slot", "Appointment.slot");
        }
        Set<String> actors = body.getParticipant().stream().map(p -> relative(p.getActor())).collect(Collectors.toSet());
        if (!actors.equals(current.getParticipant().stream().map(p -> relative(p.getActor())).collect(Collectors.toSet()))) {
            throw FhirException.unprocessable("The participants of an Appointment do not change", "Appointment.participant");
        }
        if (body.hasStart() && !body.getStart().equals(current.getStart())) {
            throw FhirException.unprocessable("The time of an Appointment follows its session's", "Appointment.start");
        }
        if (body.hasEnd() && !body.getEnd().equals(current.getEnd())) {
            throw FhirException.unprocessable("The time of an Appointment follows its session's", "Appointment.end");
        }
        if (body.getStatus() == current.getStatus()) {
            return null;
        }
        String reason = body.getCancelationReason().getText();
        if (reason != null && reason.length() > MAX_REASON) {
            throw FhirException.unprocessable("At most " + MAX_REASON + " characters", "Appointment.cancelationReason.text");
        }
        return new Cancellation(reason);
    }

    /** The UUID of a reference to {@code type}; 422 naming {@code path} otherwise. */
    private static UUID id(Reference reference, String type, String path) {
        IIdType id = reference.getReferenceElement();
        if (!type.equals(id.getResourceType()) || id.getIdPart() == null) {
            throw FhirException.unprocessable("Must reference a " + type + " (" + type + "/<id>)", path);
        }
        try {
            return UUID.fromString(id.getIdPart());
        } catch (IllegalArgumentException e) {
            throw FhirException.unprocessable("No " + type + " has the id " + id.getIdPart(), path);
        }
    }

    private static Set<String> references(List<Reference> references) {
        return references.stream().map(AppointmentRequests::relative).collect(Collectors.toSet());
    }

    /** {@code Type/id} of a reference, however the client wrote it (relative or absolute). */
    private static String relative(Reference reference) {
        IIdType id = reference.getReferenceElement();
        return Objects.toString(id.getResourceType()) + "/" + id.getIdPart();
    }
}
