package care.iop.session.fhir.rest;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Slot;

import care.iop.session.domain.Booking;
import care.iop.session.fhir.domain.Roster;
import care.iop.session.fhir.domain.Seat;

/**
 * Our rows as the FHIR resources this caller may see: the mappers' resources, a Group with only the members the caller may
 * see, and the Part 2 labels on those that show a patient disclosed under a Part 2 consent.
 */
@RequestScoped
public class SessionFhirViews {
    @Inject
    SessionFhirAccess access;

    @Inject
    AppointmentMapper appointments;

    @Inject
    EncounterMapper encounters;

    @Inject
    SlotMapper slots;

    @Inject
    GroupMapper groups;

    public Appointment appointment(Seat seat) {
        return access.labelled(appointments.toFhir(seat), List.of(seat.booking().patientId));
    }

    public Encounter encounter(Seat seat) {
        return access.labelled(encounters.toFhir(seat), List.of(seat.booking().patientId));
    }

    public Slot slot(Roster roster) {
        return slots.toFhir(roster);
    }

    /** The Group of the members the caller may see (a Part 2 member without consent is left out for a caller outside the program). */
    public Group group(Roster roster) {
        List<Booking> members = members(roster);
        return access.labelled(groups.toFhir(roster, members), members.stream().map(b -> b.patientId).toList());
    }

    /** The patients a Group shows (its members' ids). */
    public static List<UUID> memberIds(Group group) {
        return group.getMember().stream().map(m -> UUID.fromString(m.getEntity().getReferenceElement().getIdPart())).toList();
    }

    /** The bookings of a roster whose patient the caller may see. */
    public List<Booking> members(Roster roster) {
        return access.visible(roster.bookings(), b -> b.patientId);
    }
}
