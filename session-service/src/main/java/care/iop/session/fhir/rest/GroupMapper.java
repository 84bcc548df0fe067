package care.iop.session.fhir.rest;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Group.GroupType;
import org.hl7.fhir.r4.model.Period;

import care.iop.fhir.FhirVersions;
import care.iop.session.config.SessionConfig;
import care.iop.session.domain.Booking;
import care.iop.session.domain.BookingStatus;
import care.iop.session.domain.TherapySession;
import care.iop.session.fhir.domain.Roster;

/**
 * A group session's roster as a FHIR R4 Group (docs/fhir-session.md): actual, of persons, managed by the clinician who
 * leads it; each patient who holds or held a seat is a member for the period it held it (inactive once cancelled);
 * patients on the waitlist are not members yet (their Appointments say waitlist). {@code quantity} counts the seats taken.
 */
@Singleton
public class GroupMapper {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    @Inject
    public GroupMapper(SessionConfig config) {
        this(config.timeZone());
    }

    GroupMapper(ZoneId zone) {
        this.zone = zone;
    }

    /** {@code members}: the bookings of the roster the caller may see (all of them for program staff). */
    public Group toFhir(Roster roster, List<Booking> members) {
        TherapySession session = roster.session();
        Group group = new Group();
        group.setId(session.id.toString());
        FhirVersions.meta(group, roster.revision().version(), roster.revision().lastUpdated());
        group.setActive(!session.isCancelled());
        group.setType(GroupType.PERSON);
        group.setActual(true);
        group.setCode(new CodeableConcept().setText("Group psychotherapy session roster"));
        String when = WHEN.format(session.start.atZoneSameInstant(zone));
        group.setName(session.topic == null ? "Group session " + when : session.topic + ", " + when);
        group.setQuantity((int) roster.booked());
        group.setManagingEntity(SessionFhir.practitioner(session.clinicianId));
        for (Booking booking : members) {
            if (booking.seatedAt == null) {
                continue;
            }
            boolean left = booking.status == BookingStatus.CANCELLED;
            Period period = new Period().setStartElement(SessionFhir.dateTime(booking.seatedAt, zone));
            if (left && booking.cancelledAt != null) {
                period.setEndElement(SessionFhir.dateTime(booking.cancelledAt, zone));
            }
            group.addMember().setEntity(SessionFhir.patient(booking.patientId)).setPeriod(period).setInactive(left);
        }
        return group;
    }
}
