package care.iop.session.fhir.rest;

import static care.iop.session.fhir.SessionFhirValidation.US_CORE_ENCOUNTER;
import static care.iop.session.fhir.SessionFhirValidation.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.Test;

import care.iop.session.domain.Attendance;
import care.iop.session.domain.AttendanceStatus;
import care.iop.session.domain.Booking;
import care.iop.session.domain.BookingStatus;
import care.iop.session.domain.SessionStatus;
import care.iop.session.domain.SessionType;
import care.iop.session.domain.TherapySession;
import care.iop.session.fhir.domain.GroupSchedule;
import care.iop.session.fhir.domain.Revision;
import care.iop.session.fhir.domain.Roster;
import care.iop.session.fhir.domain.Seat;


/** The mappers alone: each of our rows becomes the FHIR element docs/fhir-session.md promises. */
class FhirMappersTest {
    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final OffsetDateTime START = OffsetDateTime.of(2026, 12, 1, 14, 0, 0, 0, ZoneOffset.UTC);
    static final Revision REVISION = new Revision(7, START.minusDays(3).toInstant());

    final AppointmentMapper appointments = new AppointmentMapper(ZONE);
    final EncounterMapper encounters = new EncounterMapper(ZONE);
    final SlotMapper slots = new SlotMapper(ZONE);
    final GroupMapper groups = new GroupMapper(ZONE);

    static TherapySession session(SessionType type, String location) {
        TherapySession s = new TherapySession();
        s.id = UUID.randomUUID();
        s.type = type;
        s.clinicianId = UUID.randomUUID();
        s.start = START;
        s.end = START.plusMinutes(180);
        s.topic = "Relapse prevention";
        s.capacity = 12;
        s.location = location;
        s.status = SessionStatus.BOOKED;
        return s;
    }

    static Booking booking(TherapySession s, BookingStatus status) {
        Booking b = Booking.newFor(s, UUID.randomUUID());
        b.status = status;
        b.start = s.start;
        b.end = s.end;
        b.requestedAt = START.minusDays(5);
        b.seatedAt = status == BookingStatus.WAITLISTED ? null : START.minusDays(5);
        return b;
    }

    static Attendance attendance(Booking b, AttendanceStatus status, int minutes, String code) {
        Attendance a = new Attendance();
        a.id = UUID.randomUUID();
        a.sessionId = b.sessionId;
        a.patientId = b.patientId;
        a.status = status;
        a.minutesAttended = minutes;
        a.billingCode = code;
        a.note = "never shown in FHIR";
        return a;
    }

    @Test
    void aBookedGroupSeatIsAnAppointmentOfThePatientAndTheClinicianInTheSessionsSlot() {
        TherapySession s = session(SessionType.GROUP, "Room A");
        Booking b = booking(s, BookingStatus.BOOKED);
        Appointment a = valid(appointments.toFhir(new Seat(s, b, null, "booked", null, REVISION)));

        assertThat(a.getIdElement().getIdPart()).isEqualTo(b.id.toString());
        assertThat(a.getMeta().getVersionId()).isEqualTo("7");
        assertThat(a.getMeta().getLastUpdated()).isEqualTo(java.util.Date.from(REVISION.lastUpdated()));
        assertThat(a.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(a.getStartElement().getValueAsString()).isEqualTo("2026-12-01T09:00:00-05:00");
        assertThat(a.getEndElement().getValueAsString()).isEqualTo("2026-12-01T12:00:00-05:00");
        assertThat(a.getMinutesDuration()).isEqualTo(180);
        assertThat(a.getSlotFirstRep().getReference()).isEqualTo("Slot/" + s.id);
        assertThat(a.getParticipant()).extracting(p -> p.getActor().getReference())
                .containsExactly("Patient/" + b.patientId, "Practitioner/" + s.clinicianId);
        assertThat(a.getParticipant().get(0).getStatus()).isEqualTo(Appointment.ParticipationStatus.ACCEPTED);
        assertThat(a.getParticipant().get(1).getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("PPRF");
        assertThat(a.getDescription()).isEqualTo("Relapse prevention");
        assertThat(a.getExtension()).isEmpty();
        assertThat(a.hasCancelationReason()).isFalse();
    }

    @Test
    void aWaitlistedSeatCarriesItsPositionAndALateCancellationItsFlagAndReason() {
        TherapySession s = session(SessionType.GROUP, "Room A");
        Appointment waiting = valid(appointments.toFhir(new Seat(s, booking(s, BookingStatus.WAITLISTED), null, "waitlist", 3, REVISION)));
        assertThat(waiting.getStatus()).isEqualTo(Appointment.AppointmentStatus.WAITLIST);
        assertThat(((IntegerType) waiting.getExtensionByUrl(SessionFhir.WAITLIST_POSITION).getValue()).getValue()).isEqualTo(3);
        assertThat(waiting.getParticipantFirstRep().getStatus()).isEqualTo(Appointment.ParticipationStatus.TENTATIVE);

        Booking cancelled = booking(s, BookingStatus.CANCELLED);
        cancelled.lateCancellation = true;
        cancelled.cancelReason = "Unwell";
        Appointment gone = valid(appointments.toFhir(new Seat(s, cancelled, null, "cancelled", null, REVISION)));
        assertThat(gone.getStatus()).isEqualTo(Appointment.AppointmentStatus.CANCELLED);
        assertThat(gone.getCancelationReason().getText()).isEqualTo("Unwell");
        assertThat(((BooleanType) gone.getExtensionByUrl(SessionFhir.LATE_CANCELLATION).getValue()).booleanValue()).isTrue();
        assertThat(gone.getExtensionByUrl(SessionFhir.WAITLIST_POSITION)).isNull();
        assertThat(gone.getParticipantFirstRep().getStatus()).isEqualTo(Appointment.ParticipationStatus.DECLINED);
    }

    @Test
    void anIndividualSessionHasNoSlot() {
        TherapySession s = session(SessionType.INDIVIDUAL, "TELEHEALTH");
        Appointment a = valid(appointments.toFhir(new Seat(s, booking(s, BookingStatus.BOOKED), null, "noshow", null, REVISION)));
        assertThat(a.hasSlot()).isFalse();
        assertThat(a.getStatus()).isEqualTo(Appointment.AppointmentStatus.NOSHOW);
        assertThat(a.getServiceTypeFirstRep().getText()).isEqualTo("Individual psychotherapy");
    }

    @Test
    void anAttendingPatientsEncounterIsTypedByItsBillingCodeAndLinkedToItsAppointment() {
        TherapySession s = session(SessionType.GROUP, "Room A");
        Booking b = booking(s, BookingStatus.BOOKED);
        Encounter e = valid(encounters.toFhir(new Seat(s, b, attendance(b, AttendanceStatus.LATE, 150, "90853"), "fulfilled", null, REVISION)),
                US_CORE_ENCOUNTER);

        assertThat(e.getIdElement().getIdPart()).isEqualTo(b.id.toString());
        assertThat(e.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
        assertThat(e.getClass_().getCode()).isEqualTo("AMB");
        assertThat(e.getTypeFirstRep().getCodingFirstRep().getSystem()).isEqualTo(SessionFhir.CPT);
        assertThat(e.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("90853");
        assertThat(e.getSubject().getReference()).isEqualTo("Patient/" + b.patientId);
        assertThat(e.getAppointmentFirstRep().getReference()).isEqualTo("Appointment/" + b.id);
        assertThat(e.getParticipantFirstRep().getIndividual().getReference()).isEqualTo("Practitioner/" + s.clinicianId);
        assertThat(e.getPeriod().getStartElement().getValueAsString()).isEqualTo("2026-12-01T09:00:00-05:00");
        assertThat(e.getLength().getValue().intValue()).isEqualTo(150);
        assertThat(e.getIdentifierFirstRep().getValue()).isEqualTo("urn:uuid:" + b.id);
        assertThat(ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser().encodeResourceToString(e)).doesNotContain("never shown");
    }

    @Test
    void aTelehealthEncounterIsVirtualAndOneWithoutBillingCodeTheGenericEncounter() {
        TherapySession s = session(SessionType.INDIVIDUAL, "TELEHEALTH");
        Booking b = booking(s, BookingStatus.BOOKED);
        Encounter e = valid(encounters.toFhir(new Seat(s, b, attendance(b, AttendanceStatus.LEFT_EARLY, 12, null), "fulfilled", null, REVISION)),
                US_CORE_ENCOUNTER);
        assertThat(e.getClass_().getCode()).isEqualTo("VR");
        assertThat(e.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("308335008");
        assertThat(e.getTypeFirstRep().getText()).contains("not billable");
    }

    @Test
    void aGroupSessionIsASlotWithItsCapacityInItsClinicansSchedule() {
        TherapySession s = session(SessionType.GROUP, "Room A");
        Slot slot = valid(slots.toFhir(new Roster(s, List.of(), 12, 2, "busy", REVISION)));
        assertThat(slot.getIdElement().getIdPart()).isEqualTo(s.id.toString());
        assertThat(slot.getStatus()).isEqualTo(Slot.SlotStatus.BUSY);
        assertThat(slot.getSchedule().getReference()).isEqualTo("Schedule/" + s.clinicianId);
        assertThat(((IntegerType) slot.getExtensionByUrl(SessionFhir.SLOT_CAPACITY).getValue()).getValue()).isEqualTo(12);
        assertThat(((IntegerType) slot.getExtensionByUrl(SessionFhir.SLOT_BOOKED).getValue()).getValue()).isEqualTo(12);
        assertThat(((IntegerType) slot.getExtensionByUrl(SessionFhir.SLOT_WAITLISTED).getValue()).getValue()).isEqualTo(2);
        assertThat(slot.getStartElement().getValueAsString()).isEqualTo("2026-12-01T09:00:00-05:00");
    }

    @Test
    void aRosterIsAnActualGroupOfItsSeatedPatientsWithTheirPeriods() {
        TherapySession s = session(SessionType.GROUP, "Room A");
        Booking seated = booking(s, BookingStatus.BOOKED);
        Booking waiting = booking(s, BookingStatus.WAITLISTED);
        Booking left = booking(s, BookingStatus.CANCELLED);
        left.cancelledAt = START.minusDays(1);
        Booking neverSeated = booking(s, BookingStatus.CANCELLED);
        neverSeated.seatedAt = null;
        List<Booking> roster = List.of(seated, waiting, left, neverSeated);
        Group g = valid(groups.toFhir(new Roster(s, roster, 1, 1, "free", REVISION), roster));

        assertThat(g.getActual()).isTrue();
        assertThat(g.getType()).isEqualTo(Group.GroupType.PERSON);
        assertThat(g.getQuantity()).isEqualTo(1);
        assertThat(g.getManagingEntity().getReference()).isEqualTo("Practitioner/" + s.clinicianId);
        assertThat(g.getName()).isEqualTo("Relapse prevention, 2026-12-01 09:00");
        assertThat(g.getMember()).extracting(m -> m.getEntity().getReference())
                .containsExactly("Patient/" + seated.patientId, "Patient/" + left.patientId);
        assertThat(g.getMember().get(0).getInactive()).isFalse();
        assertThat(g.getMember().get(0).getPeriod().hasEnd()).isFalse();
        assertThat(g.getMember().get(1).getInactive()).isTrue();
        assertThat(g.getMember().get(1).getPeriod().getEndElement().getValueAsString()).isEqualTo("2026-11-30T09:00:00-05:00");
    }

    @Test
    void aClinicianLeadingGroupsHasASchedule() {
        UUID clinician = UUID.randomUUID();
        Schedule schedule = valid(new ScheduleMapper().toFhir(new GroupSchedule(clinician, new Revision(1, START.toInstant()))));
        assertThat(schedule.getIdElement().getIdPart()).isEqualTo(clinician.toString());
        assertThat(schedule.getActorFirstRep().getReference()).isEqualTo("Practitioner/" + clinician);
        assertThat(schedule.getMeta().getVersionId()).isEqualTo("1");
    }
}
