package care.iop.session.fhir.domain;

import care.iop.session.domain.Attendance;
import care.iop.session.domain.Booking;
import care.iop.session.domain.TherapySession;

/**
 * One patient's place in one session (a booking, in any status) with its session and the patient's attendance: what
 * FHIR shows as an Appointment, and as an Encounter once the patient attended.
 *
 * @param attendance       the patient's recorded attendance, null until recorded
 * @param appointmentStatus the FHIR Appointment status, as {@code Seats} derives it in the query that finds seats by it
 * @param waitlistPosition  the place on the waitlist, from 1; null when not waitlisted
 */
public record Seat(TherapySession session, Booking booking, Attendance attendance, String appointmentStatus, Integer waitlistPosition,
                   Revision revision) {

    /** True when the patient was there for at least part of the session: it then has an Encounter. */
    public boolean attended() {
        return attendance != null && attendance.status.present();
    }
}
