package care.iop.session.fhir.rest;

import java.time.ZoneId;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.Period;

import care.iop.fhir.FhirVersions;
import care.iop.session.config.SessionConfig;
import care.iop.session.domain.Attendance;
import care.iop.session.domain.Booking;
import care.iop.session.domain.TherapySession;
import care.iop.session.fhir.domain.Seat;

/**
 * The attendance of one patient who was there as a US Core 6.1 Encounter (docs/fhir-session.md): finished, class AMB
 * (VR for a telehealth session), type the suggested billing code (CPT), linked to the patient's Appointment, with the
 * session's time as period and the minutes attended as length. Never the attendance note (clinicians read it in the JSON
 * API).
 */
@Singleton
public class EncounterMapper {
    /** US Core Encounter type for an attendance no billing code fits (e.g. too short to bill): the root of its SNOMED CT part. */
    static final Coding NOT_BILLABLE = new Coding(SessionFhir.SNOMED, "308335008", "Patient encounter procedure");

    private final ZoneId zone;

    @Inject
    public EncounterMapper(SessionConfig config) {
        this(config.timeZone());
    }

    EncounterMapper(ZoneId zone) {
        this.zone = zone;
    }

    /** Only for a seat whose patient {@linkplain Seat#attended() attended}. */
    public Encounter toFhir(Seat seat) {
        TherapySession session = seat.session();
        Booking booking = seat.booking();
        Attendance attendance = seat.attendance();
        Encounter encounter = new Encounter();
        encounter.setId(booking.id.toString());
        FhirVersions.meta(encounter, seat.revision().version(), seat.revision().lastUpdated());
        encounter.addIdentifier().setSystem(SessionFhir.URI).setValue("urn:uuid:" + booking.id);
        encounter.setStatus(EncounterStatus.FINISHED);
        encounter.setClass_(TherapySession.TELEHEALTH.equals(session.location)
                ? new Coding(SessionFhir.ACT_CODE, "VR", "virtual")
                : new Coding(SessionFhir.ACT_CODE, "AMB", "ambulatory"));
        encounter.addType(type(session, attendance));
        encounter.setServiceType(SessionFhir.serviceType(session.type));
        encounter.setSubject(SessionFhir.patient(booking.patientId));
        Period period = new Period().setStartElement(SessionFhir.dateTime(session.start, zone)).setEndElement(SessionFhir.dateTime(session.end, zone));
        encounter.addParticipant()
                .addType(new CodeableConcept(new Coding(SessionFhir.PARTICIPATION_TYPE, "PPRF", "primary performer")))
                .setIndividual(SessionFhir.practitioner(session.clinicianId)).setPeriod(period.copy());
        encounter.addAppointment(SessionFhir.appointment(booking.id));
        encounter.setPeriod(period);
        encounter.setLength((Duration) new Duration().setValue(attendance.minutesAttended).setSystem(SessionFhir.UCUM).setCode("min").setUnit("min"));
        return encounter;
    }

    /** The suggested CPT code (BillingCodes), or the generic encounter when none fits. */
    private static CodeableConcept type(TherapySession session, Attendance attendance) {
        String kind = SessionFhir.serviceType(session.type).getText();
        if (attendance.billingCode == null) {
            return new CodeableConcept(NOT_BILLABLE.copy()).setText(kind + ", not billable (" + attendance.minutesAttended + " minutes)");
        }
        return new CodeableConcept(new Coding(SessionFhir.CPT, attendance.billingCode, null)).setText(kind + " (CPT " + attendance.billingCode + ")");
    }
}
