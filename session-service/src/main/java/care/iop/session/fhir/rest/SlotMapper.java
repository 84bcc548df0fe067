package care.iop.session.fhir.rest;

import java.time.ZoneId;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Slot;
import org.hl7.fhir.r4.model.Slot.SlotStatus;
import org.hl7.fhir.r4.model.UnsignedIntType;

import care.iop.fhir.FhirVersions;
import care.iop.session.config.SessionConfig;
import care.iop.session.domain.TherapySession;
import care.iop.session.fhir.domain.Roster;

/**
 * A group session as the FHIR R4 Slot an Appointment books (docs/fhir-session.md): free while seats are free, busy when
 * full (a booking then joins the waitlist), busy-unavailable once it takes no bookings; its capacity and how many seats
 * are taken and waited for as our extensions (R4 Slot has no capacity). In the Schedule of the clinician who leads it.
 */
@Singleton
public class SlotMapper {
    private final ZoneId zone;

    @Inject
    public SlotMapper(SessionConfig config) {
        this(config.timeZone());
    }

    SlotMapper(ZoneId zone) {
        this.zone = zone;
    }

    public Slot toFhir(Roster roster) {
        TherapySession session = roster.session();
        Slot slot = new Slot();
        slot.setId(session.id.toString());
        FhirVersions.meta(slot, roster.revision().version(), roster.revision().lastUpdated());
        slot.addExtension(SessionFhir.SLOT_CAPACITY, new PositiveIntType(session.capacity));
        slot.addExtension(SessionFhir.SLOT_BOOKED, new UnsignedIntType(roster.booked()));
        slot.addExtension(SessionFhir.SLOT_WAITLISTED, new UnsignedIntType(roster.waitlisted()));
        slot.addServiceType(SessionFhir.serviceType(session.type));
        slot.setSchedule(SessionFhir.schedule(session.clinicianId));
        slot.setStatus(SlotStatus.fromCode(roster.slotStatus()));
        slot.setStartElement(SessionFhir.instant(session.start, zone));
        slot.setEndElement(SessionFhir.instant(session.end, zone));
        slot.setComment(session.topic);
        return slot;
    }
}
